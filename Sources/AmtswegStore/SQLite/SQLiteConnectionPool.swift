import Foundation
import Synchronization
import SQLiteNIO

/// Connections of one SQLite file kept open between operations, for a server: opening one reads and parses the
/// whole schema and sets the pragmas, which cost as much as the queries of a page's data after a write. A
/// connection goes back only after an operation that ended without an error (its transaction, if any, committed);
/// after an error — a rolled-back transaction too — it is closed. Commands that run once keep none (their last close checkpoints the WAL).
final class SQLiteConnectionPool: Sendable {
    private let capacity: Int
    private let state = Mutex<State>(State())

    private struct State {
        var idle: [SQLiteConnection] = []
        var closed = false
    }

    init(capacity: Int) {
        self.capacity = capacity
        if capacity > 0 {
            Self.all.withLock { pools in
                pools.removeAll { $0.pool == nil }
                pools.append(Weak(self))
            }
        }
    }

    /// An idle connection, if one is kept.
    func take() -> SQLiteConnection? {
        state.withLock { $0.idle.popLast() }
    }

    /// Keeps `connection` for the next operation; false when the pool is full or closed (the caller closes it).
    func giveBack(_ connection: SQLiteConnection) -> Bool {
        state.withLock { state in
            guard !state.closed, state.idle.count < capacity else { return false }
            state.idle.append(connection)
            return true
        }
    }

    /// Closes the idle connections and keeps none from now on.
    func close() async {
        let idle = state.withLock { state in
            state.closed = true
            defer { state.idle = [] }
            return state.idle
        }
        for connection in idle { try? await connection.close() }
    }

    deinit {
        // SQLiteNIO requires every connection closed before it goes; the future keeps each alive until then.
        for connection in state.withLock({ $0.idle }) { _ = connection.close() }
    }

    // MARK: - All pools of the process, for the end of `amtsweg serve`

    private struct Weak: @unchecked Sendable {
        weak var pool: SQLiteConnectionPool?
        init(_ pool: SQLiteConnectionPool) { self.pool = pool }
    }

    private static let all = Mutex<[Weak]>([])

    /// Closes the kept connections of every pool, so the last close of each file checkpoints its WAL and a
    /// stopped server leaves one database file.
    static func closeAll() async {
        let pools = all.withLock { pools in
            defer { pools = [] }
            return pools.compactMap(\.pool)
        }
        for pool in pools { await pool.close() }
    }
}
