/// Lookups over a map, built once per analysis so that views over hundreds of thousands of flows
/// stay linear.
public struct MapIndex: Sendable {
    public let map: TenantMap
    public let unitsByID: [ID<OrgUnit>: OrgUnit]
    public let positionsByID: [ID<Position>: Position]
    public let externalsByID: [ID<ExternalParty>: ExternalParty]
    public let objectsByID: [ID<InformationObject>: InformationObject]
    public let servicesByID: [ID<Service>: Service]
    public let rolesByID: [ID<Role>: Role]

    public init(_ map: TenantMap) {
        self.map = map
        unitsByID = Dictionary(map.units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        positionsByID = Dictionary(map.positions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        externalsByID = Dictionary(map.externalParties.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        objectsByID = Dictionary(map.informationObjects.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        servicesByID = Dictionary(map.services.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        rolesByID = Dictionary(map.roles.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The org unit an endpoint belongs to: the unit itself, or the unit of a position; `nil` for externals.
    public func unit(of endpoint: FlowEndpoint) -> ID<OrgUnit>? {
        switch endpoint {
        case .unit(let id): id
        case .position(let id): positionsByID[id]?.unitID
        case .external: nil
        }
    }

    public func unitName(_ id: ID<OrgUnit>) -> String { unitsByID[id]?.name ?? id.rawValue }

    /// A readable name for an endpoint: "Ordnungsamt", "Sachbearbeitung Gewerbe (Ordnungsamt)", "Finanzamt".
    public func name(of endpoint: FlowEndpoint) -> String {
        switch endpoint {
        case .unit(let id): unitName(id)
        case .position(let id):
            if let position = positionsByID[id] { "\(position.title) (\(unitName(position.unitID)))" } else { id.rawValue }
        case .external(let id): externalsByID[id]?.name ?? id.rawValue
        }
    }

    public func objectName(_ id: ID<InformationObject>?) -> String? {
        guard let id else { return nil }
        return objectsByID[id]?.name ?? id.rawValue
    }
}
