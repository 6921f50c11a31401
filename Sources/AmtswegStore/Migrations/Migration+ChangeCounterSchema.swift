import SQLKit

extension Migration {
    /// Version 15: counters of committed writes, one per kind of cached data (``StoreChanges``). Every write
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

    /// Version 16: a tenant's data counted in areas (the model, the roadmap, the discussion, the rest), so that a
    /// write in one area leaves what was computed from the others in every instance's memory.
    static let changeAreasSchema = Migration(version: 16, name: "change counters per area") { db in
        for kind in ["model", "roadmap", "discussion"] {
            try await db.insert(into: "store_changes").columns("kind", "counter").values(kind, 0).run()
        }
    }
}
