import Synchronization

/// How many database connections are in use, and how many the pool allows: for the operator's metrics, where a
/// pool always at its limit explains slow answers.
public struct ConnectionUse: Sendable, Equatable {
    public var inUse: Int
    /// The pool's limit; `nil` for SQLite, which opens connections as operations need them (a server keeps a few
    /// open between operations) and has none.
    public var capacity: Int?

    public init(inUse: Int, capacity: Int?) {
        self.inUse = inUse
        self.capacity = capacity
    }
}

/// Tells how the store's connections are used (``ConnectionUse``).
public protocol StoreConnectionReporting: Sendable {
    var connectionUse: ConnectionUse { get }
}

/// Counts the connections an engine holds at this moment.
final class ConnectionCounter: Sendable {
    private let count = Mutex(0)

    var current: Int { count.withLock { $0 } }

    /// A connection taken; pair with ``released()`` on every path.
    func taken() { count.withLock { $0 += 1 } }

    func released() { count.withLock { $0 -= 1 } }
}
