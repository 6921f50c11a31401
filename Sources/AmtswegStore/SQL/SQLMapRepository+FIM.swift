public import AmtswegCore
import Foundation
import SQLKit

extension SQLMapRepository: FIMRepository {
    public func referenceProcesses(of tenantID: ID<Tenant>) async throws -> [ReferenceProcess] {
        try await runInSnapshot { db in
            try await Self.requireTenant(tenantID, in: db)
            return try await db.select().column("*").from("reference_processes")
                .where("tenant_id", .equal, tenantID.rawValue).orderBy("id").all().map { row in
                    ReferenceProcess(
                        id: try row.decode(column: "id", as: String.self),
                        version: try row.decode(column: "version", as: String.self),
                        name: try row.decode(column: "name", as: String.self),
                        bpmn: try row.decode(column: "bpmn", as: String.self),
                        message: try row.decode(column: "message", as: Data.self),
                        importedAt: try Self.date(row, "imported_at"),
                        importedBy: Author(
                            id: try row.decode(column: "imported_by_id", as: String.self),
                            displayName: try row.decode(column: "imported_by_name", as: String.self)))
                }.sorted { $0.id != $1.id ? $0.id < $1.id : ReferenceProcess.versionOrder($0.version, $1.version) }
        }
    }

    public func importReferenceProcess(_ process: ReferenceProcess, of tenantID: ID<Tenant>, by author: Author)
        async throws -> Bool
    {
        let at = now()
        return try await runInTransaction { db in
            try await Self.requireTenant(tenantID, in: db)
            if let existing = try await db.select().column("message").from("reference_processes")
                .where("tenant_id", .equal, tenantID.rawValue).where("id", .equal, process.id)
                .where("version", .equal, process.version).first()
            {
                guard try existing.decode(column: "message", as: Data.self) == process.message else {
                    throw StoreError.conflict(
                        "Den Referenzprozess \(process.label) gibt es schon mit anderem Inhalt; eine geänderte "
                            + "Fassung braucht eine neue Versionsnummer.")
                }
                return false
            }
            try await db.insert(into: "reference_processes")
                .columns(
                    "tenant_id", "id", "version", "name", "bpmn", "message", "imported_at", "imported_by_id",
                    "imported_by_name"
                )
                .values(
                    SQLBind(tenantID.rawValue), SQLBind(process.id), SQLBind(process.version), SQLBind(process.name),
                    SQLBind(process.bpmn), SQLBind(process.message), SQLBind(at.formatted(.iso8601)),
                    SQLBind(author.id), SQLBind(author.displayName)
                ).run()
            try await Self.log(
                ChangeRecord(
                    tenantID: tenantID, at: at, author: author, action: "importReferenceProcess",
                    summary: "Referenzprozess eingelesen: \(process.name), \(process.label)",
                    object: "reference:\(process.id)"), in: db)
            return true
        }
    }

    public func lineage(of tenantID: ID<Tenant>) async throws -> [ProcessLineage] {
        try await runInSnapshot { db in
            try await db.select().column("*").from("process_lineage").where("tenant_id", .equal, tenantID.rawValue)
                .orderBy("process_id").all().map { row in
                    ProcessLineage(
                        processID: ID(try row.decode(column: "process_id", as: String.self)),
                        masterID: try row.decode(column: "master_id", as: String.self),
                        masterVersion: try row.decode(column: "master_version", as: String.self),
                        derivedAt: try Self.date(row, "derived_at"),
                        derivedBy: Author(
                            id: try row.decode(column: "derived_by_id", as: String.self),
                            displayName: try row.decode(column: "derived_by_name", as: String.self)))
                }
        }
    }

    public func deriveProcess(
        _ record: ProcessRecord, lineage: ProcessLineage, of tenantID: ID<Tenant>, by author: Author
    ) async throws {
        try Self.check([record])
        let engine = engine
        let at = now()
        try await runInTransaction { db in
            try await Self.requireTenant(tenantID, in: db)
            try await Self.requireMaster(lineage.masterID, version: lineage.masterVersion, of: tenantID, in: db)
            let taken = try await db.select().column("id").from("processes")
                .where("tenant_id", .equal, tenantID.rawValue).where("id", .equal, record.id.rawValue).first()
            guard taken == nil else {
                throw StoreError.conflict(
                    "Einen Prozess „\(record.id)“ gibt es schon; bitte eine andere Kennung wählen.")
            }
            let version = try await Self.appendVersion(
                record, of: tenantID, by: author, at: at,
                comment: "Abgeleitet aus dem Referenzprozess \(lineage.masterID) (Fassung \(lineage.masterVersion))",
                basedOn: nil, in: db, engine: engine)
            var lineage = lineage
            lineage.processID = record.id
            try await Self.insert(lineage, of: tenantID, at: at, by: author, in: db)
            try await Self.log(
                ChangeRecord(
                    tenantID: tenantID, at: at, author: author, action: "deriveProcess",
                    summary: "Lokaler Prozess \(record.name) (\(record.id)) aus dem Referenzprozess "
                        + "\(lineage.masterID), Fassung \(lineage.masterVersion), abgeleitet: \(version.label)",
                    object: "process:\(record.id)"), in: db)
        }
    }

