import SQLKit

extension Migration {
    /// Version 3: uploaded event logs. The content is gzip-compressed XES, stored base64-encoded as text so
    /// that SQLite and PostgreSQL hold it alike.
    static let eventLogSchema = Migration(version: 3, name: "event logs") { db in
        try await tenantTable(db, "event_logs", idColumns: ["id"]) {
            $0.column("name", type: .text, .notNull)
                .column("file_name", type: .text, .notNull)
                .column("uploaded_at", type: .text, .notNull)
                .column("author_id", type: .text, .notNull)
                .column("author_name", type: .text, .notNull)
                .column("case_count", type: .bigint, .notNull)
                .column("event_count", type: .bigint, .notNull)
                .column("pseudonymised", type: .bigint, .notNull)
                .column("process_id", type: .text)
                .column("resource_units", type: .text, .notNull)  // JSON object: resource → unit
                .column("content", type: .text, .notNull)
        }
    }
}
