/// A Lebens- or Unternehmenslage of the OZG catalogue ("Geburt", "Unternehmensgründung"): the situation in
/// which people need a bundle of services; each belongs to one Themenfeld.
public struct OZGSituation: Hashable, Sendable, Codable {
    public var id: Int
    public var name: String
    public var topicID: Int

    public init(id: Int, name: String, topicID: Int) {
        self.id = id
        self.name = name
        self.topicID = topicID
    }
}
