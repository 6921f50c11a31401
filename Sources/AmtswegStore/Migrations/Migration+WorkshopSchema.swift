import SQLKit

extension Migration {
    /// Version 10: workshop rounds and the units' answers, each answer the change it would make to the map (as
    /// JSON) with the facilitator's decision. The map itself changes only when an answer is accepted.
    static let workshopSchema = Migration(version: 10, name: "workshop rounds") { db in
        try await db.create(table: "workshop_rounds")
            .column("tenant_id", type: .text, .notNull, .references("tenants", "id"))
            .column("id", type: .text, .notNull)
            .column("title", type: .text, .notNull)
            .column("unit_ids", type: .text, .notNull)
            .column("deadline", type: .text, .notNull)
            .column("opened_on", type: .text, .notNull)
            .column("opened_by_id", type: .text, .notNull)
            .column("opened_by_name", type: .text, .notNull)
            .column("closed_on", type: .text)
            .primaryKey(["tenant_id", "id"])
            .run()
        try await db.create(table: "workshop_answers")
            .column("tenant_id", type: .text, .notNull, .references("tenants", "id"))
            .column("id", type: .text, .notNull)
            .column("round_id", type: .text, .notNull)
            .column("unit_id", type: .text, .notNull)
            .column("question", type: .int, .notNull)
            .column("change", type: .text, .notNull)
            .column("answered_by_id", type: .text, .notNull)
            .column("answered_by_name", type: .text, .notNull)
            .column("answered_at", type: .text, .notNull)
            .column("decision", type: .text)
            .column("decided_by_id", type: .text)
            .column("decided_by_name", type: .text)
            .primaryKey(["tenant_id", "id"])
            .run()
    }
}
