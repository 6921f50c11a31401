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

    /// Units numbered densely in id order, so that views over many flows can key by integers.
    let unitIDs: [ID<OrgUnit>]
    let unitNumbers: [ID<OrgUnit>: Int]
    /// External parties numbered densely in id order, after the units (number = unit count + offset).
    let externalIDs: [ID<ExternalParty>]
    /// For each flow, in the order of `map.flows`: the number of the unit at each end (positions count for
    /// their unit), or -1 for an external or unknown endpoint.
    let flowEnds: [(from: Int, to: Int)]
    /// For each flow, in the order of `map.flows`: its interface class, `nil` if an endpoint is unknown.
    let flowClasses: [InterfaceClass?]

    public init(_ map: TenantMap) {
        self.map = map
        unitsByID = Dictionary(map.units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        positionsByID = Dictionary(map.positions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        externalsByID = Dictionary(map.externalParties.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        objectsByID = Dictionary(map.informationObjects.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        servicesByID = Dictionary(map.services.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        rolesByID = Dictionary(map.roles.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

        unitIDs = Array(Set(map.units.map(\.id))).sorted()
        let unitNumbers = Dictionary(uniqueKeysWithValues: unitIDs.enumerated().map { ($1, $0) })
        self.unitNumbers = unitNumbers
        externalIDs = Array(Set(map.externalParties.map(\.id))).sorted()
        var unitNumberOfPosition: [ID<Position>: Int] = [:]
        for position in map.positions { unitNumberOfPosition[position.id] = unitNumbers[position.unitID] ?? -1 }
        func number(_ endpoint: FlowEndpoint) -> Int {
            switch endpoint {
            case .unit(let id): unitNumbers[id] ?? -1
            case .position(let id): unitNumberOfPosition[id] ?? -1
            case .external: -1
            }
        }
        let externalKinds = externalsByID.mapValues(\.kind)
        var ends: [(from: Int, to: Int)] = []
        var classes: [InterfaceClass?] = []
        ends.reserveCapacity(map.flows.count)
        classes.reserveCapacity(map.flows.count)
        for flow in map.flows {
            let from = number(flow.from), to = number(flow.to)
            ends.append((from, to))
            classes.append(InterfaceClass(from: from, to: to, flow: flow, externalKinds: externalKinds))
        }
        flowEnds = ends
        flowClasses = classes
    }

    /// The dense number of an endpoint for keying: units first, then external parties; -1 if unknown.
    func endpointNumber(_ endpoint: FlowEndpoint) -> Int {
        switch endpoint {
        case .unit(let id): unitNumbers[id] ?? -1
        case .position(let id): positionsByID[id].flatMap { unitNumbers[$0.unitID] } ?? -1
        case .external(let id):
            externalIDs.binarySearchIndex(of: id).map { unitIDs.count + $0 } ?? -1
        }
    }

    /// The endpoint for a dense number from ``endpointNumber(_:)``.
    func endpoint(number: Int) -> FlowEndpoint {
        number < unitIDs.count ? .unit(unitIDs[number]) : .external(externalIDs[number - unitIDs.count])
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
            if let position = positionsByID[id] {
                "\(position.title) (\(unitName(position.unitID)))"
            } else {
                id.rawValue
            }
        case .external(let id): externalsByID[id]?.name ?? id.rawValue
        }
    }

    public func objectName(_ id: ID<InformationObject>?) -> String? {
        guard let id else { return nil }
        return objectsByID[id]?.name ?? id.rawValue
    }
}

extension Array where Element: Comparable {
    /// The index of `value` in this sorted array, if present.
    func binarySearchIndex(of value: Element) -> Int? {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < count && self[low] == value ? low : nil
    }
}
