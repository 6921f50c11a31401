public import AmtswegCore
public import Foundation
import SQLKit

/// The map repository in portable SQL (SQLKit): the same code runs on every ``SQLEngine``.
public struct SQLMapRepository: MapRepository {
    let engine: any SQLEngine
    let now: @Sendable () -> Date

    /// Opens the repository over an engine and brings its schema up to date.
    /// - Parameter now: the clock for the change log; tests pass a fixed one.
    public init(engine: any SQLEngine, now: @escaping @Sendable () -> Date = Date.init) async throws {
        self.engine = engine
        self.now = now
        do {
            try await Migrator.migrate(engine, now: now())
        } catch {
            throw engine.storeError(for: error)
        }
    }

    public func tenants() async throws -> [Tenant] {
        try await run { db in
            try await db.select().columns("id", "name", "ags", "population").from("tenants").orderBy("id").all().map {
                row in
                Tenant(
                    id: ID(try row.decode(column: "id", as: String.self)),
                    name: try row.decode(column: "name", as: String.self),
                    ags: try row.decode(column: "ags", as: String.self),
                    population: try row.decode(column: "population", as: Int.self))
            }
        }
    }

    public func loadMap(of tenantID: ID<Tenant>) async throws -> TenantMap {
        // One read transaction, so the map is a consistent snapshot even while another process writes.
        try await runInSnapshot { db in try await Self.readMap(tenantID, in: db) }
    }

    /// The whole map, read within the caller's transaction.
    static func readMap(_ tenantID: ID<Tenant>, in db: any SQLDatabase) async throws -> TenantMap {
        guard let tenant = try await Self.tenant(tenantID, in: db) else {
            throw StoreError.notFound(kind: .tenant, id: tenantID.rawValue)
        }
        let t = tenantID.rawValue
        var roles = try await MapTables.roles.selectAll(tenant: t, from: db)
        var members: [ID<Role>: [ID<Position>]] = [:]
        for pair in try await MapTables.rolePositions.selectAll(tenant: t, from: db) {
            members[pair.role, default: []].append(pair.position)
        }
        for index in roles.indices { roles[index].positionIDs = members[roles[index].id] ?? [] }
        var applications = try await EnrichTables.applications.selectAll(tenant: t, from: db)
        var usedBy: [ID<Application>: [ID<OrgUnit>]] = [:]
        for pair in try await EnrichTables.applicationUnits.selectAll(tenant: t, from: db) {
            usedBy[pair.application, default: []].append(pair.unit)
        }
        for index in applications.indices { applications[index].unitIDs = usedBy[applications[index].id] ?? [] }
        let catalogue = EnrichCatalogue(
            applications: applications,
            documents: try await EnrichTables.documents.selectAll(tenant: t, from: db),
            legalBases: try await EnrichTables.legalBases.selectAll(tenant: t, from: db),
            skills: try await EnrichTables.skills.selectAll(tenant: t, from: db),
            skillHoldings: try await EnrichTables.skillHoldings.selectAll(tenant: t, from: db),
            buildingBlocks: try await EnrichTables.buildingBlocks.selectAll(tenant: t, from: db))
        let settings = try await EnrichTables.settings.selectAll(tenant: t, from: db).first ?? .standard
        return TenantMap(
            tenant: tenant,
            units: try await MapTables.units.selectAll(tenant: t, from: db),
            positions: try await MapTables.positions.selectAll(tenant: t, from: db),
            roles: roles,
            duties: try await MapTables.duties.selectAll(tenant: t, from: db),
            services: try await MapTables.services.selectAll(tenant: t, from: db),
            informationObjects: try await MapTables.informationObjects.selectAll(tenant: t, from: db),
            externalParties: try await MapTables.externalParties.selectAll(tenant: t, from: db),
            flows: try await MapTables.flows.selectAll(tenant: t, from: db),
            entryPoints: try await MapTables.entryPoints.selectAll(tenant: t, from: db),
            responsibilities: try await MapTables.responsibilities.selectAll(tenant: t, from: db),
            awareness: try await MapTables.awareness.selectAll(tenant: t, from: db),
            findings: try await MapTables.findings.selectAll(tenant: t, from: db),
            catalogue: catalogue, settings: settings
        ).sorted()
    }

