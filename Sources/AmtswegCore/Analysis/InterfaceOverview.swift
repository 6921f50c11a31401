/// Questions 3 and 4: the interfaces that information flows cross, inside the house and to the outside,
/// and for each service how many units its handling touches.
public struct InterfaceOverview: Hashable, Sendable, Codable {
    /// One interface: two parties (units or external parties) and what passes between them, both directions.
    public struct Interface: Hashable, Sendable, Codable {
        public var interfaceClass: InterfaceClass
        public var sideA: String
        public var sideB: String
        public var flowCount: Int
        public var volumePerYear: Int
        public var channels: [Channel]
        public var media: [Medium]
    }

    public struct ClassSummary: Hashable, Sendable, Codable {
        public var interfaceClass: InterfaceClass
        public var label: String
        public var interfaceCount: Int
        public var flowCount: Int
        public var volumePerYear: Int
    }

    /// How far a service's handling spreads through the house.
    public struct ServiceSpread: Hashable, Sendable, Codable {
        public var serviceID: ID<Service>
        public var serviceName: String
        public var units: [UnitRef]
        /// Flows of the service that cross from one unit to another.
        public var crossUnitHandoffs: Int
    }

    public static let title = "Schnittstellen"
    public static let explanation =
        "Die Übersicht zeigt, wo Informationsflüsse Grenzen überschreiten – innerhalb einer Einheit, zwischen Einheiten, zu anderen Behörden und zu Bürgern und Unternehmen – und wie viele Einheiten jede Leistung berührt."

    public var summary: [ClassSummary]
    /// Interfaces ordered by class, then volume (largest first).
    public var interfaces: [Interface]
    /// Services ordered by the number of units they touch (most first).
    public var services: [ServiceSpread]

    public init(_ index: MapIndex) {
        struct Key: Hashable {
            var interfaceClass: InterfaceClass
            var a: String, b: String
        }
        struct Totals {
            var count = 0, volume = 0
            var channels = Set<Channel>(), media = Set<Medium>()
        }
        var totals: [Key: Totals] = [:]
        var unitsOfService: [ID<Service>: Set<ID<OrgUnit>>] = [:]
        var handoffsOfService: [ID<Service>: Int] = [:]
        for flow in index.map.flows {
            guard let interfaceClass = InterfaceClass(flow, in: index) else { continue }
            // Interfaces are between units (or a unit and an external party): positions count for their unit.
            let a = index.unit(of: flow.from).map { FlowEndpoint.unit($0) } ?? flow.from
            let b = index.unit(of: flow.to).map { FlowEndpoint.unit($0) } ?? flow.to
            let (first, second) = a <= b ? (a, b) : (b, a)
            let key = Key(interfaceClass: interfaceClass, a: index.name(of: first), b: index.name(of: second))
            totals[key, default: Totals()].count += 1
            totals[key, default: Totals()].volume += flow.frequencyPerYear
            totals[key, default: Totals()].channels.insert(flow.channel)
            totals[key, default: Totals()].media.insert(flow.medium)
            if let service = flow.serviceID {
                for unit in [index.unit(of: flow.from), index.unit(of: flow.to)].compactMap({ $0 }) {
                    unitsOfService[service, default: []].insert(unit)
                }
                if interfaceClass == .betweenUnits { handoffsOfService[service, default: 0] += 1 }
            }
        }
        let interfaces = totals.map { key, value in
            Interface(interfaceClass: key.interfaceClass, sideA: key.a, sideB: key.b, flowCount: value.count,
                      volumePerYear: value.volume, channels: value.channels.sorted(), media: value.media.sorted())
        }.sorted { ($0.interfaceClass, $1.volumePerYear, $0.sideA, $0.sideB) < ($1.interfaceClass, $0.volumePerYear, $1.sideA, $1.sideB) }
        self.interfaces = interfaces
        summary = InterfaceClass.allCases.map { interfaceClass in
            let members = interfaces.filter { $0.interfaceClass == interfaceClass }
            return ClassSummary(interfaceClass: interfaceClass, label: interfaceClass.label, interfaceCount: members.count,
                                flowCount: members.reduce(0) { $0 + $1.flowCount },
                                volumePerYear: members.reduce(0) { $0 + $1.volumePerYear })
        }
        services = index.map.services.compactMap { service in
            guard let units = unitsOfService[service.id] else { return nil }
            var touched = units
            touched.insert(service.unitID)
            return ServiceSpread(serviceID: service.id, serviceName: service.name,
                                 units: touched.map { UnitRef($0, in: index) }.sorted(),
                                 crossUnitHandoffs: handoffsOfService[service.id] ?? 0)
        }.sorted { ($1.units.count, $1.crossUnitHandoffs, $0.serviceID) < ($0.units.count, $0.crossUnitHandoffs, $1.serviceID) }
    }
}
