import AmtswegCore
import AmtswegStore
import Foundation
import Hummingbird

/// Improvement proposals: the list sorted by votes or expected benefit, a new proposal about a step, a process
/// or a unit, one proposal with its votes, and the decision — in review, accepted (it becomes an initiative of
/// the roadmap, linked both ways) or rejected with a reason the proposer reads. An anonymous proposal shows its
/// author to nobody; its author sees "Sie" and can still withdraw it.
struct ProposalPages: Sendable {
    let pages: Pages

    func addRoutes(to routes: RouteTable) {
        routes.get(Paths.proposals, .read) { request, context in try await list(request, context) }
        routes.get(Paths.newProposalPath, .comment) { request, context in try await new(request, context, form: nil) }
        routes.post(Paths.proposals, .comment) { request, context in try await create(request, context) }
        routes.get(Paths.proposalPattern, .read) { request, context in try await show(request, context) }
        routes.post(Paths.proposalVotePattern, .comment) { request, context in try await vote(request, context) }
        routes.post(Paths.proposalWithdrawPattern, .comment) { request, context in
            try await withdraw(request, context)
        }
        routes.post(Paths.proposalDecidePattern, .review) { request, context in try await decide(request, context) }
    }

    // MARK: - Reading

    /// The proposals this visitor may see: a proposal about a process that is not in their view (a draft, for
    /// readers) is not shown to them.
    func visible(_ snapshot: TenantSnapshot) async throws -> [Proposal] {
        try await pages.workspace.proposals(of: snapshot.map.tenant.id).filter { proposal in
            proposal.subject.processID.map { snapshot.record($0.rawValue) != nil } ?? true
        }
    }

    /// "Schritt „Antrag prüfen“ (Baugenehmigung)", with a link to where it is.
    static func subject(_ subject: CommentSubject, in snapshot: TenantSnapshot) -> (label: String, href: String?) {
        switch subject {
        case .process(let id):
            return ("Prozess „\(snapshot.record(id.rawValue)?.name ?? id.rawValue)“", Paths.process(id))
        case .step(let process, let step):
            let name = snapshot.process(process.rawValue)?.nodes.first { $0.id == step }?.name ?? step
            return (
                "Schritt „\(name)“ (\(snapshot.record(process.rawValue)?.name ?? process.rawValue))",
                Paths.process(process) + "#step-" + Paths.escape(step)
            )
        case .unit(let id):
            return ("Organisationseinheit „\(snapshot.unit(id.rawValue)?.name ?? id.rawValue)“", Paths.unit(id))
        case .flow(let id):
            let index = MapIndex(snapshot.map)
            guard let flow = snapshot.map.flows.first(where: { $0.id == id }) else {
                return ("Informationsfluss „\(id)“", nil)
            }
            return (
                "Informationsfluss von \(index.name(of: flow.from)) an \(index.name(of: flow.to))",
                Paths.flowComments(id.rawValue)
            )
        case .initiative(let id): return ("Maßnahme \(id)", Paths.initiative(id))
        case .problemSpot(let key):
            return (
                "Schwachstelle: \(OptimizePages.spot(key, in: snapshot)?.detail ?? key)", Paths.problemSpot(key)
            )
        }
    }

    /// Who the proposal shows as its author to `viewer`: the name, "Sie" to an anonymous proposal's own author,
    /// "anonym" to everyone else.
    static func author(of proposal: Proposal, for viewer: Author?) -> String {
        guard proposal.isAnonymous else { return proposal.author.displayName }
        return proposal.visibleAuthor(to: viewer) != nil ? "Sie (anonym eingereicht)" : "anonym"
    }

    struct ListView: Sendable {
        struct Line: Sendable {
            var title: String
            var href: String
            var subject: String
            var subjectHref: String?
            var status: String
            var statusClass: String
            var votes: Int
            var hours: String
            var author: String
        }
        var lines: [Line]
        var byVotesHref: String
        var byBenefitHref: String
        var sortedByBenefit: Bool
        var newHref: String?
    }

