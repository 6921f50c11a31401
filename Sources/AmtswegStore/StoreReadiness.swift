/// Whether the store can serve: reachable, and its schema the one this Amtsweg version writes.
public enum StoreReadiness: Sendable, Equatable {
    case ready
    /// Why not, in words for an operator's log (not for the public answer).
    case notReady(String)
}

/// Answers `/ready`: a server whose store is gone or was migrated by a newer version must leave the load
/// balancer's rotation.
public protocol StoreReadinessChecking: Sendable {
    func readiness() async -> StoreReadiness
}
