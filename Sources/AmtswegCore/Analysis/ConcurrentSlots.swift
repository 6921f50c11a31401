import Foundation

/// Results of work run with `DispatchQueue.concurrentPerform`, one slot per iteration.
///
/// Each slot is written by exactly one iteration and read after `concurrentPerform` returns; the lock makes
/// that hand-over visible across threads. Callers combine slots in index order, so results do not depend on
/// the number of cores or on scheduling.
final class ConcurrentSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ value: Value, at index: Int) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    func value(at index: Int) -> Value {
        lock.lock()
        defer { lock.unlock() }
        return slots[index]!
    }

    /// Runs `work` for each index concurrently and returns the results in index order.
    static func perform(_ count: Int, _ work: @Sendable (Int) -> Value) -> [Value] {
        let slots = ConcurrentSlots<Value>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { slots.store(work($0), at: $0) }
        return (0..<count).map(slots.value(at:))
    }
}
