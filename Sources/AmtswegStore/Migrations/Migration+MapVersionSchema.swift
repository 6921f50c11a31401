import SQLKit

extension Migration {
    /// Version 12: versions of the organisation model, each the whole map as JSON with who saved it, when, why
    /// and its review state. Tenants stored before get their first version with their next save.
    static let mapVersionSchema = Migration(version: 12, name: "map versions") { db in
        try await db.create(table: "map_versions")
            .column("tenant_id", type: .text, .notNull, .references("tenants", "id"))
            .column("number", type: .bigint, .notNull)
            .column("saved_at", type: .text, .notNull)
            .column("author_id", type: .text, .notNull)
            .column("author_name", type: .text, .notNull)
            .column("comment", type: .text, .notNull)
            .column("release", type: .text, .notNull)
            .column("map_json", type: .text, .notNull)
            .primaryKey(["tenant_id", "number"])
            .run()
    }
}
