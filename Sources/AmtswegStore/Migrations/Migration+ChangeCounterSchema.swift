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
        for kind in StoreChanges.Kind.allCases {
            try await db.insert(into: "store_changes").columns("kind", "counter").values(kind.rawValue, 0).run()
        }
    }
}
