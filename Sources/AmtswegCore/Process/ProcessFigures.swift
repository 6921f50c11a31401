import AmtswegSupport
/// The key figures of one process (Prozesskennzahlen), on all paths weighted by branch shares and on the
/// main path, with the staff time the process binds in a year.
public struct ProcessFigures: Hashable, Sendable, Codable {
    public var processID: ID<ProcessModel>
    public var processName: String
    /// All paths, each weighted by its share of cases.
    public var allPaths: PathFigures
    /// Only the most likely path (see `ProcessGraph.mainPath`).
    public var mainPath: PathFigures
    /// Cases per year of the process's service, if known.
    public var casesPerYear: Int?
    /// casesPerYear × handling minutes per case ÷ 60.
    public var staffHoursPerYear: Double?
    /// staffHoursPerYear ÷ the tenant's net annual working hours (Vollzeitäquivalente).
    public var ftePerYear: Double?
    /// casesPerYear × staff cost per case.
    public var staffCostPerYear: Double?
    /// Staff time per year by position and by unit (empty without a case volume).
    public var loadByPosition: [WorkLoad]
    public var loadByUnit: [WorkLoad]
    /// Steps no one is assigned to, directly or through their lane: their time is in the totals but not in
    /// the loads, and they count for no desk.
    public var stepsWithoutPerformer: [String]

    /// Computes the figures of a process.
    public init(
        process: ProcessModel, organisation: OrganisationLookup, settings: ProcessSettings = .standard,
        casesPerYear: Int? = nil
    ) {
        let graph = ProcessGraph(process)
        processID = process.id
        processName = process.name
        let visits = graph.visits()
        allPaths = PathFigures(graph: graph, visits: visits, lookup: organisation, settings: settings)
        let main = graph.mainPath()
        mainPath = PathFigures(graph: main, visits: main.visits(), lookup: organisation, settings: settings)
        self.casesPerYear = casesPerYear
        stepsWithoutPerformer = process.steps.filter { process.performer(of: $0) == nil }.map(\.id)
        loadByPosition = []
        loadByUnit = []
        guard let casesPerYear else { return }
        let cases = Double(casesPerYear)
        staffHoursPerYear = cases * allPaths.handlingMinutes / 60
        ftePerYear = staffHoursPerYear! / settings.netAnnualWorkingHours
        staffCostPerYear = cases * allPaths.staffCostPerCase

        var positionHours: [ID<Position>: Double] = [:], unitHours: [ID<OrgUnit>: Double] = [:]
        for (index, node) in graph.nodes.enumerated() {
            guard let performer = process.performer(of: node), let minutes = node.step?.handlingMinutes else {
                continue
            }
            let hours = cases * visits[index] * minutes / 60
            for (position, share) in organisation.positionShares(of: performer) {
                positionHours[position, default: 0] += hours * share
            }
            for (unit, share) in organisation.unitShares(of: performer) { unitHours[unit, default: 0] += hours * share }
        }
        loadByPosition = positionHours.sorted { $0.key < $1.key }.map {
            WorkLoad(subject: .position($0.key), hoursPerYear: $0.value, settings: settings)
        }
        loadByUnit = unitHours.sorted { $0.key < $1.key }.map {
            WorkLoad(subject: .unit($0.key), hoursPerYear: $0.value, settings: settings)
        }
    }
}

extension ProcessFigures {
    /// The figures of many processes, computed on all cores; each with its service's case volume.
    public static func all(_ processes: [ProcessModel], map: TenantMap) -> [ProcessFigures] {
        let organisation = OrganisationLookup(map)
        let cases = Dictionary(map.services.map { ($0.id, $0.casesPerYear) }, uniquingKeysWith: { a, _ in a })
        let settings = map.settings
        return ConcurrentSlots<[ProcessFigures]>.map(processes) { process in
            ProcessFigures(
                process: process, organisation: organisation, settings: settings,
                casesPerYear: process.serviceID.flatMap { cases[$0] ?? nil })
        }
    }
}

/// Staff time a process binds at one position or unit in a year.
public struct WorkLoad: Hashable, Sendable, Codable {
    public var subject: Performer
    public var hoursPerYear: Double
    /// hoursPerYear ÷ net annual working hours.
    public var fte: Double

    public init(subject: Performer, hoursPerYear: Double, settings: ProcessSettings) {
        self.subject = subject
        self.hoursPerYear = hoursPerYear
        fte = hoursPerYear / settings.netAnnualWorkingHours
    }
}
