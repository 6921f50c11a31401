/// How many person-days a unit can give to roadmap initiatives per quarter, beside its daily work; single
/// quarters may differ (holidays, a vacancy).
public struct UnitCapacity: Hashable, Sendable, Codable {
    public var unitID: ID<OrgUnit>
    public var personDaysPerQuarter: Double
    public var exceptions: [Quarter: Double]

    public init(unitID: ID<OrgUnit>, personDaysPerQuarter: Double, exceptions: [Quarter: Double] = [:]) {
        self.unitID = unitID
        self.personDaysPerQuarter = personDaysPerQuarter
        self.exceptions = exceptions
    }

    public func personDays(in quarter: Quarter) -> Double { exceptions[quarter] ?? personDaysPerQuarter }
}

extension UnitCapacity {
    enum CodingKeys: String, CodingKey { case unitID, personDaysPerQuarter, exceptions }

    /// `exceptions` may be left out.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            unitID: try c.decode(ID<OrgUnit>.self, forKey: .unitID),
            personDaysPerQuarter: try c.decode(Double.self, forKey: .personDaysPerQuarter),
            exceptions: try c.decodeIfPresent([Quarter: Double].self, forKey: .exceptions) ?? [:])
    }
}
