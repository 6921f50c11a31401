/// A service (Leistung) that citizens or businesses receive, identified across Germany by its LeiKa key.
public struct Service: Hashable, Sendable, Codable, MapEntity {
    public var id: ID<Service>
    public var name: String
    public var leikaKey: LeiKaKey
    /// The unit responsible for delivering the service.
    public var unitID: ID<OrgUnit>
    /// Cases per year (Fallzahl), the volume that turns minutes per case into staff time.
    public var casesPerYear: Int?

    public init(id: ID<Service>, name: String, leikaKey: LeiKaKey, unitID: ID<OrgUnit>, casesPerYear: Int? = nil) {
        self.id = id
        self.name = name
        self.leikaKey = leikaKey
        self.unitID = unitID
        self.casesPerYear = casesPerYear
    }
}
