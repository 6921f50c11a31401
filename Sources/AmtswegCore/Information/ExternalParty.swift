/// Someone outside the administration that information flows to or from.
public struct ExternalParty: Hashable, Sendable, Codable, MapEntity {
    public enum Kind: String, CaseIterable, Sendable, Codable {
        case citizen, business, authority

        public var label: String {
            switch self {
            case .citizen: "Bürgerinnen und Bürger"
            case .business: "Unternehmen"
            case .authority: "andere Behörde"
            }
        }
    }

    public var id: ID<ExternalParty>
    /// "Bürgerinnen und Bürger", "Landratsamt", "Finanzamt" …
    public var name: String
    public var kind: Kind

    public init(id: ID<ExternalParty>, name: String, kind: Kind) {
        self.id = id
        self.name = name
        self.kind = kind
    }
}
