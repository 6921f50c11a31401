/// A legal basis (Rechtsgrundlage) of a step: law, paragraph and where to read it.
public struct LegalBasis: Hashable, Sendable, Codable, MapEntity {
    public var id: ID<LegalBasis>
    /// The law's short name, e.g. "GewO", "BauO NRW", "BMG".
    public var law: String
    /// The provision, e.g. "§ 14".
    public var paragraph: String
    /// A link to the text, e.g. on gesetze-im-internet.de.
    public var url: String?

    public init(id: ID<LegalBasis>, law: String, paragraph: String, url: String? = nil) {
        self.id = id
        self.law = law
        self.paragraph = paragraph
        self.url = url
    }

    /// "§ 14 GewO".
    public var citation: String { paragraph.isEmpty ? law : "\(paragraph) \(law)" }
}
