/// A service (Leistung) that citizens or businesses receive, identified across Germany by its LeiKa key.
public struct Service: Hashable, Sendable, Codable, MapEntity {
    public var id: ID<Service>
    public var name: String
    public var leikaKey: LeiKaKey
    /// The unit responsible for delivering the service.
    public var unitID: ID<OrgUnit>

    public init(id: ID<Service>, name: String, leikaKey: LeiKaKey, unitID: ID<OrgUnit>) {
        self.id = id
        self.name = name
        self.leikaKey = leikaKey
        self.unitID = unitID
    }
}
