/// Where an improvement proposal stands. The proposer sees it at every step; a rejected one says why.
public enum ProposalStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case new, inReview, accepted, rejected, withdrawn

    public var label: String {
        switch self {
        case .new: "neu"
        case .inReview: "in Prüfung"
        case .accepted: "angenommen"
        case .rejected: "abgelehnt"
        case .withdrawn: "zurückgezogen"
        }
    }

    /// Whether it still waits for a decision: only then can people vote on it and its proposer withdraw it.
    public var isOpen: Bool { self == .new || self == .inReview }
}
