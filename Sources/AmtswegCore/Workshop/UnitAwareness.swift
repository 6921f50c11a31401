/// A workshop answer to question 7: the staff of `unitID` know what `knownUnitID` does.
public struct UnitAwareness: Hashable, Sendable, Codable, Comparable {
    public var unitID: ID<OrgUnit>
    public var knownUnitID: ID<OrgUnit>

    public init(unitID: ID<OrgUnit>, knownUnitID: ID<OrgUnit>) {
        self.unitID = unitID
        self.knownUnitID = knownUnitID
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.unitID, lhs.knownUnitID) < (rhs.unitID, rhs.knownUnitID)
    }
}
