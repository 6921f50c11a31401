import SQLKit

extension SQLMapRepository: StoreChangeCounting {
    public func changes() async throws -> StoreChanges {
        let rows = try await run { db in
            try await db.select().columns("kind", "counter").from("store_changes").all()
        }
        var counters: [StoreChanges.Kind: Int] = [:]
        for row in rows {
            guard let kind = StoreChanges.Kind(rawValue: try row.decode(column: "kind", as: String.self)) else {
                continue
            }
            counters[kind] = try row.decode(column: "counter", as: Int.self)
        }
        return StoreChanges(counters)
    }
}
