/// What a person may do in one tenant. A person may hold a role in several tenants (``Membership``).
///
/// Named `AccessRole` because `Role` is the organisation's own role (a group of positions) in the Map phase.
public enum AccessRole: String, Sendable, Codable, CaseIterable, Comparable {
    /// Administration: accounts, roles and tokens, and everything Prozessmanagement may do.
    case administration
    /// Prozessmanagement: models, analyses, event logs (later the roadmap).
    case processManagement = "process-management"
    /// Mitwirkende: change their own unit's tasks, flows and process steps; comment.
    case contributor
    /// Lesende: read only.
    case reader
    /// Personalrat/Datenschutz: read the audit log and the privacy settings; switch person-level analyses.
    case staffCouncil = "staff-council"

    /// The German name shown in the user interface.
    public var label: String {
        switch self {
        case .administration: "Administration"
        case .processManagement: "Prozessmanagement"
        case .contributor: "Mitwirkende"
        case .reader: "Lesende"
        case .staffCouncil: "Personalrat/Datenschutz"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Whether the role grants `permission` — from ``AccessPolicy/table``, the one place that says so.
    public func grants(_ permission: Permission) -> Bool {
        AccessPolicy.table[permission]?.contains(self) ?? false
    }
}