    func list(_ request: Request, _ context: AppRequestContext) async throws -> HTMLResponse {
        let snapshot = try await pages.snapshot(context)
        let byBenefit = request.uri.queryParameters["sort"] == "benefit"
        let proposals = try await visible(snapshot).sorted(by: byBenefit ? Proposal.byBenefit : Proposal.byVotes)
        let viewer = context.access?.author
        let view = ListView(
            lines: proposals.map { proposal in
                let (label, href) = Self.subject(proposal.subject, in: snapshot)
                return .init(
                    title: proposal.title, href: Paths.proposal(proposal.id), subject: label, subjectHref: href,
                    status: proposal.status.label, statusClass: "proposal-" + proposal.status.rawValue,
                    votes: proposal.votes.count,
                    hours: proposal.hoursPerYear.map { Display.decimal($0, digits: 0) } ?? "–",
                    author: Self.author(of: proposal, for: viewer))
            }, byVotesHref: Paths.proposals, byBenefitHref: Paths.proposals + "?sort=benefit",
            sortedByBenefit: byBenefit,
            newHref: context.access?.may(.comment, forUnits: [], in: snapshot.map) == true ? Paths.newProposalPath : nil
        )
        return try pages.page(
            "optimize/proposals", title: "Verbesserungsvorschläge", section: .optimize, content: view, context: context,
            snapshot: snapshot)
    }

    struct DetailView: Sendable {
        var id: String
        var title: String
        var subject: String
        var subjectHref: String?
        var status: String
        var statusClass: String
        var author: String
        var submittedAt: String
        var problem: [CommentThreadView.Piece]
        var change: [CommentThreadView.Piece]
        var benefit: [CommentThreadView.Piece]
        var hours: String?
        var rejectionReason: String?
        var initiativeHref: String?
        var initiativeLabel: String?
        var votes: Int
        var votedByMe: Bool
        var voteAction: String?
        var withdrawAction: String?
        var decideAction: String?
        var mayStartReview: Bool
        var mayAccept: Bool
        var mayReject: Bool
        var csrf: String
    }

    func show(_ request: Request, _ context: AppRequestContext) async throws -> HTMLResponse {
        let snapshot = try await pages.snapshot(context)
        let id = try context.parameters.require("id")
        guard let proposal = try await visible(snapshot).first(where: { $0.id.rawValue == id }) else {
            throw HTTPError(.notFound, message: "Einen Verbesserungsvorschlag „\(id)“ gibt es nicht.")
        }
        let viewer = context.access?.author
        let (label, href) = Self.subject(proposal.subject, in: snapshot)
        let mayTakePart = context.access?.may(.comment, forUnits: [], in: snapshot.map) == true
        let mayDecide = context.access?.may(.review, forUnits: [], in: snapshot.map) == true
        let isAuthor = viewer?.id == proposal.author.id
        let account = context.access.map { ID<Account>($0.account.id.rawValue) }
        let view = DetailView(
            id: id, title: proposal.title, subject: label, subjectHref: href, status: proposal.status.label,
            statusClass: "proposal-" + proposal.status.rawValue, author: Self.author(of: proposal, for: viewer),
            submittedAt: Display.dateTime(proposal.submittedAt), problem: CommentThreadView.pieces(proposal.problem),
            change: CommentThreadView.pieces(proposal.change), benefit: CommentThreadView.pieces(proposal.benefit),
            hours: proposal.hoursPerYear.map { Display.decimal($0, digits: 0) },
            rejectionReason: proposal.rejectionReason,
            initiativeHref: proposal.initiativeID.map(Paths.initiative),
            initiativeLabel: proposal.initiativeID.map { "Maßnahme \($0)" },
            votes: proposal.votes.count, votedByMe: account.map { proposal.votes.contains($0) } ?? false,
            voteAction: mayTakePart && proposal.status.isOpen ? Paths.proposal(proposal.id) + "/vote" : nil,
            withdrawAction: isAuthor && proposal.status.isOpen ? Paths.proposal(proposal.id) + "/withdraw" : nil,
            decideAction: mayDecide && proposal.status.isOpen ? Paths.proposal(proposal.id) + "/decide" : nil,
            mayStartReview: proposal.status == .new, mayAccept: proposal.status == .inReview,
            mayReject: proposal.status.isOpen, csrf: context.csrfToken)
        return try pages.page(
            "optimize/proposal", title: proposal.title, section: .optimize, content: view, context: context,
            snapshot: snapshot)
    }

    // MARK: - A new proposal

    struct Form: Sendable {
        var subjects: [SelectOption] = []
        var title = ""
        var problem = ""
        var change = ""
        var benefit = ""
        var hours = ""
        var anonymous = false
        var error: String?
        var csrf = ""
        var action = Paths.proposals
    }

