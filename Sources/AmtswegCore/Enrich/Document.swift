/// A document or form used in steps: an application form, a template for a notice, a checklist.
public struct Document: Hashable, Sendable, Codable, MapEntity {
    public enum Kind: String, CaseIterable, Sendable, Codable {
        case form, template, checklist, other

        public var label: String {
            switch self {
            case .form: "Formular"
            case .template: "Vorlage"
            case .checklist: "Checkliste"
            case .other: "Dokument"
            }
        }
    }

    public var id: ID<Document>
    public var name: String
    public var kind: Kind
    /// The information object the document carries, if any.
    public var informationObjectID: ID<InformationObject>?

    public init(
        id: ID<Document>, name: String, kind: Kind = .other, informationObjectID: ID<InformationObject>? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.informationObjectID = informationObjectID
    }
}
