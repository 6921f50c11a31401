public import AmtswegCore
import Foundation
import SQLKit

extension SQLMapRepository: EventLogRepository {
    private static let summaryColumns = [
        "id", "name", "file_name", "uploaded_at", "author_id", "author_name", "case_count", "event_count",
        "pseudonymised", "process_id", "resource_units", "privacy", "step_mapping",
    ]

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }()

    /// A name → name table as a JSON object with sorted keys (the same table gives the same text).
    private static func json(_ table: [String: String]) throws -> String {
        String(decoding: try encoder.encode(table), as: UTF8.self)
    }

    public func eventLogs(of tenantID: ID<Tenant>) async throws -> [EventLogRecord] {
        try await run { db in
            try await db.select().columns(Self.summaryColumns.map { SQLIdentifier($0) }).from("event_logs")
                .where("tenant_id", .equal, tenantID.rawValue).orderBy("uploaded_at", .descending).orderBy("id")
                .all().map { try Self.eventLog(from: $0, content: nil) }
        }
    }

    public func eventLog(_ id: ID<EventLogRecord>, of tenantID: ID<Tenant>) async throws -> EventLogRecord {
        try await run { db in
            let row = try await db.select().columns((Self.summaryColumns + ["content"]).map { SQLIdentifier($0) })
                .from("event_logs").where("tenant_id", .equal, tenantID.rawValue).where("id", .equal, id.rawValue)
                .first()
            guard let row else { throw StoreError.notFound(kind: .eventLog, id: id.rawValue) }
            return try Self.eventLog(from: row, content: try row.decode(column: "content", as: String.self))
        }
    }

    public func saveEventLog(_ record: EventLogRecord, of tenantID: ID<Tenant>, by author: Author) async throws {
        guard record.id.isWellFormed else {
            throw StoreError.invalid([MapIssue(kind: .eventLog, id: record.id.rawValue, cause: .malformedID)])
        }
        let at = now()
        try await runInTransaction { db in
            try await Self.requireTenant(tenantID, in: db)
            try await db.delete(from: "event_logs").where("tenant_id", .equal, tenantID.rawValue)
                .where("id", .equal, record.id.rawValue).run()
            try await db.insert(into: "event_logs")
                .columns(["tenant_id"] + Self.summaryColumns + ["content"])
                .values(
                    SQLBind(tenantID.rawValue), SQLBind(record.id.rawValue), SQLBind(record.name),
                    SQLBind(record.fileName), SQLBind(record.uploadedAt.formatted(.iso8601)),
                    SQLBind(record.uploadedBy.id), SQLBind(record.uploadedBy.displayName), SQLBind(record.caseCount),
                    SQLBind(record.eventCount), SQLBind(record.isPseudonymised ? 1 : 0),
                    record.processID.map { SQLBind($0.rawValue) as any SQLExpression } ?? SQLLiteral.null,
                    SQLBind(try Self.json(record.resourceUnits)),
                    SQLBind(record.privacy),
                    try record.stepMapping.map { SQLBind(try Self.json($0)) as any SQLExpression } ?? SQLLiteral.null,
                    SQLBind(record.xesGzip.base64EncodedString())
                )
                .run()
            try await Self.log(
                ChangeRecord(
                    tenantID: tenantID, at: at, author: author, action: "saveEventLog",
                    summary: "Ereignisprotokoll gespeichert: \(record.name) (\(record.caseCount) Fälle); Datenschutz: "
                        + (record.privacy.isEmpty ? "alle Attribute behalten" : record.privacy),
                    object: "eventLog:\(record.id)"), in: db)
            await Failpoint.reach(Failpoint.saveEventLog)
        }
    }

    public func confirmStepMapping(
        _ mapping: [String: String], ofLog id: ID<EventLogRecord>, of tenantID: ID<Tenant>, summary: String,
        by author: Author
    ) async throws {
        let at = now()
        try await runInTransaction { db in
            let found = try await db.select().column("id").from("event_logs")
                .where("tenant_id", .equal, tenantID.rawValue).where("id", .equal, id.rawValue).first()
            guard found != nil else { throw StoreError.notFound(kind: .eventLog, id: id.rawValue) }
            try await db.update("event_logs").set("step_mapping", to: SQLBind(try Self.json(mapping)))
                .where("tenant_id", .equal, tenantID.rawValue).where("id", .equal, id.rawValue).run()
            try await Self.log(
                ChangeRecord(
                    tenantID: tenantID, at: at, author: author, action: "confirmStepMapping", summary: summary,
                    object: "eventLog:\(id)"), in: db)
        }
    }

    public func deleteEventLog(_ id: ID<EventLogRecord>, of tenantID: ID<Tenant>, by author: Author) async throws {
        try await deleteRow(
            from: "event_logs", kind: .eventLog, id: id.rawValue, of: tenantID, by: author, action: "deleteEventLog",
            summary: "Ereignisprotokoll gelöscht: \(id)")
    }

    private static func eventLog(from row: any SQLRow, content: String?) throws -> EventLogRecord {
        let uploaded = try row.decode(column: "uploaded_at", as: String.self)
        guard let date = try? Date(uploaded, strategy: .iso8601) else {
            throw StoreError.unavailable("Unlesbares Datum '\(uploaded)' in event_logs.uploaded_at")
        }
        let units = try row.decode(column: "resource_units", as: String.self)
        guard let resourceUnits = try? JSONDecoder().decode([String: String].self, from: Data(units.utf8)) else {
            throw StoreError.unavailable("Die Zuordnung der Bearbeitenden eines Ereignisprotokolls ist beschädigt.")
        }
        var stepMapping: [String: String]?
        if let mapping = try row.decode(column: "step_mapping", as: String?.self) {
            guard let decoded = try? JSONDecoder().decode([String: String].self, from: Data(mapping.utf8)) else {
                throw StoreError.unavailable("Die Zuordnung der Aktivitäten eines Ereignisprotokolls ist beschädigt.")
            }
            stepMapping = decoded
        }
        var data = Data()
        if let content {
            guard let decoded = Data(base64Encoded: content) else {
                throw StoreError.unavailable("Der Inhalt eines Ereignisprotokolls ist beschädigt.")
            }
            data = decoded
        }
        return EventLogRecord(
            id: ID(try row.decode(column: "id", as: String.self)),
            name: try row.decode(column: "name", as: String.self),
            fileName: try row.decode(column: "file_name", as: String.self), uploadedAt: date,
            uploadedBy: Author(
                id: try row.decode(column: "author_id", as: String.self),
                displayName: try row.decode(column: "author_name", as: String.self)),
            caseCount: try row.decode(column: "case_count", as: Int.self),
            eventCount: try row.decode(column: "event_count", as: Int.self),
            isPseudonymised: try row.decode(column: "pseudonymised", as: Int.self) != 0,
            processID: try row.decode(column: "process_id", as: String?.self).map { ID($0) },
            resourceUnits: resourceUnits, xesGzip: data, privacy: try row.decode(column: "privacy", as: String.self),
            stepMapping: stepMapping)
    }
}
