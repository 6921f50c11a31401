/// One end of an information flow: an org unit, a position, or an external party.
public enum FlowEndpoint: Hashable, Sendable, Comparable, PrefixedReferenceCodable {
    case unit(ID<OrgUnit>)
    case position(ID<Position>)
    case external(ID<ExternalParty>)

    /// "unit:32", "position:32-1", "external:buerger".
    public var description: String {
        switch self {
        case .unit(let id): "unit:\(id)"
        case .position(let id): "position:\(id)"
        case .external(let id): "external:\(id)"
        }
    }

    public init?(reference: String) {
        guard let (kind, id) = PrefixedReference.split(reference) else { return nil }
        switch kind {
        case "unit": self = .unit(ID(id))
        case "position": self = .position(ID(id))
        case "external": self = .external(ID(id))
        default: return nil
        }
    }

    public var isExternal: Bool {
        if case .external = self { return true }
        return false
    }

    /// Orders as the textual form does ("external:" < "position:" < "unit:", then by id) without building strings.
    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.rank, lhs.rawID) < (rhs.rank, rhs.rawID) }

    private var rank: Int {
        switch self {
        case .external: 0
        case .position: 1
        case .unit: 2
        }
    }

    private var rawID: String {
        switch self {
        case .unit(let id): id.rawValue
        case .position(let id): id.rawValue
        case .external(let id): id.rawValue
        }
    }
}
