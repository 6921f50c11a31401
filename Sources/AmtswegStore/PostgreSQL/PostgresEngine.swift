import Foundation
import Logging
import NIOPosix
import PostgresKit
public import SQLKit

/// The server engine: PostgreSQL through PostgresNIO's connection pool, with SQLKit (postgres-kit) on top, so the
/// repository's portable SQL runs here unchanged.
///
/// Writes run one at a time across all instances (an advisory lock, ``transaction(_:)``): the repository's writes
/// read and then write (a version number, a "does it exist"), and several app instances may write at once, so each
/// write must behave as if it were alone — what SQLite's single writer gives for free. Reads never wait for
/// writers; those that need one consistent state take a REPEATABLE READ, READ ONLY transaction.
public final class PostgresEngine: SQLEngine {
    /// Where the database is, with the password left out: for messages.
    public let location: String
    private let client: PostgresClient
    /// The writers' own connection (``transaction(_:)``): a write never waits for one behind the readers.
    private let writeClient: PostgresClient
    private let runner: Task<Void, Never>
    private let logger: Logger
    private let connections = ConnectionCounter()
    private let maximumConnections: Int
    /// This process's writes waiting for their turn (see ``transaction(_:)``).
    private let writes = WriteQueue()

    /// Connects to the database named by a `postgres://user:password@host:port/database` URL (`?sslmode=require`
    /// or `prefer` for TLS) and checks it is reachable; `maximumConnections` bounds the readers' pool, and writes
    /// have one more connection of their own.
    public init(url: String, maximumConnections: Int = 16) async throws {
        var logger = Logger(label: "amtsweg.store.postgres")
        logger.logLevel = .warning
        self.logger = logger
        self.maximumConnections = maximumConnections
        let configuration: PostgresClient.Configuration
        (configuration, location) = try Self.configuration(url, maximumConnections: maximumConnections)
        // The pool's own log only for errors: it warns when the first lease comes before `run()` has started in
        // its task, which is harmless (the lease waits) and happens at every start.
        var poolLogger = logger
        poolLogger.logLevel = .error
        let client = PostgresClient(configuration: configuration, backgroundLogger: poolLogger)
        var writing = configuration
        writing.options.minimumConnections = 0
        writing.options.maximumConnections = 1
        let writeClient = PostgresClient(
            configuration: writing, eventLoopGroup: Self.writeLoop, backgroundLogger: poolLogger)
        self.client = client
        self.writeClient = writeClient
        runner = Task {
            await withDiscardingTaskGroup { group in
                group.addTask { await client.run() }
                group.addTask { await writeClient.run() }
            }
        }
        do {
            try await read { db in try await db.raw("SELECT 1").run() }
        } catch {
            runner.cancel()
            throw StoreError.unavailable("PostgreSQL unter \(location) ist nicht erreichbar: \(Self.describe(error))")
        }
    }

    deinit { runner.cancel() }

    /// Ends the pool's connections (the engine is unusable afterwards).
    public func shutdown() { runner.cancel() }

    static func configuration(_ text: String, maximumConnections: Int) throws
        -> (PostgresClient.Configuration, String)
    {
        guard let components = URLComponents(string: text), ["postgres", "postgresql"].contains(components.scheme),
            let user = components.user, let host = components.host, !host.isEmpty
        else {
            throw StoreError.unavailable(
                "Keine PostgreSQL-Adresse: erwartet postgres://BENUTZER:PASSWORT@HOST:PORT/DATENBANK")
        }
        let database = components.path.split(separator: "/").first.map(String.init)
        let mode = components.queryItems?.first { $0.name == "sslmode" }?.value ?? "disable"
        let tls: PostgresClient.Configuration.TLS =
            switch mode {
            case "require", "verify-ca", "verify-full": .require(.makeClientConfiguration())
            case "prefer": .prefer(.makeClientConfiguration())
            default: .disable
            }
        var configuration = PostgresClient.Configuration(
            host: host, port: components.port ?? 5432, username: user.removingPercentEncoding ?? user,
            password: components.password?.removingPercentEncoding, database: database, tls: tls)
        configuration.options.maximumConnections = maximumConnections
        configuration.options.connectTimeout = .seconds(10)
        return (configuration, "\(host):\(components.port ?? 5432)/\(database ?? user)")
    }

