import SQLKit

extension Migration {
    /// Version 9: improvement proposals and the votes on them, beside the map like comments. An accepted
    /// proposal names the initiative it became; the initiative finds its proposal by that link.
    static let proposalSchema = Migration(version: 9, name: "proposals") { db in
        try await db.create(table: "proposals")
            .column("tenant_id", type: .text, .notNull, .references("tenants", "id"))
            .column("id", type: .text, .notNull)
            .column("subject", type: .text, .notNull)
            .column("title", type: .text, .notNull)
            .column("problem", type: .text, .notNull)
            .column("change", type: .text, .notNull)
            .column("benefit", type: .text, .notNull)
            .column("hours_per_year", type: .double)
            .column("author_id", type: .text, .notNull)
            .column("author_name", type: .text, .notNull)
            .column("anonymous", type: .int, .notNull)
            .column("submitted_at", type: .text, .notNull)
            .column("status", type: .text, .notNull)
            .column("rejection_reason", type: .text)
            .column("initiative_id", type: .text)
            .primaryKey(["tenant_id", "id"])
            .run()
        try await db.create(table: "proposal_votes")
            .column("tenant_id", type: .text, .notNull, .references("tenants", "id"))
            .column("proposal_id", type: .text, .notNull)
            .column("account_id", type: .text, .notNull)
            .primaryKey(["tenant_id", "proposal_id", "account_id"])
            .run()
    }
}