    func new(_ request: Request, _ context: AppRequestContext, form: Form?, status: HTTPResponse.Status = .ok)
        async throws -> HTMLResponse
    {
        let snapshot = try await pages.snapshot(context)
        var form = form ?? Form()
        let chosen =
            form.subjects.first { $0.isSelected }?.value
            ?? request.uri.queryParameters["subject"].map(String.init) ?? ""
        var options: [SelectOption] = []
        // A step, a flow or a problem spot comes from the link beside it: offered as the one chosen.
        if let subject = CommentSubject(reference: chosen), Self.exists(subject, in: snapshot) {
            switch subject {
            case .step, .flow, .problemSpot:
                options.append(.init(value: chosen, label: Self.subject(subject, in: snapshot).label, isSelected: true))
            case .process, .unit, .initiative: break
            }
        }
        options += snapshot.records.sorted { $0.name < $1.name }.map { record in
            let value = CommentSubject.process(record.id).description
            return .init(value: value, label: "Prozess „\(record.name)“", isSelected: value == chosen)
        }
        options += snapshot.map.units.sorted { $0.name < $1.name }.map { unit in
            let value = CommentSubject.unit(unit.id).description
            return .init(value: value, label: "Organisationseinheit „\(unit.name)“", isSelected: value == chosen)
        }
        form.subjects = options
        form.csrf = context.csrfToken
        return try pages.page(
            "optimize/proposal-form", title: "Verbesserung vorschlagen", section: .optimize, content: form,
            context: context, snapshot: snapshot, status: status)
    }

