import SQLKit
import Synchronization

/// This process's writes waiting for their turn on PostgreSQL (``PostgresEngine/transaction(_:)``), first come,
/// first served, without a connection or a thread while they wait. Whoever finds no one draining the queue starts
/// to; the drainer takes the writes that wait together (up to a limit) and runs them in one transaction — group
/// commit: under the cluster benchmark's load thirty writes waited at a time, and each paid for its own BEGIN, lock
/// and COMMIT (with its flush of the write-ahead log) while every other writer of every instance waited.
final class WriteQueue: Sendable {
    /// One queued write: its work inside the transaction, and how its caller learns the outcome (`nil`: committed).
    struct Job: Sendable {
        var run: @Sendable (any SQLDatabase) async throws -> Void
        var finish: @Sendable ((any Error)?) -> Void
    }

    private let state = Mutex<(jobs: [Job], draining: Bool)>(([], false))

    /// Queues `job`; `true` when no one drains the queue and the caller must start to.
    func add(_ job: Job) -> Bool {
        state.withLock { state in
            state.jobs.append(job)
            if state.draining { return false }
            state.draining = true
            return true
        }
    }

    /// The next writes to run, oldest first, at most `limit`; `nil` when none wait — the drainer stops then, and
    /// the next write added starts a new one.
    func next(limit: Int) -> [Job]? {
        state.withLock { state in
            guard !state.jobs.isEmpty else {
                state.draining = false
                return nil
            }
            let taken = Array(state.jobs.prefix(limit))
            state.jobs.removeFirst(taken.count)
            return taken
        }
    }

    /// Where a queued write leaves what its work returned, for its caller to take once it is committed.
    final class Slot<Value: Sendable>: Sendable {
        private let value = Mutex<Value?>(nil)

        func set(_ newValue: Value) { value.withLock { $0 = newValue } }

        /// The value set last; only asked for after the write committed, which its work set it before.
        func take() -> Value {
            value.withLock { value in
                guard let value else { preconditionFailure("a committed write without its result") }
                return value
            }
        }
    }
}
