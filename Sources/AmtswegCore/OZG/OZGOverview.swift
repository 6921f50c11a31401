/// The OZG state of a tenant's services: where each sits in the catalogue, its newest maturity assessment, the
/// groups by Themenfeld and Lage, which OZG-Leistungen are online, and what is missing (services without an
/// assessment, keys not in the catalogue). Everything the OZG dashboard and the maturity indicator show.
public struct OZGOverview: Sendable {
    /// One service of the tenant.
    public struct Row: Hashable, Sendable {
        public var service: Service
        /// `nil` when the service's LeiKa key is not in the catalogue (or no catalogue is imported).
        public var placement: OZGIndex.Placement?
        /// The newest assessment, `nil` when the service was never assessed.
        public var assessment: MaturityAssessment?
        public var model: MaturityModel?
        public var currentLevel: Int?
        public var targetLevel: Int? { assessment?.targetLevel }

        /// Whether the service reaches its model's online level.
        public var isOnline: Bool {
            guard let currentLevel, let model else { return false }
            return currentLevel >= model.onlineFrom
        }
    }

    /// The services of one Themenfeld or Lage (or of none, for services outside the catalogue).
    public struct Group: Hashable, Sendable {
        public var id: Int?
        public var name: String
        public var serviceIDs: [ID<Service>]
        public var assessed: Int
        public var online: Int
        /// Mean current and target level over the assessed services.
        public var currentMean: Double?
        public var targetMean: Double?
    }

    /// An OZG-Leistung the tenant delivers through at least one of its services.
    public struct OZGServiceState: Hashable, Sendable {
        public var service: OZGService
        public var situation: OZGSituation?
        public var topic: OZGTopic?
        public var tenantServiceIDs: [ID<Service>]
        /// The highest current level among them.
        public var bestLevel: Int?
        /// Online when at least one of its services reaches the online level.
        public var isOnline: Bool
    }

    /// Source and date of the catalogue the placements come from; `nil` when none is imported.
    public let catalogueSnapshot: OZGCatalogue.Snapshot?
    public let rows: [Row]
    public let topics: [Group]
    public let situations: [Group]
    public let ozgServices: [OZGServiceState]

    public init(
        map: TenantMap, catalogue: OZGCatalogue?, models: [MaturityModel], assessments: [MaturityAssessment]
    ) {
        let index = catalogue.map(OZGIndex.init)
        catalogueSnapshot = catalogue?.snapshot
        let modelsByVersion = Dictionary(models.map { ($0.version, $0) }, uniquingKeysWith: { first, _ in first })
        var newest: [ID<Service>: MaturityAssessment] = [:]
        // Oldest first: a later assessment of the same day replaces an earlier one.
        for assessment in assessments {
            if let current = newest[assessment.serviceID], current.assessedOn > assessment.assessedOn { continue }
            newest[assessment.serviceID] = assessment
        }
        rows = map.services.sorted { $0.name < $1.name }.map { service in
            let assessment = newest[service.id]
            let model = assessment.flatMap { modelsByVersion[$0.modelVersion] }
            return Row(
                service: service, placement: index?.placement(of: service.leikaKey), assessment: assessment,
                model: model, currentLevel: model.flatMap { assessment?.currentLevel(in: $0) })
        }
        topics = Self.groups(rows) { ($0.placement?.topic?.id, $0.placement?.topic?.name) }
        situations = Self.groups(rows) { ($0.placement?.situation?.id, $0.placement?.situation?.name) }
        var byOZG: [Int: [Row]] = [:]
        for row in rows {
            if let id = row.placement?.service?.id { byOZG[id, default: []].append(row) }
        }
        ozgServices = byOZG.compactMap { id, rows -> OZGServiceState? in
            guard let placement = rows.first?.placement, let service = placement.service else { return nil }
            return OZGServiceState(
                service: service, situation: placement.situation, topic: placement.topic,
                tenantServiceIDs: rows.map(\.service.id), bestLevel: rows.compactMap(\.currentLevel).max(),
                isOnline: rows.contains(where: \.isOnline))
        }.sorted { $0.service.name < $1.service.name }
    }

    /// Services never assessed.
    public var unassessed: [Service] { rows.filter { $0.assessment == nil }.map(\.service) }

    /// Services whose LeiKa key the catalogue does not hold.
    public var notInCatalogue: [Service] { rows.filter { $0.placement == nil }.map(\.service) }

    /// Share of `services` (all when `nil`) whose current level is at least `level`, in percent; services not
    /// assessed count as not reaching it. `nil` when none of them is assessed.
    public func share(atLeast level: Int, of services: Set<ID<Service>>? = nil) -> Double? {
        let scoped = rows.filter { services?.contains($0.service.id) ?? true }
        guard !scoped.isEmpty, scoped.contains(where: { $0.currentLevel != nil }) else { return nil }
        let reaching = scoped.filter { ($0.currentLevel ?? -1) >= level }.count
        return Double(reaching) * 100 / Double(scoped.count)
    }

    private static func groups(_ rows: [Row], key: (Row) -> (Int?, String?)) -> [Group] {
        var order: [Int?] = []
        var members: [Int?: (name: String, rows: [Row])] = [:]
        for row in rows {
            let (id, name) = key(row)
            if members[id] == nil {
                order.append(id)
                members[id] = (name ?? "Ohne Zuordnung im OZG-Katalog", [])
            }
            members[id]!.rows.append(row)
        }
        return order.map { id in
            let (name, rows) = members[id]!
            let assessed = rows.filter { $0.currentLevel != nil }
            func mean(_ values: [Int]) -> Double? {
                values.isEmpty ? nil : Double(values.reduce(0, +)) / Double(values.count)
            }
            return Group(
                id: id, name: name, serviceIDs: rows.map(\.service.id), assessed: assessed.count,
                online: rows.filter(\.isOnline).count, currentMean: mean(assessed.compactMap(\.currentLevel)),
                targetMean: mean(assessed.compactMap(\.targetLevel)))
        }.sorted { ($0.id == nil ? 1 : 0, $0.name) < ($1.id == nil ? 1 : 0, $1.name) }
    }
}
