import SQLKit

extension Migration {
    /// Version 15: counters of committed writes, one per kind of cached data. Every write
    /// transaction raises its kind's counter, so a server instance sees from one cheap read whether another
    /// instance (or a command) changed anything since it last looked.
    static let changeCounterSchema = Migration(version: 15, name: "change counters") { db in
        try await db.create(table: "store_changes")
            .column("kind", type: .text, .primaryKey(autoIncrement: false))
            .column("counter", type: .bigint, .notNull)
            .run()
        // The kinds as they were in version 15; later kinds come with their own migration.
        for kind in ["data", "accounts"] {
            try await db.insert(into: "store_changes").columns("kind", "counter").values(kind, 0).run()
        }
    }

    /// Version 16: a feed of committed writes instead of counters — what each changed (an area of a tenant's data,
    /// ``StoreChangeKind``), whose, and about which subject, so that another instance drops only what those
    /// writes made stale (a comment on one process: that process's page, not every page).
    static let changeFeedSchema = Migration(version: 16, name: "change feed") { db in
        try await db.create(table: "store_change_feed")
            .column("seq", type: .bigint, .primaryKey(autoIncrement: true))
            .column("kind", type: .text, .notNull)
            .column("tenant_id", type: .text)
            .column("subject", type: .text)
            .run()
        try await db.drop(table: "store_changes").run()
    }
}
