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
        func externalKind(_ endpoint: FlowEndpoint) -> ExternalParty.Kind? {
            guard case .external(let id) = endpoint else { return nil }
            return index.externalsByID[id]?.kind
        }
        if let kind = externalKind(flow.from) ?? externalKind(flow.to) {
            self = kind == .authority ? .otherAuthority : .citizensAndBusinesses
            return
        }
        guard let from = index.unit(of: flow.from), let to = index.unit(of: flow.to) else { return nil }
        self = from == to ? .withinUnit : .betweenUnits
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
