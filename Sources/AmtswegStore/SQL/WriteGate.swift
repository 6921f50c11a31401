import Synchronization

/// Lets one write transaction at a time into the database from this process.
///
/// SQLite allows a single writer. Without this gate, waiting writers spin in SQLiteNIO's busy handler on
/// the shared I/O thread pool and can starve the writer that holds the lock of threads: a deadlock.
/// Queued writers here wait without blocking a thread or holding a connection. First come, first served.
/// (PostgreSQL's writers queue in a ``WriteQueue``, which also commits those that wait together at once.)
actor WriteGate {
    /// One gate per database file, shared by every engine value that opens it.
    private static let registry = Mutex<[String: WriteGate]>([:])

    static func shared(for path: String) -> WriteGate {
        registry.withLock { gates in
            if let gate = gates[path] { return gate }
            let gate = WriteGate()
            gates[path] = gate
            return gate
        }
    }

    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func enter() async {
        if !busy {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }

    /// Runs `body` while holding the gate.
    func withGate<R: Sendable>(_ body: () async throws -> R) async throws -> R {
        await enter()
        do {
            let result = try await body()
            leave()
            return result
        } catch {
            leave()
            throw error
        }
    }
}
