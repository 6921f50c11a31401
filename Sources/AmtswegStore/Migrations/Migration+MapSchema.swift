import SQLKit

extension Migration {
    /// Version 1: tenants, the Map domain and the change log. Every table but `tenants` carries `tenant_id`
    /// and its primary key starts with it, so one installation can hold many municipalities.
    static let mapSchema = Migration(version: 1, name: "map schema") { db in
        try await db.create(table: "tenants")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("name", type: .text, .notNull)
            .column("ags", type: .text, .notNull)
            .column("population", type: .bigint, .notNull)
            .run()

        try await tenantTable(db, "org_units", idColumns: ["id"]) {
            $0.column("name", type: .text, .notNull)
                .column("kind", type: .text, .notNull)
                .column("parent_id", type: .text)
                .column("office_number", type: .text)
                .foreignKey(["tenant_id", "parent_id"], references: "org_units", ["tenant_id", "id"])
        }
        try await tenantTable(db, "positions", idColumns: ["id"]) {
            $0.column("title", type: .text, .notNull)
                .column("unit_id", type: .text, .notNull)
                .column("fte", type: .double, .notNull)
                .column("pay_grade", type: .text)
                .foreignKey(["tenant_id", "unit_id"], references: "org_units", ["tenant_id", "id"])
        }
        try await tenantTable(db, "roles", idColumns: ["id"]) {
            $0.column("name", type: .text, .notNull)
        }
        try await tenantTable(db, "role_positions", idColumns: ["role_id", "position_id"]) {
            $0.column("role_id", type: .text, .notNull)
                .column("position_id", type: .text, .notNull)
                .foreignKey(["tenant_id", "role_id"], references: "roles", ["tenant_id", "id"])
                .foreignKey(["tenant_id", "position_id"], references: "positions", ["tenant_id", "id"])
        }
        try await tenantTable(db, "tasks", idColumns: ["id"]) {
            $0.column("name", type: .text, .notNull)
                .column("unit_id", type: .text, .notNull)
                .column("task_group", type: .bigint)
                .column("product_area", type: .text)
                .foreignKey(["tenant_id", "unit_id"], references: "org_units", ["tenant_id", "id"])
        }
        try await tenantTable(db, "services", idColumns: ["id"]) {
            $0.column("name", type: .text, .notNull)
                .column("leika_key", type: .text, .notNull)
                .column("unit_id", type: .text, .notNull)
                .foreignKey(["tenant_id", "unit_id"], references: "org_units", ["tenant_id", "id"])
        }
        try await tenantTable(db, "information_objects", idColumns: ["id"]) {
            $0.column("name", type: .text, .notNull)
        }
        try await tenantTable(db, "external_parties", idColumns: ["id"]) {
            $0.column("name", type: .text, .notNull)
                .column("kind", type: .text, .notNull)
        }
        // An endpoint is a unit, a position or an external party: three nullable columns, each with its
        // foreign key, so the database itself refuses a dangling reference.
        try await tenantTable(db, "information_flows", idColumns: ["id"]) {
            $0.column("from_unit_id", type: .text)
                .column("from_position_id", type: .text)
                .column("from_external_id", type: .text)
                .column("to_unit_id", type: .text)
                .column("to_position_id", type: .text)
                .column("to_external_id", type: .text)
                .column("object_id", type: .text)
                .column("channel", type: .text, .notNull)
                .column("medium", type: .text, .notNull)
                .column("frequency_per_year", type: .bigint, .notNull)
                .column("service_id", type: .text)
                .column("note", type: .text)
                .foreignKey(["tenant_id", "from_unit_id"], references: "org_units", ["tenant_id", "id"])
                .foreignKey(["tenant_id", "from_position_id"], references: "positions", ["tenant_id", "id"])
                .foreignKey(["tenant_id", "from_external_id"], references: "external_parties", ["tenant_id", "id"])
                .foreignKey(["tenant_id", "to_unit_id"], references: "org_units", ["tenant_id", "id"])
                .foreignKey(["tenant_id", "to_position_id"], references: "positions", ["tenant_id", "id"])
                .foreignKey(["tenant_id", "to_external_id"], references: "external_parties", ["tenant_id", "id"])
                .foreignKey(["tenant_id", "object_id"], references: "information_objects", ["tenant_id", "id"])
                .foreignKey(["tenant_id", "service_id"], references: "services", ["tenant_id", "id"])
        }
        try await tenantTable(db, "entry_points", idColumns: ["id"]) {
            $0.column("unit_id", type: .text, .notNull)
                .column("channel", type: .text, .notNull)
                .column("volume_per_year", type: .bigint, .notNull)
                .column("service_id", type: .text)
                .foreignKey(["tenant_id", "unit_id"], references: "org_units", ["tenant_id", "id"])
                .foreignKey(["tenant_id", "service_id"], references: "services", ["tenant_id", "id"])
        }
        try await tenantTable(db, "responsibilities", idColumns: ["task_id", "kind", "assignee"]) {
            $0.column("task_id", type: .text, .notNull)
                .column("kind", type: .text, .notNull)
                .column("assignee", type: .text, .notNull)
                .foreignKey(["tenant_id", "task_id"], references: "tasks", ["tenant_id", "id"])
        }
        try await tenantTable(db, "unit_awareness", idColumns: ["unit_id", "known_unit_id"]) {
            $0.column("unit_id", type: .text, .notNull)
                .column("known_unit_id", type: .text, .notNull)
                .foreignKey(["tenant_id", "unit_id"], references: "org_units", ["tenant_id", "id"])
                .foreignKey(["tenant_id", "known_unit_id"], references: "org_units", ["tenant_id", "id"])
        }
        try await tenantTable(db, "workshop_findings", idColumns: ["id"]) {
            $0.column("question", type: .bigint, .notNull)
                .column("text", type: .text, .notNull)
                .column("author", type: .text, .notNull)
                .column("recorded_on", type: .text, .notNull)
                .column("unit_id", type: .text)
                .foreignKey(["tenant_id", "unit_id"], references: "org_units", ["tenant_id", "id"])
        }
        // The change log outlives deleted tenants on purpose (an audit trail), so it has no foreign key.
        try await db.create(table: "change_log")
            .column("seq", type: .bigint, .primaryKey(autoIncrement: true))
            .column("tenant_id", type: .text, .notNull)
            .column("at", type: .text, .notNull)
            .column("author_id", type: .text, .notNull)
            .column("author_name", type: .text, .notNull)
            .column("action", type: .text, .notNull)
            .column("summary", type: .text, .notNull)
            .run()
        try await db.create(index: "change_log_by_tenant").on("change_log").column("tenant_id").column("seq").run()
    }

    /// Creates a table owned by a tenant: `tenant_id` first, a primary key of `tenant_id` plus `idColumns`,
    /// a foreign key to `tenants`. `id` is declared here when it is one of the key columns.
    static func tenantTable(
        _ db: any SQLDatabase, _ name: String, idColumns: [String],
        _ columns: (SQLCreateTableBuilder) -> SQLCreateTableBuilder
    ) async throws {
        var builder = db.create(table: name).column("tenant_id", type: .text, .notNull)
        if idColumns == ["id"] { builder = builder.column("id", type: .text, .notNull) }
        builder = columns(builder)
            .primaryKey(["tenant_id"] + idColumns)
            .foreignKey(["tenant_id"], references: "tenants", ["id"])
        try await builder.run()
    }
}
