/// Where an initiative stands. A rejected one keeps its reason (``Initiative/rejectionReason``).
public enum InitiativeStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case idea, planned, inProgress, done, rejected

    public var label: String {
        switch self {
        case .idea: "Idee"
        case .planned: "geplant"
        case .inProgress: "in Arbeit"
        case .done: "erledigt"
        case .rejected: "verworfen"
        }
    }

    /// Whether the initiative still needs time and people: the scheduler places only these.
    public var isOpen: Bool { self == .idea || self == .planned || self == .inProgress }
}