    /// PostgreSQL allows 65,535 bind parameters per statement.
    public var maxBindsPerStatement: Int { 30_000 }

    public func read<R: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await withConnection { connection in try await body(connection.sql()) }
    }

    public func snapshot<R: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await withConnection { connection in
            try await inTransaction(
                connection.sql(), begin: "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY", body)
        }
    }

    /// One writer at a time across every instance, as SQLite has: a READ COMMITTED transaction whose first
    /// statement takes a transaction-scoped advisory lock, released by its COMMIT or ROLLBACK (and by PostgreSQL
    /// when the connection ends, so a process killed while holding it blocks no one). Every later statement sees
    /// the previous writer's commit, and no other writer runs meanwhile — what SERIALIZABLE would promise, without
    /// its bookkeeping and its failed transactions: serializable writers of the same rows, unordered, failed one
    /// another faster than retries could catch up under load. The change feed relies on the order too: its entries
    /// are committed in the order of their numbers, so a reader that goes on from the last number it saw misses
    /// none.
    ///
    /// This process's writes queue without a connection (``WriteQueue``); those that wait together run one after
    /// the other in one such transaction, as if each had its own turn, and are committed together (group commit).
    /// Should one of them fail, the transaction is rolled back and each runs again in a transaction of its own, so
    /// a write never fails or disappears because of another; a failure of the transaction itself (BEGIN, the lock,
    /// COMMIT — the database gone) is every one's failure, and nothing runs twice.
    ///
    /// Everyone waits for the writer holding the lock, so its round trips must not wait for a thread busy with
    /// other work (drawing a page): the writes run on a thread of their own, the event loop of their connection
    /// (``writeExecutor``), which the system schedules beside the shared pool. Under the cluster benchmark's mixed
    /// load, half the time the lock was held went to waiting for the shared pool before.
    public func transaction<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R)
        async throws -> R
    {
        let result = WriteQueue.Slot<R>()
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let job = WriteQueue.Job(
                run: { db in result.set(try await body(db)) },
                finish: { error in
                    if let error { continuation.resume(throwing: error) } else { continuation.resume() }
                })
            if writes.add(job) {
                Task(executorPreference: Self.writeExecutor) { await self.drainWrites() }
            }
        }
        return result.take()
    }

    /// The most writes committed together: the other instances wait while they run.
    static let writesPerTransaction = 50

    private func drainWrites() async {
        while let jobs = writes.next(limit: Self.writesPerTransaction) {
            if jobs.count > 1 {
                do {
                    try await write { db in
                        for job in jobs {
                            do { try await job.run(db) } catch { throw OneOfTogetherFailed() }
                        }
                    }
                    for job in jobs { job.finish(nil) }
                    continue
                } catch  where error is OneOfTogetherFailed || Self.isRetryable(error) {
                    // Rolled back (one of them failed, or a deadlock with something outside these writes): each
                    // again on its own, below.
                } catch {
                    for job in jobs { job.finish(error) }
                    continue
                }
            }
            for job in jobs { job.finish(await writeAlone(job.run)) }
        }
    }

    /// One write in a transaction of its own, run again after a deadlock with something outside these writes;
    /// its error, if it fails.
    private func writeAlone(_ run: @Sendable (any SQLDatabase) async throws -> Void) async -> (any Error)? {
        var attempt = 0
        while true {
            attempt += 1
            do {
                try await write(run)
                return nil
            } catch  where attempt < 10 && Self.isRetryable(error) {
                try? await Task.sleep(for: .milliseconds(Int.random(in: 5...20) * attempt))
            } catch {
                return error
            }
        }
    }

    /// `body` in a transaction that holds the writers' lock, on the writers' connection; the audit entries and
    /// change-feed entries its writes append are inserted together at the end (``AppendingDatabase``).
    private func write(_ body: @Sendable (any SQLDatabase) async throws -> Void) async throws {
        try await withConnection(from: writeClient) { connection in
            try await inTransaction(connection.sql(), begin: "BEGIN ISOLATION LEVEL READ COMMITTED") { db in
                try await db.raw("SELECT pg_advisory_xact_lock(\(literal: Self.writeLock))").run()
                let appending = AppendingDatabase(db)
                try await body(appending)
                try await appending.flush(engine: self)
            }
        }
    }

    /// One of the writes committed together failed: all are rolled back, and each runs again alone.
    private struct OneOfTogetherFailed: Error {}

    /// Where writes run (``transaction(_:)``): one event loop per process, which their connections' I/O uses too —
    /// this process's writers take turns anyway (``WriteQueue``).
    static let writeLoop = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    static let writeExecutor = EventLoopExecutor(writeLoop.next())

    /// A session-wide advisory lock held around a READ COMMITTED transaction: a second instance waits for the
    /// first's migrations, then its own statements see them committed and it applies nothing twice.
    public func exclusiveTransaction<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R)
        async throws -> R
    {
        try await holding(Self.migrationLock, begin: "BEGIN", body)
    }

    /// Runs a transaction on one connection while it holds the session-wide advisory lock `key`: taken before
    /// BEGIN (so the transaction's snapshot sees the previous holder's commit), released after COMMIT or ROLLBACK
    /// — and by PostgreSQL itself when the connection ends, so a process killed while holding it blocks no one.
    private func holding<R: Sendable>(
        _ key: Int, begin: String, _ body: @Sendable (any SQLDatabase) async throws -> R
    ) async throws -> R {
        try await withConnection { connection in
            let db = connection.sql()
            try await db.raw("SELECT pg_advisory_lock(\(literal: key))").run()
            do {
                let result = try await inTransaction(db, begin: begin, body)
                try await db.raw("SELECT pg_advisory_unlock(\(literal: key))").run()
                return result
            } catch {
                try? await db.raw("SELECT pg_advisory_unlock(\(literal: key))").run()
                throw error
            }
        }
    }

    /// The advisory locks' keys: "Amtsweg" in a number, so no other application's lock is taken by chance.
    static let migrationLock = 0x416D_7473_7765_67
    static let writeLock = 0x416D_7473_7765_68

    private func withConnection<R: Sendable>(
        from client: PostgresClient? = nil, _ body: (PostgresConnection) async throws -> R
    ) async throws -> R {
        try await (client ?? self.client).withConnection { connection in
            connections.taken()
            defer { connections.released() }
            return try await body(connection)
        }
    }

    public var connectionUse: ConnectionUse {
        ConnectionUse(inUse: connections.current, capacity: maximumConnections + 1)
    }

    /// The SQLSTATE of a server error, if the error is one.
    static func sqlState(_ error: any Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.sqlState]
    }

    static func isRetryable(_ error: any Error) -> Bool {
        ["40001", "40P01"].contains(sqlState(error) ?? "")
    }

    static func describe(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return "\(error)" }
        if let message = error.serverInfo?[.message] { return message }
        return "\(error.code)"
    }

    public func storeError(for error: any Error) -> StoreError {
        if let error = error as? StoreError { return error }
        if let state = Self.sqlState(error) {
            // Class 23: integrity constraint violations (unique, foreign key, not null, check).
            if state.hasPrefix("23") { return .conflict(Self.describe(error)) }
            // Still conflicting after every retry: the person may simply try again.
            if Self.isRetryable(error) {
                return .conflict("Gleichzeitige Änderung durch andere; bitte noch einmal versuchen.")
            }
        }
        return .unavailable("\(location): \(Self.describe(error))")
    }
}
