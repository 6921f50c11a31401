import Foundation

/// Results of work run with `DispatchQueue.concurrentPerform`, one slot per iteration.
///
/// Each slot is written by exactly one iteration and read after `concurrentPerform` returns; the lock makes
/// that hand-over visible across threads. Callers combine slots in index order, so results do not depend on
/// the number of cores or on scheduling.
public final class ConcurrentSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    public init(count: Int) { slots = Array(repeating: nil, count: count) }

    public func store(_ value: Value, at index: Int) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    public func value(at index: Int) -> Value {
        lock.lock()
        defer { lock.unlock() }
        return slots[index]!
    }

    /// Runs `work` for each index concurrently (one after another where ``Parallelism`` says one thread) and
    /// returns the results in index order.
    public static func perform(_ count: Int, _ work: @Sendable (Int) -> Value) -> [Value] {
        if Parallelism.isSingleThreaded { return (0..<count).map(work) }
        let slots = ConcurrentSlots<Value>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { slots.store(work($0), at: $0) }
        return (0..<count).map(slots.value(at:))
    }

    /// Transforms every item, spreading the items over the cores in contiguous chunks; results keep the
    /// items' order.
    public static func map<Item: Sendable, Element>(
        _ items: [Item], _ transform: @Sendable (Item) -> Element
    ) -> [Element] where Value == [Element] {
        let chunkCount = min(items.count, Parallelism.threads * 4)
        guard chunkCount > 1 else { return items.map(transform) }
        let chunkSize = (items.count + chunkCount - 1) / chunkCount
        return perform(chunkCount) { chunk in
            items[min(chunk * chunkSize, items.count)..<min((chunk + 1) * chunkSize, items.count)].map(transform)
        }.flatMap { $0 }
    }
}