    public func saveMap(_ map: TenantMap, by author: Author) async throws {
        try await save(map, processes: nil, by: author)
    }

    public func saveMap(_ map: TenantMap, change: MapChange, by author: Author) async throws {
        try await save(map, processes: nil, change: change, by: author)
    }

    /// Saves the map and, unless `processes` is `nil`, replaces the tenant's processes — in one transaction.
    /// Writes the map, and with `processes` all processes, and with `roadmap` the roadmap and its measurements
    /// (checked against the map and processes just written), in one transaction.
    func save(
        _ map: TenantMap, processes: [ProcessRecord]?, roadmap: (Roadmap, [IndicatorMeasurement])? = nil,
        change: MapChange? = nil, by author: Author, basedOn: Int? = nil
    ) async throws {
        let issues = map.validate()
        guard issues.isEmpty else { throw StoreError.invalid(issues) }
        if let processes { try Self.check(processes) }
        let map = map.sorted()
        let engine = engine
        let at = now()
        try await runInTransaction { db in
            // A change of the organisation is a new version (a draft); a whole replacement, or a new tenant,
            // starts the versions anew.
            let exists = try await Self.tenant(map.tenant.id, in: db) != nil
            let summary = change?.summary ?? map.summary
            if processes == nil, exists {
                if let basedOn, let head = try await Self.mapHead(of: map.tenant.id, in: db), head.number != basedOn {
                    throw StoreError.version(
                        .organisationOutdated(basedOn: basedOn, head: head.number, by: head.author.displayName))
                }
                try await Self.recordMapVersion(
                    map, replacing: try await Self.readMap(map.tenant.id, in: db), of: map.tenant.id, by: author,
                    at: at,
                    comment: summary, in: db, engine: engine)
            }
            try await Self.write(map, into: db, engine: engine)
            if processes != nil || !exists {
                try await Self.restartMapVersions(map, of: map.tenant.id, by: author, at: at, in: db, engine: engine)
            }
            try await Self.log(
                ChangeRecord(
                    tenantID: map.tenant.id, at: at, author: author, action: change?.action ?? "saveMap",
                    summary: summary, object: change?.object ?? ""),
                in: db)
            if let processes {
                try await Self.write(processes, of: map.tenant.id, by: author, at: at, into: db, engine: engine)
                try await Self.log(
                    ChangeRecord(
                        tenantID: map.tenant.id, at: at, author: author, action: "replaceProcesses",
                        summary: "Prozesse ersetzt: \(processes.count) Prozesse"), in: db)
            }
            if let (roadmap, measurements) = roadmap {
                try await Self.replaceRoadmap(
                    roadmap, of: map.tenant.id, measurements: measurements, in: db, engine: engine)
                try await Self.log(
                    ChangeRecord(
                        tenantID: map.tenant.id, at: at, author: author, action: "replaceRoadmap",
                        summary:
                            "Fahrplan ersetzt: \(roadmap.goals.count) Ziele, \(roadmap.initiatives.count) Maßnahmen, "
                            + "\(measurements.count) Messwerte", object: "roadmap"), in: db)
            }
            if processes != nil { await Failpoint.reach(Failpoint.saveTenant) }
        }
    }

