import Foundation
import Logging
public import SQLKit
import SQLiteKit

/// The embedded engine: one SQLite file (SQLite is bundled with SQLiteNIO, no system library needed),
/// write-ahead logging so readers never wait for the writer, and foreign keys enforced.
///
/// Each operation has a connection of its own, so concurrent transactions never interleave on one; SQLite
/// serialises writers itself (with a busy handler). A server keeps some open between operations
/// (``SQLiteConnectionPool``); commands open one per operation.
public struct SQLiteEngine: SQLEngine {
    public let path: String
    private let logger: Logger
    private let gate: WriteGate
    private let connections = ConnectionCounter()
    private let pool: SQLiteConnectionPool

    /// Opens (and creates if needed) the database file at `path` and switches it to WAL mode. `keptConnections`:
    /// how many connections stay open between operations (a server's setting; 0 closes each after use).
    public init(path: String, keptConnections: Int = 0) async throws {
        self.path = path
        pool = SQLiteConnectionPool(capacity: keptConnections)
        var logger = Logger(label: "amtsweg.store.sqlite")
        logger.logLevel = .warning
        self.logger = logger
        gate = WriteGate.shared(for: URL(fileURLWithPath: path).standardizedFileURL.path)
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: directory) else {
            throw StoreError.unavailable("Das Verzeichnis '\(directory)' für die Datenbank '\(path)' gibt es nicht.")
        }
        do {
            try await read { db in
                try await db.raw("PRAGMA journal_mode = WAL").run()
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw storeError(for: error)
        }
    }

    /// A database in a new temporary file, for tests and benchmarks.
    public static func temporary() async throws -> SQLiteEngine {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("amtsweg-\(UUID().uuidString).sqlite").path
        return try await SQLiteEngine(path: path)
    }

    /// Removes the database file and its WAL companions (for temporary databases).
    public func removeFiles() {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    public var maxBindsPerStatement: Int { 30_000 }

    public func read<R: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await withConnection { connection in try await body(connection.sql()) }
    }

    public func snapshot<R: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await withConnection { connection in
            // A deferred transaction that only reads sees one consistent state of the file and takes no write lock.
            try await inTransaction(SQLiteSession(connection), begin: "BEGIN", body)
        }
    }

    public func transaction<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws
        -> R
    {
        try await gate.withGate {
            try await withConnection { connection in
                // IMMEDIATE takes the write lock at once, so two writers cannot deadlock on lock upgrade.
                try await inTransaction(SQLiteSession(connection), begin: "BEGIN IMMEDIATE", body)
            }
        }
    }

    public var connectionUse: ConnectionUse { ConnectionUse(inUse: connections.current, capacity: nil) }

    /// Closes the connections every server engine of this process keeps (at the end of `amtsweg serve`), so the
    /// database file is whole again without its WAL companion.
    public static func closeAllKeptConnections() async { await SQLiteConnectionPool.closeAll() }

    /// Closes the connections this engine keeps; later operations open and close their own.
    public func closeKeptConnections() async { await pool.close() }

    private func withConnection<R: Sendable>(_ body: (SQLiteConnection) async throws -> R) async throws -> R {
        let connection: SQLiteConnection
        let kept = pool.take()
        if let kept {
            connection = kept
        } else {
            do {
                connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
            } catch {
                throw StoreError.unavailable("Die Datenbank '\(path)' lässt sich nicht öffnen: \(error)")
            }
        }
        // From here on the connection must be closed on every path; SQLiteNIO traps on an open one.
        do {
            if kept == nil {
                do {
                    _ = try await connection.query("PRAGMA foreign_keys = ON")
                    _ = try await connection.query("PRAGMA synchronous = NORMAL")
                    // Another process holding the write lock: wait up to ten seconds, sleeping, then fail clearly.
                    _ = try await connection.query("PRAGMA busy_timeout = 10000")
                } catch {
                    throw StoreError.unavailable("'\(path)' ist keine lesbare SQLite-Datenbank: \(error)")
                }
            }
            connections.taken()
            defer { connections.released() }
            let result = try await body(connection)
            // Only a connection whose operation ended cleanly is used again; its transaction is over.
            if !pool.giveBack(connection) { try await Self.close(connection) }
            return result
        } catch {
            try? await Self.close(connection)
            throw error
        }
    }

    /// Closes a connection in a task of its own: a cancelled request (a client gone, a time limit passed) must
    /// still close it, and SQLiteNIO traps on a connection released open.
    private static func close(_ connection: SQLiteConnection) async throws {
        try await Task.detached { try await connection.close() }.value
    }

    /// Binds values as SQLite values directly; SQLKit's `Encodable` path costs more than SQLite itself
    /// on imports of hundreds of thousands of rows. Identifiers are quoted; values are always bound.
    public func insertRows(into table: String, columns: [String], rows: [[SQLValue]], in db: any SQLDatabase)
        async throws
    {
        guard let session = db as? SQLiteSession else {
            return try await portableInsertRows(into: table, columns: columns, rows: rows, in: db)
        }
        let head = "INSERT INTO \(Self.quoted(table)) (\(columns.map(Self.quoted).joined(separator: ", "))) VALUES "
        let rowPlaceholders = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        for batch in rows.batches(maxBinds: maxBindsPerStatement, width: columns.count) {
            let sql = head + Array(repeating: rowPlaceholders, count: batch.count).joined(separator: ", ")
            var binds: [SQLiteData] = []
            binds.reserveCapacity(batch.count * columns.count)
            for row in batch {
                for value in row {
                    switch value {
                    case .text(let text): binds.append(.text(text))
                    case .integer(let integer): binds.append(.integer(integer))
                    case .real(let real): binds.append(.float(real))
                    case .null: binds.append(.null)
                    }
                }
            }
            _ = try await session.connection.query(sql, binds)
        }
    }

    private static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    public func storeError(for error: any Error) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? SQLiteError {
            switch error.reason {
            case .constraint, .constraintCheckFailed, .constraintForeignKeyFailed, .constraintNotNullFailed,
                .constraintPrimaryKeyFailed, .constraintUniqueFailed:
                return .conflict(error.message)
            default:
                return .unavailable("\(path): \(error.message)")
            }
        }
        return .unavailable("\(path): \(error)")
    }
}
