/// A position (Stelle) in a unit: the place where work is done, whoever holds it.
public struct Position: Hashable, Sendable, Codable, MapEntity {
    public var id: ID<Position>
    public var title: String
    public var unitID: ID<OrgUnit>
    /// Full-time equivalents of the position (0 < fte ≤ 10; a pooled position may exceed 1).
    public var fte: Double
    /// Pay grade as written in the Stellenplan, e.g. "EG 9c" or "A 11".
    public var payGrade: String?

    public init(id: ID<Position>, title: String, unitID: ID<OrgUnit>, fte: Double = 1, payGrade: String? = nil) {
        self.id = id
        self.title = title
        self.unitID = unitID
        self.fte = fte
        self.payGrade = payGrade
    }
}