    static func write(_ map: TenantMap, into db: any SQLDatabase, engine: any SQLEngine) async throws {
        let t = map.tenant.id.rawValue
        try await Self.deleteContents(of: t, in: db)
        if try await Self.tenant(map.tenant.id, in: db) == nil {
            try await db.insert(into: "tenants").columns("id", "name", "ags", "population")
                .values(t, map.tenant.name, map.tenant.ags, map.tenant.population).run()
        } else {
            try await db.update("tenants").set("name", to: map.tenant.name).set("ags", to: map.tenant.ags)
                .set("population", to: map.tenant.population).where("id", .equal, t).run()
        }
        // Parents before children and referenced rows before referencing ones, so immediate foreign keys hold.
        try await MapTables.units.insert(map.unitsParentsFirst(), tenant: t, into: db, engine: engine)
        try await MapTables.positions.insert(map.positions, tenant: t, into: db, engine: engine)
        try await MapTables.roles.insert(map.roles, tenant: t, into: db, engine: engine)
        let memberships = map.roles.flatMap { role in role.positionIDs.map { (role: role.id, position: $0) } }
        try await MapTables.rolePositions.insert(memberships, tenant: t, into: db, engine: engine)
        try await MapTables.duties.insert(map.duties, tenant: t, into: db, engine: engine)
        try await MapTables.services.insert(map.services, tenant: t, into: db, engine: engine)
        try await MapTables.informationObjects.insert(
            map.informationObjects, tenant: t, into: db, engine: engine)
        try await MapTables.externalParties.insert(map.externalParties, tenant: t, into: db, engine: engine)
        try await MapTables.flows.insert(map.flows, tenant: t, into: db, engine: engine)
        try await MapTables.entryPoints.insert(map.entryPoints, tenant: t, into: db, engine: engine)
        try await MapTables.responsibilities.insert(map.responsibilities, tenant: t, into: db, engine: engine)
        try await MapTables.awareness.insert(map.awareness, tenant: t, into: db, engine: engine)
        try await MapTables.findings.insert(map.findings, tenant: t, into: db, engine: engine)
        let catalogue = map.catalogue
        try await EnrichTables.settings.insert([map.settings], tenant: t, into: db, engine: engine)
        try await EnrichTables.applications.insert(catalogue.applications, tenant: t, into: db, engine: engine)
        let usedBy = catalogue.applications.flatMap { a in a.unitIDs.map { (application: a.id, unit: $0) } }
        try await EnrichTables.applicationUnits.insert(usedBy, tenant: t, into: db, engine: engine)
        try await EnrichTables.documents.insert(catalogue.documents, tenant: t, into: db, engine: engine)
        try await EnrichTables.legalBases.insert(catalogue.legalBases, tenant: t, into: db, engine: engine)
        try await EnrichTables.skills.insert(catalogue.skills, tenant: t, into: db, engine: engine)
        try await EnrichTables.skillHoldings.insert(catalogue.skillHoldings, tenant: t, into: db, engine: engine)
        try await EnrichTables.buildingBlocks.insert(
            catalogue.buildingBlocks, tenant: t, into: db, engine: engine)
    }

    public func deleteTenant(_ tenantID: ID<Tenant>, by author: Author) async throws {
        let at = now()
        try await runInTransaction { db in
            guard try await Self.tenant(tenantID, in: db) != nil else {
                throw StoreError.notFound(kind: .tenant, id: tenantID.rawValue)
            }
            try await Self.deleteContents(of: tenantID.rawValue, in: db)
            try await db.delete(from: "processes").where("tenant_id", .equal, tenantID.rawValue).run()
            try await db.delete(from: "process_versions").where("tenant_id", .equal, tenantID.rawValue).run()
            try await db.delete(from: "event_logs").where("tenant_id", .equal, tenantID.rawValue).run()
            try await Self.deleteRoadmap(of: tenantID.rawValue, in: db)
            try await db.delete(from: "indicator_measurements").where("tenant_id", .equal, tenantID.rawValue).run()
            try await Self.deleteOZG(of: tenantID.rawValue, in: db)
            for table in ["process_lineage", "reference_processes"] {
                try await db.delete(from: table).where("tenant_id", .equal, tenantID.rawValue).run()
            }
            for table in [
                "comments", "proposals", "proposal_votes", "workshop_rounds", "workshop_answers", "map_versions",
                "memberships",
                "sessions", "access_tokens",
            ] {
                try await db.delete(from: table).where("tenant_id", .equal, tenantID.rawValue).run()
            }
            try await db.delete(from: "tenants").where("id", .equal, tenantID.rawValue).run()
            try await Self.log(
                ChangeRecord(
                    tenantID: tenantID, at: at, author: author, action: "deleteTenant",
                    summary: "Kommune gelöscht"), in: db)
        }
    }

