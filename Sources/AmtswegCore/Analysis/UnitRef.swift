/// A unit as the views show it: id and name.
public struct UnitRef: Hashable, Sendable, Codable, Comparable {
    public var id: ID<OrgUnit>
    public var name: String

    public init(id: ID<OrgUnit>, name: String) {
        self.id = id
        self.name = name
    }

    init(_ id: ID<OrgUnit>, in index: MapIndex) {
        self.init(id: id, name: index.unitName(id))
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.id < rhs.id }
}
