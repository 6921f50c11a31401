/// A piece of information that flows between parties: an Antrag, a Bescheid, an Akte, a Stellungnahme …
public struct InformationObject: Hashable, Sendable, Codable, MapEntity {
    public var id: ID<InformationObject>
    public var name: String

    public init(id: ID<InformationObject>, name: String) {
        self.id = id
        self.name = name
    }
}
