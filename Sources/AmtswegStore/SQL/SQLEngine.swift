public import SQLKit

/// A database engine the portable SQL code runs on. The engine-specific parts — opening connections,
/// pragmas, how a transaction begins — live behind this protocol; everything above it is plain SQLKit.
public protocol SQLEngine: Sendable {
    /// Runs `body` with a database for reading.
    func read<R: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R

    /// Runs `body` in a read-only transaction, so that several reads see one consistent state.
    func snapshot<R: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R

    /// Runs `body` inside one transaction: committed when it returns, rolled back when it throws.
    func transaction<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R

    /// Runs `body` in one transaction that no other process runs at the same time — for migrations, which two
    /// app instances starting together would otherwise both apply. SQLite's write lock gives that already.
    func exclusiveTransaction<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws
        -> R

    /// The most bind parameters one statement may carry; inserts are batched below it.
    var maxBindsPerStatement: Int { get }

    /// Inserts many rows into one table inside a transaction started by ``transaction(_:)``.
    /// The default implementation is portable SQLKit; an engine may bind values more directly.
    func insertRows(into table: String, columns: [String], rows: [[SQLValue]], in db: any SQLDatabase) async throws

    /// Turns a driver error into a ``StoreError``.
    func storeError(for error: any Error) -> StoreError

    /// The connections in use now, and the pool's limit.
    var connectionUse: ConnectionUse { get }

    /// The database's tables as it describes them itself, for copying a whole store (``StoreCopy``).
    func tableShapes(in db: any SQLDatabase) async throws -> [TableShape]

    /// After rows were copied in with their ids: lets generated ids continue after the largest copied one.
    func continueGeneratedIDs(in db: any SQLDatabase) async throws
}

extension SQLEngine {
    public func exclusiveTransaction<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R)
        async throws -> R
    {
        try await transaction(body)
    }

    public func insertRows(into table: String, columns: [String], rows: [[SQLValue]], in db: any SQLDatabase)
        async throws
    {
        try await portableInsertRows(into: table, columns: columns, rows: rows, in: db)
    }

    /// The bulk insert in plain SQLKit, for every engine.
    func portableInsertRows(into table: String, columns: [String], rows: [[SQLValue]], in db: any SQLDatabase)
        async throws
    {
        for batch in rows.batches(maxBinds: maxBindsPerStatement, width: columns.count) {
            let insert = db.insert(into: table).columns(columns)
            for row in batch { insert.values(row.map(\.bind)) }
            try await insert.run()
        }
    }
}

/// Runs `body` between `begin` and COMMIT on one connection's database, and rolls back when it throws: the
/// transaction frame both engines share; they differ only in how they begin.
func inTransaction<R: Sendable>(
    _ db: any SQLDatabase, begin: String, _ body: @Sendable (any SQLDatabase) async throws -> R
) async throws -> R {
    try await db.raw(SQLQueryString(begin)).run()
    do {
        let result = try await body(db)
        try await db.raw("COMMIT").run()
        return result
    } catch {
        try? await db.raw("ROLLBACK").run()
        throw error
    }
}

extension Array {
    /// Consecutive slices of at most as many rows as fit `maxBinds` parameters of `width` columns each.
    func batches(maxBinds: Int, width: Int) -> [ArraySlice<Element>] {
        let size = Swift.max(1, maxBinds / Swift.max(1, width))
        return stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
