import Logging
import NIOCore
import SQLKit
import Synchronization

/// A write transaction's database that holds back the rows each write appends last — its audit entry and its
/// change-feed entries — and inserts them together, one statement per table, before the transaction commits
/// (``flush(engine:)``).
///
/// The PostgreSQL engine runs the writes that wait together in one transaction, inside the lock every other writer
/// waits for (``PostgresEngine/transaction(_:)``): two of a comment's four round trips there were these two
/// single-row INSERTs. Nothing in a write reads the rows it appends, and each table's rows keep their order, so
/// the audit log and the change feed number them as before; a rolled back transaction takes them along.
final class AppendingDatabase: SQLDatabase {
    let base: any SQLDatabase
    private let pending = Mutex<[(table: String, columns: [String], values: [SQLValue])]>([])

    init(_ base: any SQLDatabase) { self.base = base }

    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var dialect: any SQLDialect { base.dialect }
    var queryLogLevel: Logger.Level? { base.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void)
        -> EventLoopFuture<Void>
    {
        base.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await base.execute(sql: query, onRow)
    }

    /// Appends one row to `table`: held back where `db` is an appending database, inserted now otherwise.
    static func append(into table: String, columns: [String], values: [SQLValue], in db: any SQLDatabase)
        async throws
    {
        if let appending = db as? AppendingDatabase {
            appending.pending.withLock { $0.append((table, columns, values)) }
        } else {
            try await db.insert(into: table).columns(columns).values(values.map(\.bind)).run()
        }
    }

    /// Inserts every row held back: per table (in the order the tables first came), the rows in the order they
    /// came.
    func flush(engine: any SQLEngine) async throws {
        let rows = pending.withLock { pending in
            defer { pending = [] }
            return pending
        }
        var tables: [String] = []
        var byTable: [String: (columns: [String], values: [[SQLValue]])] = [:]
        for row in rows {
            if byTable[row.table] == nil {
                tables.append(row.table)
                byTable[row.table] = (row.columns, [])
            }
            byTable[row.table]?.values.append(row.values)
        }
        for table in tables {
            guard let held = byTable[table] else { continue }
            try await engine.insertRows(into: table, columns: held.columns, rows: held.values, in: base)
        }
    }
}
