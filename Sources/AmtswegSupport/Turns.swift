import Synchronization

/// A fixed number of turns handed out first come, first served: ``take()`` returns at once while one is free and
/// no one waits, and otherwise waits in line; ``give()`` hands the turn to the one waiting longest. A waiter
/// whose task is cancelled leaves the line (``take()`` throws `CancellationError`) without taking a turn.
public final class Turns: Sendable {
    /// One waiter, changed only under the lock of ``state``.
    private final class Waiter: @unchecked Sendable {
        enum Stage {
            case arriving, waiting(CheckedContinuation<Void, any Error>), served, cancelled
        }
        var stage = Stage.arriving
    }

    private struct State {
        var free: Int
        /// The line, taken from the front at `head` without moving the rest each time.
        var line: [Waiter] = []
        var head = 0
    }

    private let state: Mutex<State>
    /// How many turns there are.
    public let count: Int

    public init(_ count: Int) {
        precondition(count > 0, "at least one turn")
        self.count = count
        state = Mutex(State(free: count))
    }

    /// How many wait in line now.
    public var waiting: Int {
        state.withLock { state in
            state.line[state.head...].count { if case .cancelled = $0.stage { false } else { true } }
        }
    }

    /// Takes a turn, waiting in line until one is free.
    public func take() async throws {
        let waiter: Waiter? = state.withLock { state in
            if state.free > 0 {
                state.free -= 1
                return nil
            }
            let waiter = Waiter()
            state.line.append(waiter)
            return waiter
        }
        guard let waiter else { return }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let outcome: Result<Void, any Error>? = state.withLock { _ in
                    switch waiter.stage {
                    case .arriving:
                        waiter.stage = .waiting(continuation)
                        return nil
                    case .served: return .success(())
                    case .cancelled, .waiting: return .failure(CancellationError())
                    }
                }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            let continuation: CheckedContinuation<Void, any Error>? = state.withLock { _ in
                switch waiter.stage {
                case .arriving:
                    waiter.stage = .cancelled
                    return nil
                case .waiting(let continuation):
                    waiter.stage = .cancelled
                    return continuation
                case .served, .cancelled: return nil
                }
            }
            continuation?.resume(throwing: CancellationError())
        }
    }

    /// Gives a turn back: to the one waiting longest, or free again.
    public func give() {
        let next: CheckedContinuation<Void, any Error>? = state.withLock { state in
            while state.head < state.line.count {
                let waiter = state.line[state.head]
                state.head += 1
                if state.head >= 64, state.head * 2 >= state.line.count {
                    state.line.removeFirst(state.head)
                    state.head = 0
                }
                switch waiter.stage {
                case .arriving:
                    // Served before it began to wait: it finds its turn when it does.
                    waiter.stage = .served
                    return nil
                case .waiting(let continuation):
                    waiter.stage = .served
                    return continuation
                case .served, .cancelled: continue
                }
            }
            state.free += 1
            return nil
        }
        next?.resume()
    }
}
