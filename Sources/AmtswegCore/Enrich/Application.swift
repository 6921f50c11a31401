/// A specialist application (Fachverfahren) used in steps: a registry system, an e-file, a payment system.
public struct Application: Hashable, Sendable, Codable, MapEntity {
    public var id: ID<Application>
    public var name: String
    public var vendor: String?
    /// The XÖV/FIM standards it speaks, as their names ("XMeld", "XBau", "XGewerbeanzeige").
    public var standards: [String]
    /// The units that use it.
    public var unitIDs: [ID<OrgUnit>]

    public init(
        id: ID<Application>, name: String, vendor: String? = nil, standards: [String] = [],
        unitIDs: [ID<OrgUnit>] = []
    ) {
        self.id = id
        self.name = name
        self.vendor = vendor
        self.standards = standards
        self.unitIDs = unitIDs
    }
}
