@testable import AmtswegServer
import AmtswegSupport
import Synchronization
import Testing

/// The turns the server hands out to reads (``AdmissionMiddleware``): never more at once than there are, first
/// come first served, and a cancelled waiter leaves the line without taking one.
struct TurnsTests {
    /// A value the tasks of a test change together.
    final class Shared<Value: Sendable>: Sendable {
        private let value: Mutex<Value>
        init(_ value: Value) { self.value = Mutex(value) }
        func withLock<R: Sendable>(_ body: (inout sending Value) -> sending R) -> R { value.withLock(body) }
    }

    /// Waits until `count` wait in line (each task joins it at its own pace).
    static func untilWaiting(_ turns: Turns, _ count: Int) async throws {
        for _ in 0..<10_000 where turns.waiting < count { try await Task.sleep(for: .milliseconds(1)) }
        try #require(turns.waiting == count)
    }

    @Test func waitersGetTheirTurnInTheOrderTheyCame() async throws {
        let turns = Turns(1)
        try await turns.take()
        let order = Shared<[Int]>([])
        try await withThrowingTaskGroup(of: Void.self) { group in
            for number in 0..<5 {
                group.addTask {
                    try await turns.take()
                    order.withLock { $0.append(number) }
                    turns.give()
                }
                try await Self.untilWaiting(turns, number + 1)
            }
            turns.give()
            try await group.waitForAll()
        }
        #expect(order.withLock { $0 } == [0, 1, 2, 3, 4])
        #expect(turns.waiting == 0)
    }

    @Test func neverMoreAtOnceThanThereAreTurns() async throws {
        let turns = Turns(3)
        let counts = Shared((now: 0, most: 0, done: 0))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<200 {
                group.addTask {
                    try await turns.take()
                    counts.withLock {
                        $0.now += 1; $0.most = max($0.most, $0.now)
                    }
                    try await Task.sleep(for: .microseconds(200))
                    counts.withLock {
                        $0.now -= 1; $0.done += 1
                    }
                    turns.give()
                }
            }
            try await group.waitForAll()
        }
        #expect(counts.withLock { $0.most } == 3)
        #expect(counts.withLock { $0.done } == 200)
        // All three are free again: three taken at once without waiting.
        for _ in 0..<3 { try await turns.take() }
        #expect(turns.waiting == 0)
    }

    @Test func aCancelledWaiterLeavesTheLineWithoutATurn() async throws {
        let turns = Turns(1)
        try await turns.take()
        let cancelled = Task { try await turns.take() }
        try await Self.untilWaiting(turns, 1)
        let next = Task { try await turns.take() }
        try await Self.untilWaiting(turns, 2)
        cancelled.cancel()
        await #expect(throws: CancellationError.self) { try await cancelled.value }
        #expect(turns.waiting == 1)
        // The turn given back goes to the one still waiting, not to the one that left.
        turns.give()
        try await next.value
        #expect(turns.waiting == 0)
        // A task cancelled before it asks does not wait and takes no turn.
        let early = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            try await turns.take()
        }
        await #expect(throws: CancellationError.self) { try await early.value }
        turns.give()
        try await turns.take()
    }
}

/// Which requests wait for a turn (``AdmissionMiddleware``).
struct AdmissionTests {
    @Test func readsWaitWritesAndOperationsDoNot() {
        #expect(AdmissionMiddleware.waitsForTurn(.get, path: Paths.processes))
        #expect(AdmissionMiddleware.waitsForTurn(.head, path: Paths.roadmap))
        #expect(!AdmissionMiddleware.waitsForTurn(.post, path: Paths.processes))
        #expect(!AdmissionMiddleware.waitsForTurn(.put, path: "/api/v1/roadmap/vision"))
        for path in Paths.operations { #expect(!AdmissionMiddleware.waitsForTurn(.get, path: path)) }
    }
}
