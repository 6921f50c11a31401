import SQLKit

extension Migration {
    /// Version 7: comments on processes, steps, problem spots, initiatives, flows and units — a table of their
    /// own beside the map, so that saving the map (which rewrites its tables) keeps them.
    static let commentSchema = Migration(version: 7, name: "comments") { db in
        try await db.create(table: "comments")
            .column("tenant_id", type: .text, .notNull, .references("tenants", "id"))
            .column("id", type: .text, .notNull)
            .column("subject", type: .text, .notNull)
            .column("reply_to", type: .text)
            .column("author_id", type: .text, .notNull)
            .column("author_name", type: .text, .notNull)
            .column("text", type: .text, .notNull)
            .column("written_at", type: .text, .notNull)
            .column("mentions", type: .text, .notNull)
            .column("resolved_by_id", type: .text)
            .column("resolved_by_name", type: .text)
            .column("resolved_at", type: .text)
            .primaryKey(["tenant_id", "id"])
            .run()
    }
}