    public func linkProcess(_ lineage: ProcessLineage, of tenantID: ID<Tenant>, by author: Author) async throws {
        let at = now()
        try await runInTransaction { db in
            try await Self.requireMaster(lineage.masterID, version: lineage.masterVersion, of: tenantID, in: db)
            guard
                try await db.select().column("id").from("processes").where("tenant_id", .equal, tenantID.rawValue)
                    .where("id", .equal, lineage.processID.rawValue).first() != nil
            else { throw StoreError.notFound(kind: .process, id: lineage.processID.rawValue) }
            let linked = try await db.select().column("process_id").from("process_lineage")
                .where("tenant_id", .equal, tenantID.rawValue).where("process_id", .equal, lineage.processID.rawValue)
                .first()
            guard linked == nil else {
                throw StoreError.conflict("Der Prozess „\(lineage.processID)“ hat schon einen Referenzprozess.")
            }
            try await Self.insert(lineage, of: tenantID, at: at, by: author, in: db)
            try await Self.log(
                ChangeRecord(
                    tenantID: tenantID, at: at, author: author, action: "linkProcess",
                    summary: "Prozess \(lineage.processID) mit dem Referenzprozess \(lineage.masterID), Fassung "
                        + "\(lineage.masterVersion), verknüpft",
                    object: "process:\(lineage.processID)"), in: db)
        }
    }

    public func followMasterVersion(
        _ version: String, process: ID<ProcessModel>, of tenantID: ID<Tenant>, by author: Author
    ) async throws {
        let at = now()
        try await runInTransaction { db in
            guard
                let row = try await db.select().column("master_id").column("master_version")
                    .from("process_lineage").where("tenant_id", .equal, tenantID.rawValue)
                    .where("process_id", .equal, process.rawValue).first()
            else { throw StoreError.notFound(kind: .process, id: process.rawValue) }
            let master = try row.decode(column: "master_id", as: String.self)
            let before = try row.decode(column: "master_version", as: String.self)
            try await Self.requireMaster(master, version: version, of: tenantID, in: db)
            try await db.update("process_lineage").set("master_version", to: version)
                .where("tenant_id", .equal, tenantID.rawValue).where("process_id", .equal, process.rawValue).run()
            try await Self.log(
                ChangeRecord(
                    tenantID: tenantID, at: at, author: author, action: "followMasterVersion",
                    summary: "Prozess \(process) folgt jetzt dem Referenzprozess \(master) in Fassung \(version) "
                        + "(bisher \(before))",
                    object: "process:\(process)"), in: db)
        }
    }

    /// A lineage row, with the time and author of the write that makes it.
    static func insert(
        _ lineage: ProcessLineage, of tenantID: ID<Tenant>, at: Date, by author: Author, in db: any SQLDatabase
    ) async throws {
        try await db.insert(into: "process_lineage")
            .columns(
                "tenant_id", "process_id", "master_id", "master_version", "derived_at", "derived_by_id",
                "derived_by_name"
            )
            .values(
                SQLBind(tenantID.rawValue), SQLBind(lineage.processID.rawValue), SQLBind(lineage.masterID),
                SQLBind(lineage.masterVersion), SQLBind(at.formatted(.iso8601)), SQLBind(author.id),
                SQLBind(author.displayName)
            ).run()
    }

    static func requireMaster(_ id: String, version: String, of tenantID: ID<Tenant>, in db: any SQLDatabase)
        async throws
    {
        let found = try await db.select().column("id").from("reference_processes")
            .where("tenant_id", .equal, tenantID.rawValue).where("id", .equal, id).where("version", .equal, version)
            .first()
        guard found != nil else {
            throw StoreError.invalidData(
                what: "Die Ableitung", problems: ["Den Referenzprozess \(id) in Fassung \(version) gibt es nicht"])
        }
    }

    static func date(_ row: any SQLRow, _ column: String) throws -> Date {
        let text = try row.decode(column: column, as: String.self)
        guard let date = try? Date(text, strategy: .iso8601) else {
            throw StoreError.unavailable("Ungültiger Zeitpunkt '\(text)' in Spalte '\(column)'")
        }
        return date
    }
}
