public import AmtswegCore
public import AmtswegStore
import Foundation
import Synchronization

/// The server's access to the store: snapshots to read, and writes that replace the snapshot they change.
///
/// Snapshots are cached per tenant because every page reads the whole map and parses the processes' BPMN;
/// a write through this workspace drops what it makes stale. Writes through another server instance on the same
/// database, or through a command, are noticed through the store's change feed (``synchronize()``).
///
/// A tenant's data is split into areas (``StoreChangeKind``): the model (map and processes, what a snapshot
/// holds), the roadmap, the discussion (comments, proposals, votes) and the rest. Every kept value names the areas
/// it was made from — all of them unless its maker says fewer — and, where it shows only what concerns one
/// subject (a process's page), that subject. A write drops only the values made from an area it changed, and of
/// those, where it names a subject, only the ones about that subject or about no particular one: a vote leaves
/// the parsed processes and the roadmap's schedule in memory, a comment on one process every other process's page.
public actor Workspace {
    /// The store behind its protocols: the workspace does not know the engine.
    public nonisolated let repository: any Store
    /// Accounts, sessions, tokens and the audit log (the same store, seen through its account protocol), with what
    /// every request asks kept in memory (``CachingAccountRepository``).
    public nonisolated let accounts: any AccountRepository
    /// What is kept per tenant: its snapshot, and values computed from it (a page's view, a drawing), dropped
    /// together. Read without entering the actor — a kept page is asked for thousands of times a second —
    /// and written only inside it, where the generation is checked.
    private struct Kept {
        var snapshots: [ModelView: TenantSnapshot] = [:]
        /// Each value with the areas it was made from, as bits (``areaBits(_:)``), and its subject.
        var derived: [String: (value: any Sendable, areas: UInt8, subject: String?)] = [:]
    }

    /// `areas` as one bit each: a write compares them with every kept value of its tenant, hundreds to thousands,
    /// and comparing sets of areas there was a fortieth of the machine under the cluster benchmark.
    private static func areaBits(_ areas: Set<Area>) -> UInt8 {
        areas.reduce(0) { bits, area in bits | 1 << UInt8(Area.allCases.firstIndex(of: area) ?? 7) }
    }

    /// An area of a tenant's data, as the store's change feed names it.
    public typealias Area = StoreChangeKind

    /// What a kept value depends on unless it names its areas: every area of a tenant's data but the roadmap's
    /// vision, which only the roadmap's pages show — they name it (``vision(of:)``), so that a new wording of the
    /// vision makes no other page stale.
    public static let keptAreas = Area.tenantData.subtracting([.vision])

    /// How many values are kept per tenant at most: pages are kept per person, language and query, so without a
    /// bound anyone could fill the memory with `?x=1`, `?x=2` … between two writes. When full, all are dropped.
    static let maxKeptValues = 5_000

    private nonisolated let kept = Mutex<[ID<Tenant>: Kept]>([:])
    private var firstTenant: ID<Tenant>??

    private let keepsDerivedValues: Bool

    /// How many times anything kept here was dropped: every write through this workspace and every change seen in
    /// the feed counts. Read without entering the actor by ``ReplayedAnswers``, which replays an answer only
    /// while this count is the one it was made under.
    public nonisolated var changeCount: Int { changeCounter.load(ordering: .acquiring) }
    private nonisolated let changeCounter = Atomic<Int>(0)

    /// `keepsDerivedValues: false` reads the snapshot and computes every derived value anew on each request,
    /// as after a write (to measure a cache miss). `accountLifetime` is how many seconds a kept sign-in, token or account
    /// is trusted without a change seen (``CachingAccountRepository``); tests lengthen it to show what
    /// ``synchronize()`` does regardless of the clock.
    public init(repository: any Store, keepsDerivedValues: Bool = true, accountLifetime: Double = 5) {
        self.repository = repository
        self.accounts = CachingAccountRepository(repository, lifetime: accountLifetime)
        self.keepsDerivedValues = keepsDerivedValues
    }

    /// Who acts in local mode: the local administrator in the default tenant. The account exists so that it can
    /// hold access tokens for the API (``ensureLocalAdministrator()``).
    /// Asked by every request in local mode, so a kept answer is read without entering the actor.
    public nonisolated func localAccess() async throws -> Access? {
        if let kept = localAccessCache.withLock({ $0 }) { return kept }
        return try await loadLocalAccess()
    }

    private func loadLocalAccess() async throws -> Access? {
        guard let tenant = try await defaultTenant(),
            let account = try await accounts.account(named: Account.localName)
        else { return nil }
        let memberships = try await accounts.memberships(of: account.id)
        let membership =
            memberships.first { $0.tenantID == tenant }
            ?? Membership(accountID: account.id, tenantID: tenant, role: .administration)
        let access = Access(account: account, membership: membership, memberships: memberships, means: .local)
        localAccessCache.withLock { $0 = access }
        return access
    }

    private nonisolated let localAccessCache = Mutex<Access?>(nil)

    /// Creates the local administrator's account (it cannot sign in: it has no password) and gives it the
    /// administration role in every tenant.
    public func ensureLocalAdministrator() async throws {
        let accounts = self.accounts
        var account = try await accounts.account(named: Account.localName)
        if account == nil { account = try await createLocalAdministrator() }
        guard let account else { return }
        let member = Set(try await accounts.memberships(of: account.id).map(\.tenantID))
        for tenant in try await repository.tenants() where !member.contains(tenant.id) {
            try await accounts.setMembership(
                Membership(accountID: account.id, tenantID: tenant.id, role: .administration), by: .local)
        }
        localAccessCache.withLock { $0 = nil }
    }

    /// Creates the local administrator's account — or finds it created by another instance that started at the
    /// same moment against the same database (the store refuses the second account of the name).
    func createLocalAdministrator() async throws -> Account? {
        let created = Account(
            id: ID(Account.localName), name: Account.localName, displayName: "Lokale Administration", createdAt: Date())
        do {
            try await accounts.createAccount(created, passwordHash: "!", memberships: [], by: .local)
            return created
        } catch StoreError.conflict {
            return try await accounts.account(named: Account.localName)
        }
    }

    /// The tenant a request works on in local mode: the only one, or the first by id.
    public func defaultTenant() async throws -> ID<Tenant>? {
        if let firstTenant { return firstTenant }
        let tenant = try await repository.tenants().first?.id
        firstTenant = tenant
        return tenant
    }

    /// The tenant's data as read from the store, kept until the next write. Requests that arrive while it is
    /// being read wait for that reading instead of starting their own: after a write, fifty people asking for
    /// the same page cause one reading of the map and its processes, not fifty.
    ///
    /// `view` says which state of the processes: the working state (drafts included) or the released versions
    /// only, for those who may not see drafts (``ModelView``).
    public nonisolated func snapshot(of tenant: ID<Tenant>, view: ModelView = .working) async throws
        -> TenantSnapshot
    {
        if let snapshot = kept.withLock({ $0[tenant]?.snapshots[view] }) { return snapshot }
        return try await loadSnapshot(of: tenant, view: view)
    }

    private func loadSnapshot(of tenant: ID<Tenant>, view: ModelView) async throws -> TenantSnapshot {
        if let snapshot = kept.withLock({ $0[tenant]?.snapshots[view] }) { return snapshot }
        let generation = generation(of: tenant, over: [.model])
        let loadingKey = "\(tenant)|\(view.rawValue)"
        if keepsDerivedValues, let running = loading[loadingKey], running.generation == generation {
            return try await running.task.value
        }
        let previous = lastLoaded[loadingKey]?.snapshot
        let task = Task { [repository] in
            let statuses = try await repository.processStatuses(of: tenant)
            let records =
                switch view {
                case .working: try await repository.processes(of: tenant)
                case .released: try await repository.releasedProcesses(of: tenant).map(\.record)
                }
            // Readers see the released organisation too (with the settings in force); without versions the
            // map as it stands is the agreed one.
            let mapVersion = try await repository.mapHead(of: tenant)
            var released: TenantMap?
            if view == .released { released = try await repository.releasedMap(of: tenant) }
            let map: TenantMap
            if let released { map = released } else { map = try await repository.loadMap(of: tenant) }
            return TenantSnapshot(
                map: map, records: records, view: view, statuses: statuses, mapVersion: mapVersion,
                previous: previous)
        }
        if keepsDerivedValues { loading[loadingKey] = (generation, task) }
        defer { if loading[loadingKey]?.generation == generation { loading[loadingKey] = nil } }
        let snapshot: TenantSnapshot
        do {
            snapshot = try await task.value
        } catch {
            // A tenant deleted meanwhile leaves nothing behind; anything else is read in full next time.
            lastLoaded[loadingKey] = nil
            throw error
        }
        // A slower load begun before a write does not replace one made after it.
        if generation >= lastLoaded[loadingKey]?.generation ?? .min {
            lastLoaded[loadingKey] = (generation, snapshot)
        }
        // A write while this one was loading makes it stale: hand it out, but do not keep it.
        if generation == self.generation(of: tenant, over: [.model]), keepsDerivedValues {
            kept.withLock { $0[tenant, default: Kept()].snapshots[view] = snapshot }
        }
        return snapshot
    }

    private var loading: [String: (generation: Int, task: Task<TenantSnapshot, any Error>)] = [:]
    /// The snapshot last loaded per tenant and view, with the generation it was loaded under, kept also after a
    /// write: the next one takes over the processes read from records that did not change (see
    /// ``TenantSnapshot/init(map:records:view:statuses:mapVersion:previous:)``). Dropped when a load fails.
    private var lastLoaded: [String: (generation: Int, snapshot: TenantSnapshot)] = [:]

    /// A value computed from the tenant's data, made once until the next write to an area it was made from
    /// (`areas`: all of them unless the caller knows that `make` reads fewer — a value that reads an area it does
    /// not name is served stale after a write there). The computation runs outside the actor, so a slow one does
    /// not hold up other requests. Requests that need a value being computed wait for that computation instead of
    /// starting their own.
    ///
    /// `subject` (see ``StoreChange/subject``): the value shows of its areas only what concerns that subject, so a
    /// write about another subject leaves it kept.
    public nonisolated func derived<Value: Sendable>(
        _ tenant: ID<Tenant>, _ key: String, areas: Set<Area> = keptAreas, about subject: String? = nil,
        make: @escaping @Sendable () async throws -> Value
    ) async throws -> Value {
        // Unwrapped before the cast: a kept `nil` (Value is an optional) is a value, a missing entry is not.
        if let stored = kept.withLock({ $0[tenant]?.derived[key]?.value }), let value = stored as? Value {
            return value
        }
        return try await computeDerived(tenant, key, areas: areas, subject: subject, make: make)
    }

    /// A value computed from `snapshot` (and from `areas`, to which the model is added), kept per view
    /// (``ModelView``): what is made from the working state is never handed to someone who sees only the released
    /// versions.
    public nonisolated func derived<Value: Sendable>(
        from snapshot: TenantSnapshot, _ key: String, areas: Set<Area> = keptAreas, about subject: String? = nil,
        make: @escaping @Sendable () async throws -> Value
    ) async throws -> Value {
        try await derived(
            snapshot.map.tenant.id, "\(snapshot.view.rawValue)|\(key)", areas: areas.union([.model]), about: subject,
            make: make)
    }

    /// The derived value kept under `key`, if one is: nothing is computed. For a request that can answer from a
    /// kept page before doing the work that page needs.
    public nonisolated func keptValue<Value: Sendable>(_ tenant: ID<Tenant>, _ key: String, as _: Value.Type) -> Value?
    {
        // Unwrapped before the cast, as in `derived`: a missing entry cast to an optional `Value` would be a kept `nil`.
        guard let stored = kept.withLock({ $0[tenant]?.derived[key]?.value }) else { return nil }
        return stored as? Value
    }

    private func computeDerived<Value: Sendable>(
        _ tenant: ID<Tenant>, _ key: String, areas: Set<Area>, subject: String?,
        make: @escaping @Sendable () async throws -> Value
    ) async throws -> Value {
        guard keepsDerivedValues else { return try await make() }
        if let stored = kept.withLock({ $0[tenant]?.derived[key]?.value }), let value = stored as? Value {
            return value
        }
        let generation = generation(of: tenant, over: areas)
        let flightKey = "\(tenant)|\(generation)|\(key)"
        if let running = inFlight[flightKey] as? Task<Value, any Error> { return try await running.value }
        let task = Task { try await make() }
        inFlight[flightKey] = task
        defer { inFlight[flightKey] = nil }
        let value = try await task.value
        // Stored only if no write changed its areas meanwhile.
        if generation == self.generation(of: tenant, over: areas) {
            kept.withLock { kept in
                if kept[tenant, default: Kept()].derived.count >= Self.maxKeptValues {
                    kept[tenant]?.derived.removeAll()
                }
                kept[tenant, default: Kept()].derived[key] = (value, Self.areaBits(areas), subject)
            }
        }
        return value
    }

    private var inFlight: [String: any Sendable] = [:]

    /// How many writes this workspace has seen per tenant and area. A value's generation is the sum over the
    /// areas it was made from: the counts only grow, so an equal sum means no write in between.
    private var generations: [ID<Tenant>: [Area: Int]] = [:]

    private func generation(of tenant: ID<Tenant>, over areas: Set<Area>) -> Int {
        areas.reduce(0) { $0 + generations[tenant, default: [:]][$1, default: 0] }
    }

    /// Called after a write that changed `areas` of the tenant's data (all unless it says fewer), about `subject`
    /// only if given; it must name the same areas and subject as the store's write (``StoreChange``), which other
    /// instances go by. While the write is under way, requests keep getting
    /// the views of the data as it was committed so far (computing them anew then would only repeat the old
    /// answer, at the cost of every request); afterwards the next request computes them from the new data. A
    /// view whose computation began before this call is not kept, since the generation it began under has passed.
    private func invalidate(_ tenant: ID<Tenant>, _ areas: Set<Area> = Area.tenantData, about subject: String? = nil) {
        let bits = Self.areaBits(areas)
        kept.withLock { kept in
            guard var entry = kept[tenant] else { return }
            if areas.contains(.model) { entry.snapshots.removeAll() }
            // The stale ones removed one by one: a comment makes two or three of thousands stale, and rebuilding
            // the dictionary for each write cost more than the comment.
            let stale = entry.derived.compactMap { key, kept in
                kept.areas & bits == 0 || (subject != nil && kept.subject != nil && kept.subject != subject)
                    ? nil : key
            }
            kept[tenant] = nil
            for key in stale { entry.derived.removeValue(forKey: key) }
            kept[tenant] = entry
        }
        for area in areas { generations[tenant, default: [:]][area, default: 0] += 1 }
        if areas.contains(.discussion) { commentBases.withLock { $0.changed(tenant, about: subject) } }
        changeCounter.add(1, ordering: .releasing)
    }

    /// An event log was stored: pages that list or measure logs are computed anew.
    public func eventLogsChanged(_ tenant: ID<Tenant>) { invalidate(tenant) }

    /// Stores the confirmed mapping of a log's activities to its process's steps; the measured times are computed
    /// anew. See ``EventLogRepository/confirmStepMapping(_:ofLog:of:summary:by:)``.
    public func confirmStepMapping(
        _ mapping: [String: String], ofLog log: ID<EventLogRecord>, of tenant: ID<Tenant>, summary: String,
        by author: Author
    ) async throws {
        try await repository.confirmStepMapping(mapping, ofLog: log, of: tenant, summary: summary, by: author)
        invalidate(tenant)
    }

    /// Saves the map made from the organisation's version `basedOn` (a snapshot's ``TenantSnapshot/mapVersion``,
    /// or the version a form was made from); see ``MapVersionRepository/saveMap(_:change:by:basedOn:)``.
    public func saveMap(_ map: TenantMap, change: MapChange, by author: Author, basedOn: Int?) async throws {
        defer { invalidate(map.tenant.id) }
        try await repository.saveMap(map, change: change, by: author, basedOn: basedOn)
    }

    public func saveProcess(_ record: ProcessRecord, of tenant: ID<Tenant>, by author: Author) async throws {
        try await repository.saveProcess(record, of: tenant, by: author)
        invalidate(tenant)
    }

    /// Saves the next version of a process; see
    /// ``ProcessVersionRepository/saveProcess(_:of:by:comment:basedOn:)``.
    @discardableResult
    public func saveProcess(
        _ record: ProcessRecord, of tenant: ID<Tenant>, by author: Author, comment: String, basedOn: Int?
    ) async throws -> ProcessVersion {
        defer { invalidate(tenant) }
        return try await repository.saveProcess(record, of: tenant, by: author, comment: comment, basedOn: basedOn)
    }

    /// Takes a review step on version `basedOn` (see
    /// ``ProcessVersionRepository/changeRelease(_:of:in:by:comment:basedOn:)``). What the reviewer wrote (needed
    /// when returning a draft) comes as `note`, a comment on the process, so its authors find it beside the
    /// process and on their start page.
    @discardableResult
    public func changeRelease(
        _ action: ReleaseAction, of process: ID<ProcessModel>, in tenant: ID<Tenant>, by author: Author,
        note: Comment?, basedOn: Int?
    ) async throws -> ProcessStatus {
        defer { invalidate(tenant) }
        let status = try await repository.changeRelease(
            action, of: process, in: tenant, by: author, comment: note?.text ?? "", basedOn: basedOn)
        if let note { try await repository.addComment(note, of: tenant) }
        return status
    }

    /// Saves an old version's contents as a new draft; see
    /// ``ProcessVersionRepository/restoreVersion(_:of:in:by:basedOn:)``.
    @discardableResult
    public func restoreVersion(
        _ number: Int, of process: ID<ProcessModel>, in tenant: ID<Tenant>, by author: Author, basedOn: Int?
    ) async throws -> ProcessVersion {
        defer { invalidate(tenant) }
        return try await repository.restoreVersion(number, of: process, in: tenant, by: author, basedOn: basedOn)
    }

    public func saveTenant(_ contents: TenantContents, by author: Author) async throws {
        invalidate(contents.map.tenant.id)
        firstTenant = nil
        localAccessCache.withLock { $0 = nil }
        try await repository.saveTenant(contents, by: author)
        invalidate(contents.map.tenant.id)
    }

    // MARK: - Other writers

    /// The newest entry of the store's change feed this workspace has acted on; `nil` before the first look.
    private nonisolated let seenChange = Mutex<Int?>(nil)

    /// How many entries of the feed one read takes at most; a look reads on until it has them all.
    static let feedPage = 500

    /// Drops what is kept in memory that the store's newer entries of its change feed made stale — writes by
    /// another server instance on the same PostgreSQL database, or by a command: per area, tenant and subject as
    /// each entry names them (``StoreChange``), the kept sign-ins when accounts, sessions or tokens changed. One
    /// indexed read when nothing changed; the server calls it before each request when its store can have other
    /// writers (``StoreSyncMiddleware``). What was read is dropped before it counts as seen, so a request that
    /// looks after this one returns never finds an entry seen whose values are still kept.
    ///
    /// Requests that arrive together share one look: each waits for a look that began after it arrived — so it
    /// sees every write committed before it came — but not for a look of its own. Under load that is one read per
    /// round trip to the database instead of one per request (half of the database's statements under the cluster
    /// benchmark were these reads).
    public nonisolated func synchronize() async throws {
        try await withCheckedThrowingContinuation { (waiting: CheckedContinuation<Void, any Error>) in
            let starts = looks.withLock { looks in
                looks.waiting.append(waiting)
                defer { looks.isLooking = true }
                return !looks.isLooking
            }
            if starts { Task { await self.lookWhileWaited() } }
        }
    }

    /// Who waits for the next look at the change feed, and whether one is under way (``synchronize()``).
    private struct Looks {
        var isLooking = false
        var waiting: [CheckedContinuation<Void, any Error>] = []
    }
    private nonisolated let looks = Mutex(Looks())

    /// Looks as long as requests wait: each look answers those that waited when it began.
    private nonisolated func lookWhileWaited() async {
        while true {
            let answered = looks.withLock { looks in
                defer { looks.waiting = [] }
                if looks.waiting.isEmpty { looks.isLooking = false }
                return looks.waiting
            }
            if answered.isEmpty { return }
            do {
                try await look()
                for waiting in answered { waiting.resume() }
            } catch {
                for waiting in answered { waiting.resume(throwing: error) }
            }
        }
    }

    /// One look at the change feed, read on until nothing newer is left.
    private nonisolated func look() async throws {
        guard let seen = seenChange.withLock({ $0 }) else {
            let newest = try await repository.newestChange()
            seenChange.withLock { $0 = max($0 ?? 0, newest) }
            return
        }
        let changes = try await repository.changes(after: seen, limit: Self.feedPage)
        guard let last = changes.last?.sequence else { return }
        if changes.first?.sequence != seen + 1 {
            // Entries were cleared away (this instance fell far behind) or a write was rolled back after taking
            // its number: what is missing cannot be told from what is not, so everything is read anew.
            (accounts as? CachingAccountRepository)?.forget()
            await invalidateEverything(Set(Area.allCases))
        } else {
            if changes.contains(where: { $0.kind == .accounts }) { (accounts as? CachingAccountRepository)?.forget() }
            await invalidate(changes)
        }
        seenChange.withLock { $0 = max($0 ?? 0, last) }
        if changes.count == Self.feedPage { try await look() }
    }

    /// Another writer made `changes`: what this workspace keeps from them is dropped.
    private func invalidate(_ changes: [StoreChange]) {
        for change in changes where Area.tenantData.contains(change.kind) {
            let tenants =
                change.tenant.map { [$0] } ?? Array(Set(kept.withLock { Array($0.keys) }).union(generations.keys))
            for tenant in tenants { invalidate(tenant, [change.kind], about: change.subject) }
        }
        if changes.contains(where: { [.model, .accounts].contains($0.kind) }) {
            firstTenant = nil
            localAccessCache.withLock { $0 = nil }
            changeCounter.add(1, ordering: .releasing)
        }
    }

    /// Drops what every tenant keeps from `kinds`. Tenants and the local administrator's access are read anew
    /// after any change of the model (an import adds a tenant) or the accounts.
    private func invalidateEverything(_ kinds: Set<StoreChangeKind>) {
        let areas = kinds.intersection(Area.tenantData)
        if !areas.isEmpty {
            let tenants = Set(kept.withLock { Array($0.keys) }).union(generations.keys)
            for tenant in tenants { invalidate(tenant, areas) }
        }
        if !kinds.isDisjoint(with: [.model, .accounts]) {
            firstTenant = nil
            localAccessCache.withLock { $0 = nil }
            changeCounter.add(1, ordering: .releasing)
        }
    }

    // MARK: - Comments

    /// The tenant's comments, kept like a derived view until a write: every process page shows those about it.
    public func comments(of tenant: ID<Tenant>) async throws -> [Comment] {
        try await derived(tenant, "comments", areas: [.discussion]) { [repository] in
            try await repository.comments(of: tenant)
        }
    }

    /// The comments on one process and its steps, kept until a comment about that process. Made anew from the
    /// ones read before (``CommentBases``) and those written since, read alone: a busy process's comments were
    /// read whole again after every new one, the more the longer a discussion ran.
    public func comments(of tenant: ID<Tenant>, aboutProcess process: ID<ProcessModel>) async throws -> [Comment] {
        try await derived(
            tenant, "comments|\(process)", areas: [.discussion], about: StoreChange.subject(ofProcess: process)
        ) { [repository] in
            let (epoch, base) = self.commentBases.withLock { $0.base(of: tenant, process) }
            let read: [Comment]
            if let base,
                let extended = try await CommentBases.extended(
                    base,
                    reading: {
                        try await repository.comments(of: tenant, aboutProcess: process, writtenSince: $0, besides: $1)
                    })
            {
                read = extended
            } else {
                read = try await repository.comments(of: tenant, aboutProcess: process)
            }
            self.commentBases.withLock { $0.keep(read, of: tenant, process, epoch: epoch) }
            return read
        }
    }

    /// The comments last read per process, for ``comments(of:aboutProcess:)``.
    private nonisolated let commentBases = Mutex(CommentBases())

    /// Adds a comment; see ``CommentRepository/addComment(_:of:)``.
    public func addComment(_ comment: Comment, of tenant: ID<Tenant>) async throws {
        try await repository.addComment(comment, of: tenant)
        invalidate(tenant, [.discussion], about: StoreChange.subject(of: comment.subject))
    }

    /// Settles or reopens a thread; see ``CommentRepository/setResolution(_:ofComment:in:by:)``.
    public func setResolution(
        _ resolution: Comment.Resolution?, ofComment id: ID<Comment>, in tenant: ID<Tenant>, by author: Author
    ) async throws {
        try await repository.setResolution(resolution, ofComment: id, in: tenant, by: author)
        invalidate(tenant, [.discussion])
    }

    // MARK: - Proposals

    /// The tenant's improvement proposals, kept like a derived view until a write.
    public func proposals(of tenant: ID<Tenant>) async throws -> [Proposal] {
        try await derived(tenant, "proposals", areas: [.discussion]) { [repository] in
            try await repository.proposals(of: tenant)
        }
    }

    public func addProposal(_ proposal: Proposal, of tenant: ID<Tenant>) async throws {
        defer { invalidate(tenant, [.discussion], about: StoreChange.subject(ofProposal: proposal.id)) }
        try await repository.addProposal(proposal, of: tenant)
    }

    /// Stores a decision or withdrawal; see ``ProposalRepository/updateProposal(_:of:action:summary:by:)``.
    public func updateProposal(
        _ proposal: Proposal, of tenant: ID<Tenant>, action: String, summary: String, by author: Author
    ) async throws {
        defer { invalidate(tenant, [.discussion], about: StoreChange.subject(ofProposal: proposal.id)) }
        try await repository.updateProposal(proposal, of: tenant, action: action, summary: summary, by: author)
    }

    public func toggleVote(on proposal: ID<Proposal>, by account: ID<Account>, of tenant: ID<Tenant>, author: Author)
        async throws -> Bool
    {
        defer { invalidate(tenant, [.discussion], about: StoreChange.subject(ofProposal: proposal)) }
        return try await repository.toggleVote(on: proposal, by: account, of: tenant, author: author)
    }

    /// Accepts a proposal as an initiative of the roadmap; see ``ProposalRepository/acceptProposal(_:as:of:by:)``.
    public func acceptProposal(_ id: ID<Proposal>, as initiative: Initiative, of tenant: ID<Tenant>, by author: Author)
        async throws -> Proposal
    {
        defer { invalidate(tenant, [.discussion, .roadmap], about: StoreChange.subject(ofProposal: id)) }
        return try await repository.acceptProposal(id, as: initiative, of: tenant, by: author)
    }

    // MARK: - Versions of the organisation

    /// Takes a review step on the organisation's newest version; see
    /// ``MapVersionRepository/changeMapRelease(_:of:by:comment:)``.
    @discardableResult
    public func changeMapRelease(_ action: ReleaseAction, of tenant: ID<Tenant>, by author: Author, comment: String)
        async throws -> MapVersion
    {
        defer { invalidate(tenant) }
        return try await repository.changeMapRelease(action, of: tenant, by: author, comment: comment)
    }

    /// Saves an old version's organisation as a new draft; see ``MapVersionRepository/restoreMapVersion(_:of:by:)``.
    @discardableResult
    public func restoreMapVersion(_ number: Int, of tenant: ID<Tenant>, by author: Author) async throws -> MapVersion {
        defer { invalidate(tenant) }
        return try await repository.restoreMapVersion(number, of: tenant, by: author)
    }

    // MARK: - Workshop rounds

    /// The tenant's workshop rounds, kept like a derived view until a write.
    public func workshopRounds(of tenant: ID<Tenant>) async throws -> [WorkshopRound] {
        try await derived(tenant, "workshopRounds", areas: [.data]) { [repository] in
            try await repository.workshopRounds(of: tenant)
        }
    }

    /// The answers of all the tenant's rounds, oldest first, kept like a derived view until a write.
    public func workshopAnswers(of tenant: ID<Tenant>) async throws -> [WorkshopAnswer] {
        try await derived(tenant, "workshopAnswers", areas: [.data]) { [repository] in
            try await repository.workshopAnswers(of: tenant)
        }
    }

    public func openWorkshopRound(_ round: WorkshopRound, of tenant: ID<Tenant>) async throws {
        defer { invalidate(tenant) }
        try await repository.openWorkshopRound(round, of: tenant)
    }

    public func closeWorkshopRound(_ id: ID<WorkshopRound>, on day: Day, of tenant: ID<Tenant>, by author: Author)
        async throws
    {
        defer { invalidate(tenant) }
        try await repository.closeWorkshopRound(id, on: day, of: tenant, by: author)
    }

    public func saveWorkshopAnswer(_ answer: WorkshopAnswer, of tenant: ID<Tenant>) async throws {
        defer { invalidate(tenant) }
        try await repository.saveWorkshopAnswer(answer, of: tenant)
    }

    /// Decides on an answer; an accepted change lands in the map. See
    /// ``WorkshopRepository/decideWorkshopAnswer(_:_:of:by:)``.
    @discardableResult
    public func decideWorkshopAnswer(
        _ id: ID<WorkshopAnswer>, _ decision: WorkshopAnswer.Decision, of tenant: ID<Tenant>, by author: Author
    ) async throws -> WorkshopAnswer {
        defer { invalidate(tenant) }
        return try await repository.decideWorkshopAnswer(id, decision, of: tenant, by: author)
    }

    public func recordContradiction(_ finding: WorkshopFinding, of tenant: ID<Tenant>, by author: Author)
        async throws
    {
        defer { invalidate(tenant) }
        try await repository.recordContradiction(finding, of: tenant, by: author)
    }

    // MARK: - Roadmap

    /// The tenant's roadmap, kept like a derived view until a write: a handful of small tables, but read by
    /// every problem-spot page and every route scoped to an initiative.
    public func roadmap(of tenant: ID<Tenant>) async throws -> Roadmap {
        // Kept until the roadmap changes, with the vision kept on its own put in: the one it was read with may be
        // older.
        var roadmap = try await derived(tenant, "roadmap", areas: [.roadmap]) { [repository] in
            try await repository.loadRoadmap(of: tenant)
        }
        roadmap.vision = try await vision(of: tenant)
        return roadmap
    }

    /// The roadmap's vision, kept until it changes (a vision written alone changes nothing else; see
    /// ``StoreChangeKind/vision``).
    public func vision(of tenant: ID<Tenant>) async throws -> Vision? {
        try await derived(tenant, "vision", areas: [.vision]) { [repository] in
            try await repository.loadVision(of: tenant)
        }
    }

    /// The tenant's event logs (their facts, without the logs), kept until one is uploaded.
    public func eventLogs(of tenant: ID<Tenant>) async throws -> [EventLogRecord] {
        try await derived(tenant, "eventLogs", areas: [.data]) { [repository] in
            try await repository.eventLogs(of: tenant)
        }
    }

    /// Saves the roadmap; what was derived from the old one (schedule, scores) is dropped.
    public func saveRoadmap(_ roadmap: Roadmap, of tenant: ID<Tenant>, change: MapChange, by author: Author)
        async throws
    {
        try await repository.saveRoadmap(roadmap, of: tenant, change: change, by: author)
        invalidate(tenant, [.roadmap, .vision])
    }

    /// Sets or removes the roadmap's vision alone; see ``RoadmapRepository/saveVision(_:of:change:by:)``.
    public func saveVision(_ vision: Vision?, of tenant: ID<Tenant>, change: MapChange, by author: Author)
        async throws
    {
        defer { invalidate(tenant, [.vision]) }
        try await repository.saveVision(vision, of: tenant, change: change, by: author)
    }

    /// Records a measurement run; see ``RoadmapRepository/recordMeasurements(_:of:day:force:by:)``.
    public func recordMeasurements(
        _ measurements: [IndicatorMeasurement], of tenant: ID<Tenant>, day: Day, force: Bool, by author: Author
    ) async throws -> Bool {
        defer { invalidate(tenant, [.roadmap]) }
        return try await repository.recordMeasurements(measurements, of: tenant, day: day, force: force, by: author)
    }

    // MARK: - OZG

    /// The OZG state of the snapshot's services (catalogue placement, newest maturity assessments), made once
    /// until the next write.
    public nonisolated func ozgOverview(_ snapshot: TenantSnapshot) async throws -> OZGOverview {
        let tenant = snapshot.map.tenant.id
        return try await derived(from: snapshot, "ozg", areas: [.data]) { [repository] in
            OZGOverview(
                map: snapshot.map, catalogue: try await repository.ozgCatalogue(of: tenant),
                models: try await repository.maturityModels(of: tenant),
                assessments: try await repository.maturityAssessments(of: tenant))
        }
    }

    /// What the roadmap's indicators are computed with, kept per snapshot and OZG data: a change of the roadmap
    /// (its vision, a goal) computes the plan anew, not every process's and service's figures.
    public nonisolated func indicatorEvaluator(_ snapshot: TenantSnapshot) async throws -> IndicatorEvaluator {
        try await derived(from: snapshot, "indicator-evaluator", areas: [.data]) {
            IndicatorEvaluator(
                map: snapshot.map, processes: snapshot.processes, maturity: try await self.ozgOverview(snapshot),
                spots: snapshot.problemSpots)
        }
    }

    @discardableResult
    public func importOZGCatalogue(_ catalogue: OZGCatalogue, into tenant: ID<Tenant>, by author: Author)
        async throws -> OZGCatalogue.Changes
    {
        defer { invalidate(tenant) }
        return try await repository.importOZGCatalogue(catalogue, into: tenant, by: author)
    }

    public func saveMaturityModel(_ model: MaturityModel, of tenant: ID<Tenant>, by author: Author) async throws {
        defer { invalidate(tenant) }
        try await repository.saveMaturityModel(model, of: tenant, by: author)
    }

    public func recordMaturityAssessment(_ assessment: MaturityAssessment, of tenant: ID<Tenant>, by author: Author)
        async throws
    {
        defer { invalidate(tenant) }
        try await repository.recordMaturityAssessment(assessment, of: tenant, by: author)
    }

    // MARK: - FIM

    /// The lineage of the tenant's derived processes, kept like a derived view until a write.
    public func lineage(of tenant: ID<Tenant>) async throws -> [ProcessLineage] {
        try await derived(tenant, "lineage", areas: [.data]) { [repository] in try await repository.lineage(of: tenant)
        }
    }

    /// Saves a process derived from a reference process with its lineage; see
    /// ``FIMRepository/deriveProcess(_:lineage:of:by:)``.
    public func deriveProcess(
        _ record: ProcessRecord, lineage: ProcessLineage, of tenant: ID<Tenant>, by author: Author
    ) async throws {
        defer { invalidate(tenant) }
        try await repository.deriveProcess(record, lineage: lineage, of: tenant, by: author)
    }

    public func importReferenceProcess(_ process: ReferenceProcess, of tenant: ID<Tenant>, by author: Author)
        async throws -> Bool
    {
        defer { invalidate(tenant) }
        return try await repository.importReferenceProcess(process, of: tenant, by: author)
    }

    public func followMasterVersion(
        _ version: String, process: ID<ProcessModel>, of tenant: ID<Tenant>, by author: Author
    ) async throws {
        defer { invalidate(tenant) }
        try await repository.followMasterVersion(version, process: process, of: tenant, by: author)
    }
}
