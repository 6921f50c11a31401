import AmtswegCore
import SQLKit

extension SQLMapRepository: StoreChangeFeed {
    public func newestChange() async throws -> Int {
        try await run { db in try await Self.newestChange(in: db) }
    }

    /// The number of the feed's newest entry, 0 when it is empty.
    static func newestChange(in db: any SQLDatabase) async throws -> Int {
        try await db.select().column(SQLFunction("MAX", args: SQLIdentifier("seq")), as: "newest")
            .from("store_change_feed").first()?.decode(column: "newest", as: Int?.self) ?? 0
    }

    public func changes(after sequence: Int, limit: Int) async throws -> [StoreChange] {
        try await run { db in
            try await db.select().columns("seq", "kind", "tenant_id", "subject").from("store_change_feed")
                .where("seq", .greaterThan, sequence).orderBy("seq").limit(limit).all()
                .compactMap { row in
                    // A kind this version does not know (written by a newer one) changes nothing it keeps.
                    guard let kind = StoreChangeKind(rawValue: try row.decode(column: "kind", as: String.self))
                    else { return nil }
                    return StoreChange(
                        sequence: try row.decode(column: "seq", as: Int.self), kind: kind,
                        tenant: try row.decode(column: "tenant_id", as: String?.self).map { ID($0) },
                        subject: try row.decode(column: "subject", as: String?.self))
                }
        }
    }

    /// Records in the feed, inside the write's transaction, what it changed (held back until the transaction's end
    /// where the engine collects such rows, ``AppendingDatabase``). Now and then the entries far behind
    /// the newest are cleared: an instance that far behind drops everything it keeps anyway.
    static func recordChanges(
        _ kinds: Set<StoreChangeKind>, tenant: ID<Tenant>?, subject: String?, in db: any SQLDatabase
    ) async throws {
        for kind in kinds.sorted(by: { $0.rawValue < $1.rawValue }) {
            try await AppendingDatabase.append(
                into: "store_change_feed", columns: ["kind", "tenant_id", "subject"],
                values: [.text(kind.rawValue), SQLValue(tenant?.rawValue), SQLValue(subject)], in: db)
        }
        guard !kinds.isEmpty, Int.random(in: 0..<feedClearingInterval) == 0 else { return }
        let newest = try await newestChange(in: db)
        try await db.delete(from: "store_change_feed").where("seq", .lessThanOrEqual, newest - feedLength).run()
    }

    /// How many entries the feed keeps at least.
    static let feedLength = 10_000
    /// About every how many writes the feed is cleared.
    static let feedClearingInterval = 500
}
