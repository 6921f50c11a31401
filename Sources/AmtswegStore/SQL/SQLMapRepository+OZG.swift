public import AmtswegCore
import Foundation
import SQLKit

extension SQLMapRepository: OZGRepository {
    public func ozgCatalogue(of tenantID: ID<Tenant>) async throws -> OZGCatalogue? {
        try await runInSnapshot { db in
            try await Self.requireTenant(tenantID, in: db)
            return try await Self.readCatalogue(tenantID.rawValue, in: db)
        }
    }

    public func importOZGCatalogue(_ catalogue: OZGCatalogue, into tenantID: ID<Tenant>, by author: Author)
        async throws -> OZGCatalogue.Changes
    {
        let problems = catalogue.problems()
        guard problems.isEmpty else { throw StoreError.invalidData(what: "Der OZG-Katalog", problems: problems) }
        let engine = engine
        let at = now()
        let catalogue = catalogue.sorted()
        return try await runInTransaction { db in
            try await Self.requireTenant(tenantID, in: db)
            let tenant = tenantID.rawValue
            let old = try await Self.readCatalogue(tenant, in: db)
            let changes = catalogue.changes(from: old)
            if old == nil || !changes.isEmpty {
                for table in ["leika_entries", "ozg_services", "ozg_situations", "ozg_topics", "ozg_catalogues"] {
                    try await db.delete(from: table).where("tenant_id", .equal, tenant).run()
                }
                try await engine.insertRows(
                    into: "ozg_catalogues", columns: ["tenant_id", "source", "as_of", "imported_at"],
                    rows: [
                        [
                            .text(tenant), .text(catalogue.snapshot.source),
                            SQLValue(catalogue.snapshot.asOf?.description), .text(at.formatted(.iso8601)),
                        ]
                    ], in: db)
                try await OZGTables.topics.insert(catalogue.topics, tenant: tenant, into: db, engine: engine)
                try await OZGTables.situations.insert(catalogue.situations, tenant: tenant, into: db, engine: engine)
                try await OZGTables.services.insert(catalogue.services, tenant: tenant, into: db, engine: engine)
                try await OZGTables.entries.insert(
                    catalogue.entries.enumerated().map { ($0, $1) }, tenant: tenant, into: db, engine: engine)
            }
            try await Self.log(
                ChangeRecord(
                    tenantID: tenantID, at: at, author: author, action: "importOZGCatalogue",
                    summary: "OZG-Katalog eingelesen (\(catalogue.snapshot.source)"
                        + (catalogue.snapshot.asOf.map { ", Stand \($0)" } ?? "") + "): \(changes.summary)",
                    object: "ozg:catalogue"), in: db)
            return changes
        }
    }

    public func maturityModels(of tenantID: ID<Tenant>) async throws -> [MaturityModel] {
        try await runInSnapshot { db in try await Self.readModels(tenantID.rawValue, in: db) }
    }

    public func saveMaturityModel(_ model: MaturityModel, of tenantID: ID<Tenant>, by author: Author) async throws {
        let problems = model.problems()
        guard problems.isEmpty else {
            throw StoreError.invalidData(what: "Das Reifegradmodell \(model.version)", problems: problems)
        }
        let engine = engine
        let at = now()
        try await runInTransaction { db in
            try await Self.requireTenant(tenantID, in: db)
            let tenant = tenantID.rawValue
            let existing = try await Self.readModels(tenant, in: db).first { $0.version == model.version }
            if existing == model { return }
            // Assessments made on this version must stay valid under its new form.
            let broken = try await Self.readAssessments(tenant, in: db).filter { $0.modelVersion == model.version }
                .flatMap { assessment in assessment.problems(in: model).map { "„\(assessment.serviceID)“: \($0)" } }
            guard broken.isEmpty else {
                throw StoreError.invalidData(
                    what: "Das Reifegradmodell \(model.version)",
                    problems: ["Bewertungen passen nicht mehr zum geänderten Modell"] + broken)
            }
            for table in ["maturity_criteria", "maturity_levels", "maturity_models"] {
                try await db.delete(from: table).where("tenant_id", .equal, tenant)
                    .where("version", .equal, model.version).run()
            }
            try await engine.insertRows(
                into: "maturity_models",
                columns: ["tenant_id", "version", "name", "source", "online_from", "conform_from"],
                rows: [
                    [
                        .text(tenant), .text(model.version), .text(model.name), .text(model.source),
                        .integer(model.onlineFrom), .integer(model.conformFrom),
                    ]
                ], in: db)
            try await OZGTables.levels.insert(
                model.levels.map { (model.version, $0) }, tenant: tenant, into: db, engine: engine)
            try await OZGTables.criteria.insert(
                model.criteria.enumerated().map { (model.version, $0, $1) }, tenant: tenant, into: db, engine: engine)
            try await Self.log(
                ChangeRecord(
                    tenantID: tenantID, at: at, author: author, action: "saveMaturityModel",
                    summary: "\(model.name) \(existing == nil ? "aufgenommen" : "geändert") (Stufen 0 bis "
                        + "\(model.topLevel), \(model.criteria.count) Kriterien)",
                    object: "maturityModel:\(model.version)"), in: db)
        }
    }

    public func maturityAssessments(of tenantID: ID<Tenant>) async throws -> [MaturityAssessment] {
        try await runInSnapshot { db in
            try await Self.requireTenant(tenantID, in: db)
            return try await Self.readAssessments(tenantID.rawValue, in: db)
        }
    }

