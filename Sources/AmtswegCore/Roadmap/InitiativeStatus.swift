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

    public var englishLabel: String {
        switch self {
        case .idea: "idea"
        case .planned: "planned"
        case .inProgress: "in progress"
        case .done: "done"
        case .rejected: "rejected"
        }
    }

    /// Whether the initiative still needs time and people: the scheduler places only these.
    public var isOpen: Bool { self == .idea || self == .planned || self == .inProgress }
}