    public func changes(of tenantID: ID<Tenant>, limit: Int) async throws -> [ChangeRecord] {
        try await run { db in
            try await db.select().columns("at", "author_id", "author_name", "action", "summary", "object").from(
                "change_log"
            )
            .where("tenant_id", .equal, tenantID.rawValue).orderBy("seq", .descending).limit(limit).all()
            .map { row in
                let at = try row.decode(column: "at", as: String.self)
                return ChangeRecord(
                    tenantID: tenantID, at: (try? Date(at, strategy: .iso8601)) ?? .distantPast,
                    author: Author(
                        id: try row.decode(column: "author_id", as: String.self),
                        displayName: try row.decode(column: "author_name", as: String.self)),
                    action: try row.decode(column: "action", as: String.self),
                    summary: try row.decode(column: "summary", as: String.self),
                    object: try row.decode(column: "object", as: String.self))
            }
        }
    }

    // MARK: - Helpers

    func run<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        do { return try await engine.read(body) } catch { throw engine.storeError(for: error) }
    }

    func runInSnapshot<R: Sendable>(
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> R
    ) async throws -> R {
        do { return try await engine.snapshot(body) } catch { throw engine.storeError(for: error) }
    }

    /// Runs a write in one transaction and, in the same transaction, records in the change feed what it changes
    /// (``StoreChange``): every area of tenant data, of every tenant, unless said otherwise — a write that names
    /// fewer areas, one tenant or a subject must change nothing outside them, or other instances keep pages made
    /// from the old data. Writes that change nothing a server keeps in memory — the audit log, a failed sign-in, a
    /// token's last use — pass no kinds.
    func runInTransaction<R: Sendable>(
        changing kinds: Set<StoreChangeKind> = StoreChangeKind.tenantData, of tenant: ID<Tenant>? = nil,
        about subject: String? = nil,
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> R
    ) async throws -> R {
        do {
            return try await engine.transaction { db in
                let result = try await body(db)
                try await Self.recordChanges(kinds, tenant: tenant, subject: subject, in: db)
                return result
            }
        } catch { throw engine.storeError(for: error) }
    }

    static func tenant(_ id: ID<Tenant>, in db: any SQLDatabase) async throws -> Tenant? {
        try await db.select().columns("id", "name", "ags", "population").from("tenants")
            .where("id", .equal, id.rawValue).first().map { row in
                Tenant(
                    id: id, name: try row.decode(column: "name", as: String.self),
                    ags: try row.decode(column: "ags", as: String.self),
                    population: try row.decode(column: "population", as: Int.self))
            }
    }

    /// Deletes every row a tenant owns except the tenant itself and its change log; children first.
    private static func deleteContents(of tenant: String, in db: any SQLDatabase) async throws {
        for table in [
            "skill_holdings", "skills", "building_blocks", "legal_bases", "documents", "application_units",
            "applications", "process_settings", "workshop_findings", "unit_awareness", "responsibilities",
            "entry_points", "information_flows",
            "external_parties", "information_objects", "services", "tasks", "role_positions", "roles",
            "positions", "org_units",
        ] {
            try await db.delete(from: table).where("tenant_id", .equal, tenant).run()
        }
    }

    /// Writes the audit entry — held back until the end of the transaction where the engine collects such rows
    /// (``AppendingDatabase``).
    static func log(_ record: ChangeRecord, in db: any SQLDatabase) async throws {
        try await AppendingDatabase.append(
            into: "change_log",
            columns: ["tenant_id", "at", "author_id", "author_name", "action", "summary", "object"],
            values: [
                record.tenantID.rawValue, record.at.formatted(.iso8601), record.author.id, record.author.displayName,
                record.action, record.summary, record.object,
            ].map { .text($0) }, in: db)
    }
}

extension TenantMap {
    /// A one-line German summary of the map's size, for the change log.
    var summary: String {
        "Karte gespeichert: \(units.count) Einheiten, \(positions.count) Stellen, \(duties.count) Aufgaben, "
            + "\(services.count) Leistungen, \(flows.count) Informationsflüsse"
    }
}
