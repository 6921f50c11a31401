public import AmtswegCore
import Foundation
import SQLKit

extension SQLMapRepository: RoadmapRepository {
    public func loadRoadmap(of tenantID: ID<Tenant>) async throws -> Roadmap {
        try await runInSnapshot { db in
            try await Self.requireTenant(tenantID, in: db)
            return try await Self.readRoadmap(tenantID.rawValue, in: db)
        }
    }

    public func loadVision(of tenantID: ID<Tenant>) async throws -> Vision? {
        try await runInSnapshot { db in
            try await Self.requireTenant(tenantID, in: db)
            return try await db.select().column("*").from("roadmap_settings")
                .where("tenant_id", .equal, tenantID.rawValue).first().flatMap(Self.vision(in:))
        }
    }

    public func saveRoadmap(_ roadmap: Roadmap, of tenantID: ID<Tenant>, change: MapChange, by author: Author)
        async throws
    {
        let engine = engine
        let at = now()
        try await runInTransaction(changing: [.roadmap, .vision], of: tenantID) { db in
            try await Self.replaceRoadmap(roadmap, of: tenantID, in: db, engine: engine)
            try await Self.log(
                ChangeRecord(
                    tenantID: tenantID, at: at, author: author, action: change.action, summary: change.summary,
                    object: change.object), in: db)
        }
    }

    public func saveVision(_ vision: Vision?, of tenantID: ID<Tenant>, change: MapChange, by author: Author)
        async throws
    {
        let engine = engine
        let at = now()
        // The vision alone changes: where no roadmap was stored, the one written below is the empty one every reader
        // saw before, with this vision.
        try await runInTransaction(changing: [.vision], of: tenantID) { db in
            let tenant = tenantID.rawValue
            if let vision {
                // Checked before anything is written; the workshop's findings read only when the vision names one.
                var findings: [WorkshopFinding] = []
                if vision.sourceFindingID != nil {
                    try await Self.requireTenant(tenantID, in: db)
                    findings = try await MapTables.findings.selectAll(tenant: tenant, from: db)
                }
                let problems = vision.problems(findings: findings) + vision.limitProblems()
                guard problems.isEmpty else { throw StoreError.invalidRoadmap(problems) }
            }
            // One statement where a roadmap is stored (a tenant's settings row goes with the tenant): each round
            // trip here is one every other writer waits for.
            let updated = try await db.update("roadmap_settings")
                .set("vision_statement", to: vision?.statement)
                .set("vision_agreed_on", to: vision?.agreedOn?.description)
                .set("vision_agreed_by", to: vision?.agreedBy ?? "")
                .set("vision_source_finding", to: vision?.sourceFindingID?.rawValue)
                .where("tenant_id", .equal, tenant).returning("tenant_id").first()
            if updated == nil {
                // No roadmap stored yet: an empty one with this vision, checked and written as a whole.
                try await Self.requireTenant(tenantID, in: db)
                var roadmap = try await Self.readRoadmap(tenant, in: db)
                roadmap.vision = vision
                try await Self.replaceRoadmap(roadmap, of: tenantID, in: db, engine: engine)
            }
            try await Self.log(
                ChangeRecord(
                    tenantID: tenantID, at: at, author: author, action: change.action, summary: change.summary,
                    object: change.object), in: db)
        }
    }

    public func measurements(of tenantID: ID<Tenant>) async throws -> [IndicatorMeasurement] {
        try await run { db in try await RoadmapTables.measurements.selectAll(tenant: tenantID.rawValue, from: db) }
    }

    public func recordMeasurements(
        _ measurements: [IndicatorMeasurement], of tenantID: ID<Tenant>, day: Day, force: Bool, by author: Author
    ) async throws -> Bool {
        let engine = engine
        let at = now()
        let values = measurements.map { IndicatorMeasurement(indicatorKey: $0.indicatorKey, day: day, value: $0.value) }
        return try await runInTransaction(changing: [.roadmap], of: tenantID) { db in
            try await Self.requireTenant(tenantID, in: db)
            let existing = try await db.select().column("indicator").from("indicator_measurements")
                .where("tenant_id", .equal, tenantID.rawValue).where("day", .equal, day.description).first()
            if existing != nil, !force { return false }
            try await db.delete(from: "indicator_measurements").where("tenant_id", .equal, tenantID.rawValue)
                .where("day", .equal, day.description).run()
            try await RoadmapTables.measurements.insert(values, tenant: tenantID.rawValue, into: db, engine: engine)
            try await Self.log(
                ChangeRecord(
                    tenantID: tenantID, at: at, author: author, action: "recordMeasurements",
                    summary: "Messpunkt vom \(day) erfasst (\(values.count) Kennzahlen)"
                        + (existing != nil ? ", frühere Werte des Tages ersetzt" : ""),
                    object: "measurement:\(day)"), in: db)
            return true
        }
    }

