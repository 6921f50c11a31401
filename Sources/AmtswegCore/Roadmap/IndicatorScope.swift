/// What part of the municipality an indicator is measured on: the whole tenant, one unit, one service or one
/// process.
public enum IndicatorScope: Hashable, Sendable, Codable {
    case tenant
    case unit(ID<OrgUnit>)
    case service(ID<Service>)
    case process(ID<ProcessModel>)

    /// "unit:ordnungsamt", "tenant" — the form the store, forms and the API use.
    public var key: String {
        switch self {
        case .tenant: "tenant"
        case .unit(let id): "unit:" + id.rawValue
        case .service(let id): "service:" + id.rawValue
        case .process(let id): "process:" + id.rawValue
        }
    }

    public init?(key: String) {
        if key == "tenant" || key.isEmpty {
            self = .tenant
            return
        }
        guard let colon = key.firstIndex(of: ":") else { return nil }
        let id = String(key[key.index(after: colon)...])
        guard !id.isEmpty else { return nil }
        switch key[..<colon] {
        case "unit": self = .unit(ID(id))
        case "service": self = .service(ID(id))
        case "process": self = .process(ID(id))
        default: return nil
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let scope = IndicatorScope(key: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' ist kein Bezug")
        }
        self = scope
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(key)
    }
}
