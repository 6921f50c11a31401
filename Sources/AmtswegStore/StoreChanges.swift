/// How many writes of each kind the store has committed: what a server instance compares to know that what it
/// keeps in memory is still what the store holds.
public struct StoreChanges: Hashable, Sendable {
    /// What a write changes, as far as a server's memory is concerned. A tenant's data is split into a few areas
    /// so that a write in one (a vote, the roadmap's vision) does not throw away what was computed from the others
    /// (the processes read and parsed, their pages).
    public enum Kind: String, CaseIterable, Sendable {
        /// The organisation map and the processes with their versions and review states: what a snapshot holds.
        case model
        /// The roadmap (vision, goals, fields of action, initiatives, weights, capacities) and its measurements.
        case roadmap
        /// Comments, improvement proposals and votes.
        case discussion
        /// The rest of a tenant's data: event logs, workshops, OZG, FIM, settings of steps and figures.
        case data
        /// Accounts, memberships, sessions and tokens (kept sign-ins).
        case accounts

        /// Every area of a tenant's data: what a write changes unless it says otherwise.
        public static let tenantData: Set<Kind> = [.model, .roadmap, .discussion, .data]
    }

    public var counters: [Kind: Int]

    public init(_ counters: [Kind: Int]) { self.counters = counters }

    public subscript(_ kind: Kind) -> Int { counters[kind, default: 0] }

    /// The kinds whose counter differs between the two readings.
    public func kinds(changedSince earlier: StoreChanges) -> Set<Kind> {
        Set(Kind.allCases.filter { self[$0] != earlier[$0] })
    }
}

/// Reads the counters of committed writes.
public protocol StoreChangeCounting: Sendable {
    func changes() async throws -> StoreChanges
}
