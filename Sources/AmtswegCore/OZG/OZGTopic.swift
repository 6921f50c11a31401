/// A Themenfeld of the OZG catalogue ("Familie & Kind", "Bauen & Wohnen"): the top of its three levels.
public struct OZGTopic: Hashable, Sendable, Codable {
    public var id: Int
    public var name: String

    public init(id: Int, name: String) {
        self.id = id
        self.name = name
    }
}
