import Foundation

/// How far a long computation has come: steps done out of a total, readable from any thread while it runs.
///
/// The computation sets the total once it knows it and counts steps as it finishes them; a page or an API call
/// reads ``fraction`` at any time. (A lock rather than `Synchronization.Atomic`, which needs macOS 15; a step is
/// a whole activity or variant, so the lock is taken rarely.)
public final class WorkProgress: @unchecked Sendable {
    private var doneSteps = 0
    private var totalSteps = 0
    private let lock = NSLock()

    public init() {}

    /// Sets how many steps the work has (a discovery's activities, an alignment's variants).
    public func expect(_ total: Int) { lock.withLock { totalSteps = max(total, 0) } }

    /// Counts `steps` more as done.
    public func advance(by steps: Int = 1) { lock.withLock { doneSteps += steps } }

    public var done: Int { lock.withLock { doneSteps } }
    public var total: Int { lock.withLock { totalSteps } }

    /// The share done, 0 to 1; 0 while the total is unknown. Never 1 before the work says it is finished: a
    /// step count can reach the total before the result is put together.
    public var fraction: Double {
        let (done, total) = lock.withLock { (doneSteps, totalSteps) }
        guard total > 0 else { return 0 }
        return min(Double(done) / Double(total), 0.99)
    }
}
