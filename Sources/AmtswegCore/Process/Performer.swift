/// Who does a step or stands behind a lane: a position, a role, or (when nothing finer is known) a unit.
public enum Performer: Hashable, Sendable, Comparable, PrefixedReferenceCodable {
    case position(ID<Position>)
    case role(ID<Role>)
    case unit(ID<OrgUnit>)

    public var description: String {
        switch self {
        case .position(let id): "position:\(id)"
        case .role(let id): "role:\(id)"
        case .unit(let id): "unit:\(id)"
        }
    }

    public init?(reference: String) {
        guard let (kind, id) = PrefixedReference.split(reference) else { return nil }
        switch kind {
        case "position": self = .position(ID(id))
        case "role": self = .role(ID(id))
        case "unit": self = .unit(ID(id))
        default: return nil
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.description < rhs.description }
}
