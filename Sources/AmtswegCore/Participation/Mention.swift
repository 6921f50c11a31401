/// Whom a comment names so that they see it on their "Für mich" page: a unit (everyone working in it) or a
/// person (by account). Chosen in the form, not guessed from "@" in the text.
public enum Mention: Hashable, Sendable, PrefixedReferenceCodable {
    case unit(ID<OrgUnit>)
    case person(ID<Account>)

    public init?(reference: String) {
        guard let (kind, id) = PrefixedReference.split(reference) else { return nil }
        switch kind {
        case "unit": self = .unit(ID(id))
        case "person": self = .person(ID(id))
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .unit(let id): "unit:\(id)"
        case .person(let id): "person:\(id)"
        }
    }
}