    public func recordMaturityAssessment(
        _ assessment: MaturityAssessment, of tenantID: ID<Tenant>, by author: Author
    ) async throws {
        let engine = engine
        let at = now()
        try await runInTransaction { db in
            try await Self.requireTenant(tenantID, in: db)
            let tenant = tenantID.rawValue
            guard
                let service = try await db.select().column("name").from("services").where("tenant_id", .equal, tenant)
                    .where("id", .equal, assessment.serviceID.rawValue).first()
            else { throw StoreError.notFound(kind: .service, id: assessment.serviceID.rawValue) }
            guard
                let model = try await Self.readModels(tenant, in: db).first(where: {
                    $0.version == assessment.modelVersion
                })
            else {
                throw StoreError.invalidData(
                    what: "Die Reifegradbewertung",
                    problems: ["Das Reifegradmodell \(assessment.modelVersion) ist nicht hinterlegt"])
            }
            let problems = assessment.problems(in: model)
            guard problems.isEmpty else {
                throw StoreError.invalidData(what: "Die Reifegradbewertung", problems: problems)
            }
            let last = try await db.select().column(SQLFunction("max", args: SQLIdentifier("sequence")), as: "last")
                .from("maturity_assessments").where("tenant_id", .equal, tenant).first()?
                .decode(column: "last", as: Int?.self)
            let sequence = (last ?? 0) + 1
            try await engine.insertRows(
                into: "maturity_assessments",
                columns: [
                    "tenant_id", "sequence", "service_id", "model_version", "target_level", "assessed_on",
                    "assessed_by",
                    "note",
                ],
                rows: [
                    [
                        .text(tenant), .integer(sequence), .text(assessment.serviceID.rawValue),
                        .text(assessment.modelVersion), .integer(assessment.targetLevel),
                        .text(assessment.assessedOn.description), .text(assessment.assessedBy), .text(assessment.note),
                    ]
                ], in: db)
            try await OZGTables.ratings.insert(
                assessment.ratings.sorted { $0.key < $1.key }.map { (sequence, $0.key, $0.value) }, tenant: tenant,
                into: db, engine: engine)
            let level = assessment.currentLevel(in: model).map { "Stufe \($0)" } ?? "offen"
            try await Self.log(
                ChangeRecord(
                    tenantID: tenantID, at: at, author: author, action: "recordMaturityAssessment",
                    summary:
                        "Reifegrad von „\(try service.decode(column: "name", as: String.self))“ bewertet: \(level), "
                        + "Ziel Stufe \(assessment.targetLevel) (Modell \(model.version), \(assessment.assessedBy), "
                        + "\(assessment.assessedOn))",
                    object: "service:\(assessment.serviceID)"), in: db)
        }
    }

    // MARK: - Rows

    static func deleteOZG(of tenant: String, in db: any SQLDatabase) async throws {
        for table in OZGTables.tableNames {
            try await db.delete(from: table).where("tenant_id", .equal, tenant).run()
        }
    }

    static func readCatalogue(_ tenant: String, in db: any SQLDatabase) async throws -> OZGCatalogue? {
        guard
            let head = try await db.select().columns("source", "as_of").from("ozg_catalogues")
                .where("tenant_id", .equal, tenant).first()
        else { return nil }
        return OZGCatalogue(
            snapshot: .init(
                source: try head.decode(column: "source", as: String.self),
                asOf: try head.decode(column: "as_of", as: String?.self).flatMap { Day($0) }),
            topics: try await OZGTables.topics.selectAll(tenant: tenant, from: db),
            situations: try await OZGTables.situations.selectAll(tenant: tenant, from: db),
            services: try await OZGTables.services.selectAll(tenant: tenant, from: db),
            entries: try await OZGTables.entries.selectAll(tenant: tenant, from: db).map(\.entry))
    }

    static func readModels(_ tenant: String, in db: any SQLDatabase) async throws -> [MaturityModel] {
        let levels = Dictionary(grouping: try await OZGTables.levels.selectAll(tenant: tenant, from: db), by: \.version)
        let criteria = Dictionary(
            grouping: try await OZGTables.criteria.selectAll(tenant: tenant, from: db), by: \.version)
        return try await db.select().column("*").from("maturity_models").where("tenant_id", .equal, tenant)
            .orderBy("version").all().map { row in
                let version = try row.decode(column: "version", as: String.self)
                return MaturityModel(
                    version: version, name: try row.decode(column: "name", as: String.self),
                    levels: (levels[version] ?? []).map(\.level), criteria: (criteria[version] ?? []).map(\.criterion),
                    onlineFrom: try row.decode(column: "online_from", as: Int.self),
                    conformFrom: try row.decode(column: "conform_from", as: Int.self),
                    source: try row.decode(column: "source", as: String.self))
            }
    }

    static func readAssessments(_ tenant: String, in db: any SQLDatabase) async throws -> [MaturityAssessment] {
        var ratings: [Int: [String: MaturityRating]] = [:]
        for row in try await OZGTables.ratings.selectAll(tenant: tenant, from: db) {
            ratings[row.sequence, default: [:]][row.criterion] = row.rating
        }
        return try await db.select().column("*").from("maturity_assessments").where("tenant_id", .equal, tenant)
            .orderBy("sequence").all().map { row in
                let day = try row.decode(column: "assessed_on", as: String.self)
                guard let assessedOn = Day(day) else {
                    throw StoreError.unavailable("Ungültiges Datum '\(day)' in maturity_assessments")
                }
                return MaturityAssessment(
                    serviceID: ID(try row.decode(column: "service_id", as: String.self)),
                    modelVersion: try row.decode(column: "model_version", as: String.self),
                    ratings: ratings[try row.decode(column: "sequence", as: Int.self)] ?? [:],
                    targetLevel: try row.decode(column: "target_level", as: Int.self), assessedOn: assessedOn,
                    assessedBy: try row.decode(column: "assessed_by", as: String.self),
                    note: try row.decode(column: "note", as: String.self))
            }
    }
}