    /// Checks the roadmap against what is stored right now — inside the caller's transaction, so no concurrent
    /// change of the map can slip a dangling reference in between — and replaces the stored one; with
    /// `measurements`, the measurement points too.
    static func replaceRoadmap(
        _ roadmap: Roadmap, of tenantID: ID<Tenant>, measurements: [IndicatorMeasurement]? = nil,
        in db: any SQLDatabase, engine: any SQLEngine
    ) async throws {
        let roadmap = roadmap.sorted()
        let map = try await Self.readMap(tenantID, in: db)
        let processIDs = try await db.select().column("id").from("processes")
            .where("tenant_id", .equal, tenantID.rawValue).all()
            .map { ID<ProcessModel>(try $0.decode(column: "id", as: String.self)) }
        let problems =
            roadmap.problems(map: map, processIDs: Set(processIDs))
            + IndicatorMeasurement.problems(in: measurements ?? [])
        guard problems.isEmpty else { throw StoreError.invalidRoadmap(problems) }
        try await Self.deleteRoadmap(of: tenantID.rawValue, in: db)
        try await Self.write(roadmap, tenant: tenantID.rawValue, into: db, engine: engine)
        guard let measurements else { return }
        try await db.delete(from: "indicator_measurements").where("tenant_id", .equal, tenantID.rawValue).run()
        try await RoadmapTables.measurements.insert(
            measurements.sorted { ($0.day, $0.indicatorKey) < ($1.day, $1.indicatorKey) }, tenant: tenantID.rawValue,
            into: db, engine: engine)
    }

    // MARK: - Rows

    static func deleteRoadmap(of tenant: String, in db: any SQLDatabase) async throws {
        for table in RoadmapTables.tableNames {
            try await db.delete(from: table).where("tenant_id", .equal, tenant).run()
        }
    }

    private static func write(_ roadmap: Roadmap, tenant: String, into db: any SQLDatabase, engine: any SQLEngine)
        async throws
    {
        let vision = roadmap.vision
        let weights = roadmap.weights
        try await engine.insertRows(
            into: "roadmap_settings",
            columns: [
                "tenant_id", "vision_statement", "vision_agreed_on", "vision_agreed_by", "vision_source_finding",
                "weight_saving", "weight_goals", "weight_citizens", "weight_deadline", "weight_effort", "weight_risk",
                "horizon_quarters",
            ],
            rows: [
                [
                    .text(tenant), SQLValue(vision?.statement), SQLValue(vision?.agreedOn?.description),
                    .text(vision?.agreedBy ?? ""), SQLValue(vision?.sourceFindingID?.rawValue), .real(weights.saving),
                    .real(weights.goals), .real(weights.citizens), .real(weights.deadline), .real(weights.effort),
                    .real(weights.risk), .integer(roadmap.horizonQuarters),
                ]
            ], in: db)
        try await RoadmapTables.goals.insert(roadmap.goals, tenant: tenant, into: db, engine: engine)
        try await RoadmapTables.fields.insert(roadmap.fields, tenant: tenant, into: db, engine: engine)
        try await RoadmapTables.initiatives.insert(roadmap.initiatives, tenant: tenant, into: db, engine: engine)
        var links: [RoadmapTables.Link] = []
        func add(_ owner: String, _ kind: RoadmapTables.Link.Kind, _ targets: [String]) {
            links += targets.enumerated().map { .init(owner: owner, kind: kind, position: $0, target: $1) }
        }
        for field in roadmap.fields { add(field.id.rawValue, .fieldGoal, field.goalIDs.map(\.rawValue)) }
        for initiative in roadmap.initiatives {
            let id = initiative.id.rawValue
            add(id, .goal, initiative.goalIDs.map(\.rawValue))
            add(id, .problemSpot, initiative.problemSpotKeys)
            add(id, .process, initiative.processIDs.map(\.rawValue))
            add(id, .service, initiative.serviceIDs.map(\.rawValue))
            add(id, .dependency, initiative.dependencies.map(\.rawValue))
        }
        try await RoadmapTables.links.insert(links, tenant: tenant, into: db, engine: engine)
        try await RoadmapTables.efforts.insert(
            roadmap.initiatives.flatMap { initiative in
                initiative.efforts.enumerated().map { (initiative.id, $0, $1) }
            }, tenant: tenant, into: db, engine: engine)
        try await RoadmapTables.notes.insert(
            roadmap.initiatives.flatMap { initiative in
                initiative.notes.enumerated().map { (initiative.id, $0, $1) }
            }, tenant: tenant, into: db, engine: engine)
        try await RoadmapTables.capacities.insert(
            roadmap.capacities.flatMap { capacity in
                [(capacity.unitID, "", capacity.personDaysPerQuarter)]
                    + capacity.exceptions.sorted { $0.key < $1.key }.map {
                        (capacity.unitID, $0.key.description, $0.value)
                    }
            }, tenant: tenant, into: db, engine: engine)
    }

