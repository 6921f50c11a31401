/// A role groups positions that do the same kind of work across units, e.g. "Sachbearbeitung Meldewesen".
public struct Role: Hashable, Sendable, Codable, MapEntity {
    public var id: ID<Role>
    public var name: String
    public var positionIDs: [ID<Position>]

    public init(id: ID<Role>, name: String, positionIDs: [ID<Position>] = []) {
        self.id = id
        self.name = name
        self.positionIDs = positionIDs
    }
}
