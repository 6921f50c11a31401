import SQLKit

extension Migration {
    /// Version 2: the Enrich catalogues, the tenant's process settings, case volumes of services, and
    /// processes. A process's canonical form is its BPMN text; the other columns repeat what lists and
    /// filters need. Processes refer to services and units without foreign keys: they are a separate aggregate
    /// and must survive the map being replaced (a dangling reference is a problem spot, not a storage error).
    static let enrichSchema = Migration(version: 2, name: "enrich catalogues and processes") { db in
        try await db.alter(table: "services").column("cases_per_year", type: .bigint).run()

        try await tenantTable(db, "process_settings", idColumns: []) {
            $0.column("net_annual_working_hours", type: .double, .notNull)
                .column("hourly_cost", type: .double, .notNull)
                .column("max_desks", type: .bigint, .notNull)
                .column("long_wait_days", type: .double, .notNull)
                .column("hours_per_working_day", type: .double, .notNull)
                .column("person_level_figures", type: .bigint, .notNull)
        }
        try await tenantTable(db, "applications", idColumns: ["id"]) {
            $0.column("name", type: .text, .notNull)
                .column("vendor", type: .text)
                .column("standards", type: .text, .notNull)  // one per line
        }
        try await tenantTable(db, "application_units", idColumns: ["application_id", "unit_id"]) {
            $0.column("application_id", type: .text, .notNull)
                .column("unit_id", type: .text, .notNull)
                .foreignKey(["tenant_id", "application_id"], references: "applications", ["tenant_id", "id"])
                .foreignKey(["tenant_id", "unit_id"], references: "org_units", ["tenant_id", "id"])
        }
        try await tenantTable(db, "documents", idColumns: ["id"]) {
            $0.column("name", type: .text, .notNull)
                .column("kind", type: .text, .notNull)
                .column("information_object_id", type: .text)
                .foreignKey(
                    ["tenant_id", "information_object_id"], references: "information_objects", ["tenant_id", "id"])
        }
        try await tenantTable(db, "legal_bases", idColumns: ["id"]) {
            $0.column("law", type: .text, .notNull)
                .column("paragraph", type: .text, .notNull)
                .column("url", type: .text)
        }
        try await tenantTable(db, "skills", idColumns: ["id"]) {
            $0.column("name", type: .text, .notNull)
        }
        try await tenantTable(db, "skill_holdings", idColumns: ["position_id", "skill_id"]) {
            $0.column("position_id", type: .text, .notNull)
                .column("skill_id", type: .text, .notNull)
                .column("level", type: .bigint, .notNull)
                .foreignKey(["tenant_id", "position_id"], references: "positions", ["tenant_id", "id"])
                .foreignKey(["tenant_id", "skill_id"], references: "skills", ["tenant_id", "id"])
        }
        try await tenantTable(db, "building_blocks", idColumns: ["key"]) {
            $0.column("key", type: .text, .notNull)
                .column("label", type: .text, .notNull)
                .column("task_type", type: .text, .notNull)
                .column("explanation", type: .text, .notNull)
        }
        try await tenantTable(db, "processes", idColumns: ["id"]) {
            $0.column("name", type: .text, .notNull)
                .column("service_id", type: .text)
                .column("owner_unit_id", type: .text)
                .column("state", type: .text, .notNull)
                .column("ist_id", type: .text)
                .column("bpmn", type: .text, .notNull)
        }
    }
}