    /// The vision held by a row of `roadmap_settings`.
    static func vision(in settings: any SQLRow) throws -> Vision? {
        guard let statement = try settings.decode(column: "vision_statement", as: String?.self) else { return nil }
        return Vision(
            statement: statement,
            agreedOn: try settings.decode(column: "vision_agreed_on", as: String?.self).flatMap { Day($0) },
            agreedBy: try settings.decode(column: "vision_agreed_by", as: String.self),
            sourceFindingID: try settings.decode(column: "vision_source_finding", as: String?.self).map { ID($0) })
    }

    static func readRoadmap(_ tenant: String, in db: any SQLDatabase) async throws -> Roadmap {
        var roadmap = Roadmap()
        if let settings = try await db.select().column("*").from("roadmap_settings")
            .where("tenant_id", .equal, tenant).first()
        {
            roadmap.vision = try vision(in: settings)
            roadmap.weights = PriorityWeights(
                saving: try settings.decode(column: "weight_saving", as: Double.self),
                goals: try settings.decode(column: "weight_goals", as: Double.self),
                citizens: try settings.decode(column: "weight_citizens", as: Double.self),
                deadline: try settings.decode(column: "weight_deadline", as: Double.self),
                effort: try settings.decode(column: "weight_effort", as: Double.self),
                risk: try settings.decode(column: "weight_risk", as: Double.self))
            roadmap.horizonQuarters = try settings.decode(column: "horizon_quarters", as: Int.self)
        }
        roadmap.goals = try await RoadmapTables.goals.selectAll(tenant: tenant, from: db)
        roadmap.fields = try await RoadmapTables.fields.selectAll(tenant: tenant, from: db)
        roadmap.initiatives = try await RoadmapTables.initiatives.selectAll(tenant: tenant, from: db)
        var links: [String: [RoadmapTables.Link.Kind: [String]]] = [:]
        for link in try await RoadmapTables.links.selectAll(tenant: tenant, from: db) {
            links[link.owner, default: [:]][link.kind, default: []].append(link.target)
        }
        for index in roadmap.fields.indices {
            roadmap.fields[index].goalIDs = (links[roadmap.fields[index].id.rawValue]?[.fieldGoal] ?? []).map { ID($0) }
        }
        var efforts: [ID<Initiative>: [Initiative.Effort]] = [:]
        for row in try await RoadmapTables.efforts.selectAll(tenant: tenant, from: db) {
            efforts[row.initiative, default: []].append(row.effort)
        }
        var notes: [ID<Initiative>: [Initiative.ProgressNote]] = [:]
        for row in try await RoadmapTables.notes.selectAll(tenant: tenant, from: db) {
            notes[row.initiative, default: []].append(row.note)
        }
        for index in roadmap.initiatives.indices {
            let id = roadmap.initiatives[index].id
            let own = links[id.rawValue] ?? [:]
            roadmap.initiatives[index].goalIDs = (own[.goal] ?? []).map { ID($0) }
            roadmap.initiatives[index].problemSpotKeys = own[.problemSpot] ?? []
            roadmap.initiatives[index].processIDs = (own[.process] ?? []).map { ID($0) }
            roadmap.initiatives[index].serviceIDs = (own[.service] ?? []).map { ID($0) }
            roadmap.initiatives[index].dependencies = (own[.dependency] ?? []).map { ID($0) }
            roadmap.initiatives[index].efforts = efforts[id] ?? []
            roadmap.initiatives[index].notes = notes[id] ?? []
        }
        var capacities: [ID<OrgUnit>: UnitCapacity] = [:]
        for row in try await RoadmapTables.capacities.selectAll(tenant: tenant, from: db) {
            var capacity = capacities[row.unit] ?? UnitCapacity(unitID: row.unit, personDaysPerQuarter: 0)
            if row.quarter.isEmpty {
                capacity.personDaysPerQuarter = row.personDays
            } else if let quarter = Quarter(row.quarter) {
                capacity.exceptions[quarter] = row.personDays
            }
            capacities[row.unit] = capacity
        }
        roadmap.capacities = capacities.values.sorted { $0.unitID < $1.unitID }
        return roadmap.sorted()
    }
}
