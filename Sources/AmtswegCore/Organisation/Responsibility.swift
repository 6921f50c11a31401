/// One letter of a RACI assignment on a task.
public struct Responsibility: Hashable, Sendable, Codable, Comparable {
    /// Responsible, Accountable, Consulted, Informed.
    public enum Kind: String, CaseIterable, Sendable, Codable, Comparable {
        case responsible = "R", accountable = "A", consulted = "C", informed = "I"

        public var label: String {
            switch self {
            case .responsible: "Durchführung (R)"
            case .accountable: "Verantwortung (A)"
            case .consulted: "Mitwirkung (C)"
            case .informed: "Information (I)"
            }
        }

        public static func < (lhs: Self, rhs: Self) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// Who carries the responsibility: a position or a role.
    public enum Assignee: Hashable, Sendable, Comparable, PrefixedReferenceCodable {
        case position(ID<Position>)
        case role(ID<Role>)

        public var description: String {
            switch self {
            case .position(let id): "position:\(id)"
            case .role(let id): "role:\(id)"
            }
        }

        public init?(reference: String) {
            guard let (kind, id) = PrefixedReference.split(reference) else { return nil }
            switch kind {
            case "position": self = .position(ID(id))
            case "role": self = .role(ID(id))
            default: return nil
            }
        }

        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.description < rhs.description }
    }

    public var dutyID: ID<Duty>
    public var assignee: Assignee
    public var kind: Kind

    public init(dutyID: ID<Duty>, assignee: Assignee, kind: Kind) {
        self.dutyID = dutyID
        self.assignee = assignee
        self.kind = kind
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.dutyID, lhs.kind, lhs.assignee) < (rhs.dutyID, rhs.kind, rhs.assignee)
    }
}
