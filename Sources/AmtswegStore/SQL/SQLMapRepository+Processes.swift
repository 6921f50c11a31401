public import AmtswegCore
import Foundation
import SQLKit

extension SQLMapRepository: ProcessRepository {
    public func processes(of tenantID: ID<Tenant>) async throws -> [ProcessRecord] {
        try await run { db in try await EnrichTables.processes.selectAll(tenant: tenantID.rawValue, from: db) }
    }

    public func process(_ id: ID<ProcessModel>, of tenantID: ID<Tenant>) async throws -> ProcessRecord {
        try await run { db in
            let found = try await db.select().columns(EnrichTables.processes.columns.map { SQLIdentifier($0) })
                .from("processes").where("tenant_id", .equal, tenantID.rawValue).where("id", .equal, id.rawValue)
                .first()
            guard let found else { throw StoreError.notFound(kind: .process, id: id.rawValue) }
            return try EnrichTables.processes.decode(found)
        }
    }

    public func saveProcess(_ record: ProcessRecord, of tenantID: ID<Tenant>, by author: Author) async throws {
        try await saveProcess(record, of: tenantID, by: author, comment: "", basedOn: nil)
    }

    public func replaceProcesses(_ records: [ProcessRecord], of tenantID: ID<Tenant>, by author: Author) async throws {
        try Self.check(records)
        let engine = engine
        let at = now()
        try await runInTransaction { db in
            try await Self.write(records, of: tenantID, by: author, at: at, into: db, engine: engine)
            try await Self.log(
                ChangeRecord(
                    tenantID: tenantID, at: at, author: author, action: "replaceProcesses",
                    summary: "Prozesse ersetzt: \(records.count) Prozesse"), in: db)
        }
    }

    public func deleteProcess(_ id: ID<ProcessModel>, of tenantID: ID<Tenant>, by author: Author) async throws {
        try await deleteRow(
            from: "processes", kind: .process, id: id.rawValue, of: tenantID, by: author, action: "deleteProcess",
            summary: "Prozess gelöscht: \(id)"
        ) { db in
            try await db.delete(from: "process_versions").where("tenant_id", .equal, tenantID.rawValue)
                .where("process_id", .equal, id.rawValue).run()
            try await db.delete(from: "process_lineage").where("tenant_id", .equal, tenantID.rawValue)
                .where("process_id", .equal, id.rawValue).run()
        }
    }

    /// Deletes one row of a tenant's aggregate table and logs it; `notFound` if there is none.
    func deleteRow(
        from table: String, kind: EntityKind, id: String, of tenantID: ID<Tenant>, by author: Author, action: String,
        summary: String, alsoDelete: (@Sendable (any SQLDatabase) async throws -> Void)? = nil
    ) async throws {
        let at = now()
        try await runInTransaction { db in
            let existing = try await db.select().column("id").from(table)
                .where("tenant_id", .equal, tenantID.rawValue).where("id", .equal, id).first()
            guard existing != nil else { throw StoreError.notFound(kind: kind, id: id) }
            try await db.delete(from: table).where("tenant_id", .equal, tenantID.rawValue).where("id", .equal, id)
                .run()
            try await alsoDelete?(db)
            try await Self.log(
                ChangeRecord(
                    tenantID: tenantID, at: at, author: author, action: action, summary: summary,
                    object: "\(kind.rawValue):\(id)"), in: db)
        }
    }

    public func saveTenant(_ contents: TenantContents, by author: Author) async throws {
        try await save(
            contents.map, processes: contents.processes, roadmap: (contents.roadmap, contents.measurements), by: author)
    }

    /// Replaces all processes of a tenant; their versions start anew (see ``restartVersions``).
    static func write(
        _ records: [ProcessRecord], of tenantID: ID<Tenant>, by author: Author, at: Date, into db: any SQLDatabase,
        engine: any SQLEngine
    ) async throws {
        try await requireTenant(tenantID, in: db)
        try await db.delete(from: "processes").where("tenant_id", .equal, tenantID.rawValue).run()
        try await EnrichTables.processes.insert(
            records.sorted { $0.id < $1.id }, tenant: tenantID.rawValue, into: db, engine: engine)
        try await restartVersions(records, of: tenantID, by: author, at: at, in: db, engine: engine)
    }

    static func requireTenant(_ id: ID<Tenant>, in db: any SQLDatabase) async throws {
        guard try await tenant(id, in: db) != nil else { throw StoreError.notFound(kind: .tenant, id: id.rawValue) }
    }

    /// Ids must be usable and unique, names present, the BPMN not empty.
    static func check(_ records: [ProcessRecord]) throws {
        var issues: [MapIssue] = []
        var seen = Set<ID<ProcessModel>>()
        for record in records {
            if !record.id.isWellFormed {
                issues.append(MapIssue(kind: .process, id: record.id.rawValue, cause: .malformedID))
            }
            if !seen.insert(record.id).inserted {
                issues.append(MapIssue(kind: .process, id: record.id.rawValue, cause: .duplicateID))
            }
            if record.name.allSatisfy(\.isWhitespace) || record.bpmn.isEmpty {
                issues.append(MapIssue(kind: .process, id: record.id.rawValue, cause: .emptyName))
            }
        }
        if !issues.isEmpty { throw StoreError.invalid(issues) }
    }
}
