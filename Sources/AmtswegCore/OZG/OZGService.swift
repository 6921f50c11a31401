/// An OZG-Leistung ("Elterngeld"): the bundle of LeiKa services the Onlinezugangsgesetz counts as one, in one
/// Lage. It counts as online when one of its services reaches the maturity model's online level.
public struct OZGService: Hashable, Sendable, Codable {
    /// The OZG-ID (10000, 10001, …).
    public var id: Int
    public var name: String
    public var situationID: Int

    public init(id: Int, name: String, situationID: Int) {
        self.id = id
        self.name = name
        self.situationID = situationID
    }
}
