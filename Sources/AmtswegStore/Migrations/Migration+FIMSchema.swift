import SQLKit

extension Migration {
    /// Version 14: FIM — reference processes imported from XProzess (each version with its whole message) and the
    /// lineage of local processes derived from them.
    static let fimSchema = Migration(version: 14, name: "fim") { db in
        try await db.create(table: "reference_processes")
            .column("tenant_id", type: .text, .notNull, .references("tenants", "id"))
            .column("id", type: .text, .notNull)
            .column("version", type: .text, .notNull)
            .column("name", type: .text, .notNull)
            .column("bpmn", type: .text, .notNull)
            .column("message", type: .blob, .notNull)
            .column("imported_at", type: .text, .notNull)
            .column("imported_by_id", type: .text, .notNull)
            .column("imported_by_name", type: .text, .notNull)
            .primaryKey(["tenant_id", "id", "version"])
            .run()
        try await db.create(table: "process_lineage")
            .column("tenant_id", type: .text, .notNull, .references("tenants", "id"))
            .column("process_id", type: .text, .notNull)
            .column("master_id", type: .text, .notNull)
            .column("master_version", type: .text, .notNull)
            .column("derived_at", type: .text, .notNull)
            .column("derived_by_id", type: .text, .notNull)
            .column("derived_by_name", type: .text, .notNull)
            .primaryKey(["tenant_id", "process_id"])
            .run()
    }
}
