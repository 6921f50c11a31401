import SQLKit

extension SQLMapRepository: StoreChangeCounting {
    public func changes() async throws -> StoreChanges {
        let rows = try await run { db in
            try await db.select().columns("kind", "counter").from("store_changes").all()
        }
        var counters: [String: Int] = [:]
        for row in rows {
            counters[try row.decode(column: "kind", as: String.self)] = try row.decode(column: "counter", as: Int.self)
        }
        return StoreChanges(data: counters["data"] ?? 0, accounts: counters["accounts"] ?? 0)
    }
}
