/// How many writes of each kind the store has committed: what a server instance compares to know that what it
/// keeps in memory is still what the store holds.
public struct StoreChanges: Hashable, Sendable {
    /// What a write changes, as far as a server's memory is concerned.
    public enum Kind: String, CaseIterable, Sendable {
        /// A tenant's data: the map, processes, roadmap, comments, logs … (kept snapshots and pages).
        case data
        /// Accounts, memberships, sessions and tokens (kept sign-ins).
        case accounts
    }

    public var data: Int
    public var accounts: Int

    public init(data: Int, accounts: Int) {
        self.data = data
        self.accounts = accounts
    }
}

/// Reads the counters of committed writes.
public protocol StoreChangeCounting: Sendable {
    func changes() async throws -> StoreChanges
}
