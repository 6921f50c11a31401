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
            var a: Int, b: Int  // endpoint numbers (MapIndex.endpointNumber), a ≤ b
        }
        struct Totals {
            var count = 0, volume = 0
            var channels: UInt16 = 0, media: UInt16 = 0  // bit sets over the enums' case indices

            mutating func add(_ flow: InformationFlow) {
                count += 1
                volume += flow.frequencyPerYear
                channels |= 1 << flow.channel.caseIndex
                media |= 1 << flow.medium.caseIndex
            }
        }
        var totals: [Key: Totals] = [:]
        var unitsOfService: [ID<Service>: Set<ID<OrgUnit>>] = [:]
        var handoffsOfService: [ID<Service>: Int] = [:]
        for (offset, flow) in index.map.flows.enumerated() {
            guard let interfaceClass = index.flowClasses[offset] else { continue }
            let ends = index.flowEnds[offset]
            // Interfaces are between units (or a unit and an external party): positions count for their unit.
            let a = ends.from >= 0 ? ends.from : index.endpointNumber(flow.from)
            let b = ends.to >= 0 ? ends.to : index.endpointNumber(flow.to)
            totals[Key(interfaceClass: interfaceClass, a: min(a, b), b: max(a, b)), default: Totals()].add(flow)
            if let service = flow.serviceID {
                for unit in [ends.from, ends.to] where unit >= 0 {
                    unitsOfService[service, default: []].insert(index.unitIDs[unit])
                }
                if interfaceClass == .betweenUnits { handoffsOfService[service, default: 0] += 1 }
            }
        }
        func members<E: CaseIterable>(_ bits: UInt16, of type: E.Type) -> [E] {
            type.allCases.enumerated().filter { bits & (1 << $0.offset) != 0 }.map(\.element)
        }
        let interfaces = totals.map { key, value in
            Interface(
                interfaceClass: key.interfaceClass, sideA: index.name(of: index.endpoint(number: key.a)),
                sideB: index.name(of: index.endpoint(number: key.b)),
                flowCount: value.count, volumePerYear: value.volume,
                channels: members(value.channels, of: Channel.self),
                media: members(value.media, of: Medium.self))
        }.sorted {
            ($0.interfaceClass, $1.volumePerYear, $0.sideA, $0.sideB) < (
                $1.interfaceClass, $0.volumePerYear, $1.sideA, $1.sideB
            )
        }
        self.interfaces = interfaces
        summary = InterfaceClass.allCases.map { interfaceClass in
            let members = interfaces.filter { $0.interfaceClass == interfaceClass }
            return ClassSummary(
                interfaceClass: interfaceClass, label: interfaceClass.label, interfaceCount: members.count,
                flowCount: members.reduce(0) { $0 + $1.flowCount },
                volumePerYear: members.reduce(0) { $0 + $1.volumePerYear })
        }
        services = index.map.services.compactMap { service in
            guard let units = unitsOfService[service.id] else { return nil }
            var touched = units
            touched.insert(service.unitID)
            return ServiceSpread(
                serviceID: service.id, serviceName: service.name,
                units: touched.map { UnitRef($0, in: index) }.sorted(),
                crossUnitHandoffs: handoffsOfService[service.id] ?? 0)
        }.sorted {
            ($1.units.count, $1.crossUnitHandoffs, $0.serviceID) < ($0.units.count, $0.crossUnitHandoffs, $1.serviceID)
        }
    }
}
