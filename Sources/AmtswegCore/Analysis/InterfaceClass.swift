/// The four kinds of interface a flow can cross (questions 3 and 4).
public enum InterfaceClass: String, CaseIterable, Sendable, Codable, Comparable {
    case withinUnit, betweenUnits, otherAuthority, citizensAndBusinesses

    public var label: String {
        switch self {
        case .withinUnit: "innerhalb einer Einheit"
        case .betweenUnits: "zwischen Einheiten im Haus"
        case .otherAuthority: "zu anderen Behörden"
        case .citizensAndBusinesses: "zu Bürgern und Unternehmen"
        }
    }

    public var isExternal: Bool { self == .otherAuthority || self == .citizensAndBusinesses }

    /// Classifies a flow; `nil` when an endpoint is unknown to the map.
    public init?(_ flow: InformationFlow, in index: MapIndex) {
        self.init(
            from: index.endpointNumber(flow.from), to: index.endpointNumber(flow.to), flow: flow,
            externalKinds: index.externalsByID.mapValues(\.kind))
    }

    /// Classifies a flow whose endpoints' unit numbers are resolved (-1: external or unknown).
    init?(from: Int, to: Int, flow: InformationFlow, externalKinds: [ID<ExternalParty>: ExternalParty.Kind]) {
        func externalKind(_ endpoint: FlowEndpoint) -> ExternalParty.Kind? {
            guard case .external(let id) = endpoint else { return nil }
            return externalKinds[id]
        }
        if let kind = externalKind(flow.from) ?? externalKind(flow.to) {
            self = kind == .authority ? .otherAuthority : .citizensAndBusinesses
            return
        }
        guard from >= 0, to >= 0 else { return nil }
        self = from == to ? .withinUnit : .betweenUnits
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