    func create(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let input = try await FormInput.read(request, context: context, limit: pages.configuration.maxFormBytes)
        let snapshot = try await pages.snapshot(context)
        var form = Form(
            subjects: [.init(value: input[ProposalField.subject], label: "", isSelected: true)],
            title: input[ProposalField.title], problem: input[ProposalField.problem],
            change: input[ProposalField.change], benefit: input[ProposalField.benefit],
            hours: input[ProposalField.hours], anonymous: input[ProposalField.anonymous] == "on")
        func refuse(_ message: String) async throws -> Response {
            form.error = message
            return try await new(request, context, form: form, status: .unprocessableContent)
                .response(from: request, context: context)
        }
        guard let subject = CommentSubject(reference: input[ProposalField.subject]),
            Self.exists(subject, in: snapshot)
        else { return try await refuse("Bitte wählen, worum es geht.") }
        var hours: Double?
        if !form.hours.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let value = GermanFormat.parseDecimal(form.hours) else {
                return try await refuse("Die Stunden im Jahr sind eine Zahl, zum Beispiel 120.")
            }
            hours = value
        }
        let proposal: Proposal
        do {
            proposal = try Proposal.submitted(
                id: ID(UUID().uuidString.lowercased()), about: subject, title: form.title, problem: form.problem,
                change: form.change, benefit: form.benefit, hoursPerYear: hours, by: context.author,
                anonymously: form.anonymous, at: Date())
        } catch { return try await refuse("Nicht gespeichert. \(error)") }
        try await pages.workspace.addProposal(proposal, of: snapshot.map.tenant.id)
        return SeeOther(location: Paths.proposal(proposal.id)).response(from: request, context: context)
    }

    /// Whether the subject names something this view holds.
    static func exists(_ subject: CommentSubject, in snapshot: TenantSnapshot) -> Bool {
        switch subject {
        case .process(let id): snapshot.record(id.rawValue) != nil
        case .step(let process, let step): snapshot.process(process.rawValue)?.steps.contains { $0.id == step } == true
        case .unit(let id): snapshot.unit(id.rawValue) != nil
        case .flow(let id): snapshot.map.flows.contains { $0.id == id }
        case .problemSpot(let key): OptimizePages.spot(key, in: snapshot) != nil
        case .initiative: true
        }
    }

    // MARK: - Votes and decisions

    func vote(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        _ = try await FormInput.read(request, context: context, limit: pages.configuration.maxFormBytes)
        let (snapshot, proposal) = try await load(context)
        let access = try context.requireAccess()
        _ = try await pages.workspace.toggleVote(
            on: proposal.id, by: ID(access.account.id.rawValue), of: snapshot.map.tenant.id, author: context.author)
        return SeeOther(location: Paths.proposal(proposal.id)).response(from: request, context: context)
    }

    func withdraw(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        _ = try await FormInput.read(request, context: context, limit: pages.configuration.maxFormBytes)
        let (snapshot, proposal) = try await load(context)
        try await withdrawing(proposal, in: snapshot, by: context.author)
        return SeeOther(location: Paths.proposal(proposal.id)).response(from: request, context: context)
    }

    func decide(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let input = try await FormInput.read(request, context: context, limit: pages.configuration.maxFormBytes)
        let (snapshot, proposal) = try await load(context)
        let decided = try await deciding(
            proposal, input[ProposalField.decision], reason: input[ProposalField.reason], in: snapshot,
            by: context.author)
        return SeeOther(location: Paths.proposal(decided.id)).response(from: request, context: context)
    }

    /// Withdraws a proposal for its author (403 for anyone else), the page's and the API's way alike.
    @discardableResult
    func withdrawing(_ proposal: Proposal, in snapshot: TenantSnapshot, by author: Author) async throws -> Proposal {
        var proposal = proposal
        do { try proposal.withdraw(by: author) } catch { throw HTTPError(.forbidden, message: error.description) }
        try await pages.workspace.updateProposal(
            proposal, of: snapshot.map.tenant.id,
            action: proposal.isAnonymous ? AnonymousProposalAction.withdrawal : "withdrawProposal",
            summary: "Vorschlag zurückgezogen: „\(proposal.title)“", by: author)
        return proposal
    }

    /// A decision — `review`, `accept` (as an initiative) or `reject` (with `reason`) — the page's and the API's
    /// way alike; a step that does not fit the proposal's state is 422 with the domain's words.
    func deciding(
        _ proposal: Proposal, _ decision: String, reason: String, in snapshot: TenantSnapshot, by author: Author
    ) async throws -> Proposal {
        var proposal = proposal
        let tenant = snapshot.map.tenant.id
        do {
            switch decision {
            case "review":
                try proposal.startReview()
                try await pages.workspace.updateProposal(
                    proposal, of: tenant, action: "reviewProposal",
                    summary: "Vorschlag in Prüfung: „\(proposal.title)“", by: author)
            case "reject":
                try proposal.reject(because: reason)
                try await pages.workspace.updateProposal(
                    proposal, of: tenant, action: "rejectProposal",
                    summary: "Vorschlag abgelehnt: „\(proposal.title)“", by: author)
            case "accept":
                // Checked before the initiative is made: only a proposal in review is accepted.
                guard proposal.status == .inReview else { throw ProposalError.notInReview(proposal.status) }
                proposal = try await pages.workspace.acceptProposal(
                    proposal.id,
                    as: try await Self.initiative(from: proposal, snapshot: snapshot, workspace: pages.workspace),
                    of: tenant, by: author)
            default:
                throw HTTPError(
                    .unprocessableContent, message: "Bitte eine Entscheidung wählen: review, accept oder reject.")
            }
        } catch let error as ProposalError {
            throw HTTPError(.unprocessableContent, message: error.description)
        }
        return proposal
    }

    /// The initiative an accepted proposal becomes: its title, what should change as description, the process
    /// and unit it is about, as an idea for the roadmap's planners to schedule.
    static func initiative(from proposal: Proposal, snapshot: TenantSnapshot, workspace: Workspace) async throws
        -> Initiative
    {
        let roadmap = try await workspace.roadmap(of: snapshot.map.tenant.id)
        let process = proposal.subject.processID.flatMap { snapshot.record($0.rawValue) }
        var owner = process?.ownerUnitID
        if case .unit(let unit) = proposal.subject { owner = unit }
        return Initiative(
            id: ID(RoadmapSettingsPages.nextID("M", roadmap.initiatives.map(\.id.rawValue), digits: 2)),
            title: proposal.title,
            description: "Aus dem Verbesserungsvorschlag „\(proposal.title)“. \(proposal.change)",
            processIDs: process.map { [$0.id] } ?? [], ownerUnitID: owner)
    }

    private func load(_ context: AppRequestContext) async throws -> (TenantSnapshot, Proposal) {
        let snapshot = try await pages.snapshot(context)
        let id = try context.parameters.require("id")
        guard let proposal = try await visible(snapshot).first(where: { $0.id.rawValue == id }) else {
            throw HTTPError(.notFound, message: "Einen Verbesserungsvorschlag „\(id)“ gibt es nicht.")
        }
        return (snapshot, proposal)
    }
}

/// The fields of the proposal forms.
enum ProposalField: String, FormField {
    case subject, title, problem, change, benefit, hours, anonymous, decision, reason
}
