/// The key figures of a service across the processes that deliver it.
///
/// A service may be delivered by several current (Ist) processes — at the counter and online, say. Without
/// better knowledge each is taken to handle an equal share of the service's cases: per-case figures are the
/// average over the processes, yearly figures their sum at that share. Soll processes are left out.
public struct ServiceFigures: Hashable, Sendable, Codable {
    public var serviceID: ID<Service>
    public var serviceName: String
    public var casesPerYear: Int?
    /// Figures of each Ist process, at its share of the cases.
    public var processes: [ProcessFigures]
    /// Per-case figures averaged over the processes (desks and units: the largest).
    public var perCase: PathFigures
    public var staffHoursPerYear: Double?
    public var ftePerYear: Double?
    public var staffCostPerYear: Double?

    public init(service: Service, processes: [ProcessModel], map: TenantMap) {
        let organisation = OrganisationLookup(map)
        let current = processes.filter { $0.serviceID == service.id && $0.state == .ist }.sorted { $0.id < $1.id }
        serviceID = service.id
        serviceName = service.name
        casesPerYear = service.casesPerYear
        let share = current.isEmpty ? 0 : 1 / Double(current.count)
        let cases = service.casesPerYear.map { Int((Double($0) * share).rounded()) }
        self.processes = current.map {
            ProcessFigures(process: $0, organisation: organisation, settings: map.settings, casesPerYear: cases)
        }
        let paths = self.processes.map(\.allPaths)
        func mean(_ value: KeyPath<PathFigures, Double>) -> Double {
            paths.reduce(0) { $0 + $1[keyPath: value] } * share
        }
        perCase = PathFigures(
            stepExecutions: mean(\.stepExecutions), desks: paths.map(\.desks).max() ?? 0,
            units: paths.map(\.units).max() ?? 0, handoffs: mean(\.handoffs), unitCrossings: mean(\.unitCrossings),
            loopBacks: mean(\.loopBacks), mediaBreaks: mean(\.mediaBreaks), paperToDigital: mean(\.paperToDigital),
            digitalToPaper: mean(\.digitalToPaper), specialistSoftwareShare: mean(\.specialistSoftwareShare),
            handlingMinutes: mean(\.handlingMinutes), waitingMinutes: mean(\.waitingMinutes),
            leadTimeMinutes: mean(\.leadTimeMinutes), waitingShare: mean(\.waitingShare),
            staffCostPerCase: mean(\.staffCostPerCase))
        if cases != nil, !current.isEmpty {
            staffHoursPerYear = self.processes.compactMap(\.staffHoursPerYear).reduce(0, +)
            ftePerYear = self.processes.compactMap(\.ftePerYear).reduce(0, +)
            staffCostPerYear = self.processes.compactMap(\.staffCostPerYear).reduce(0, +)
        }
    }
}
