/// Computes indicator values from the data: the map, the process models and, for log-based indicators, figures
/// the mining layer measured (this target knows no event logs). Every value is the figure the corresponding
/// analysis shows — the Ist-Analyse, the process and service figures, the problem spots, the log statistics.
public struct IndicatorEvaluator: Sendable {
    /// What an event log says about the process it belongs to.
    public struct LogFigures: Hashable, Sendable, Codable {
        /// Median case duration in calendar days.
        public var medianLeadTimeDays: Double?
        /// Alignment fitness, 0…1.
        public var fitness: Double?

        public init(medianLeadTimeDays: Double?, fitness: Double?) {
            self.medianLeadTimeDays = medianLeadTimeDays
            self.fitness = fitness
        }
    }

    let map: TenantMap
    let index: MapIndex
    let current: [ProcessModel]
    let processFigures: [ID<ProcessModel>: ProcessFigures]
    let serviceFigures: [ID<Service>: ServiceFigures]
    let spots: [ProblemSpot]
    let logFigures: [ID<ProcessModel>: LogFigures]
    let maturity: OZGOverview?

    /// `spots`: the problem spots of `processes` when the caller has them found already (the server keeps them
    /// per snapshot); found here otherwise.
    public init(
        map: TenantMap, processes: [ProcessModel], logFigures: [ID<ProcessModel>: LogFigures] = [:],
        maturity: OZGOverview? = nil, spots: [ProblemSpot]? = nil
    ) {
        self.map = map
        index = MapIndex(map)
        current = processes.filter { $0.state == .ist }
        processFigures = Dictionary(
            ProcessFigures.all(processes, map: map).map { ($0.processID, $0) }, uniquingKeysWith: { first, _ in first })
        serviceFigures = Dictionary(
            map.services.filter { service in processes.contains { $0.serviceID == service.id && $0.state == .ist } }
                .map { ($0.id, ServiceFigures(service: $0, processes: processes, map: map)) },
            uniquingKeysWith: { first, _ in first })
        self.spots = spots ?? ProblemFinder(map: map).findAll(in: processes)
        self.logFigures = logFigures
        self.maturity = maturity
    }

    /// The indicator's value now, in the unit of its kind (shares in percent); `nil` where the data to compute it
    /// is missing (no case volumes, no event log, no maturity assessment) or the scope does not apply.
    public func value(of indicator: Indicator) -> Double? {
        guard indicator.kind.allows(indicator.scope) else { return nil }
        switch indicator.kind {
        case .handoffsPerRequest: return handoffsPerRequest(indicator.scope)
        case .desksPerService: return desks(indicator.scope)
        case .mediaBreaks: return perCaseSum(indicator.scope, \.mediaBreaks)
        case .staffHoursPerYear: return staffHours(indicator.scope)
        case .digitalEntryShare: return digitalShare(indicator.scope)
        case .raciCompleteness: return raciShare(indicator.scope)
        case .taskTransparency: return transparency(indicator.scope)
        case .openProblemSpots: return Double(openSpots(rule: indicator.rule, scope: indicator.scope))
        case .leadTimeMedian:
            guard case .process(let id) = indicator.scope else { return nil }
            return logFigures[id]?.medianLeadTimeDays
        case .conformanceFitness:
            guard case .process(let id) = indicator.scope else { return nil }
            return logFigures[id]?.fitness.map { $0 * 100 }
        case .maturityShare: return maturityShare(atLeast: indicator.level ?? 0, indicator.scope)
        }
    }

    // MARK: - Maturity

    private func maturityShare(atLeast level: Int, _ scope: IndicatorScope) -> Double? {
        guard let maturity else { return nil }
        switch scope {
        case .tenant: return maturity.share(atLeast: level)
        case .unit(let id):
            return maturity.share(atLeast: level, of: Set(map.services.filter { $0.unitID == id }.map(\.id)))
        case .service(let id): return maturity.share(atLeast: level, of: [id])
        case .process: return nil
        }
    }

    // MARK: - Process models

    private func handoffsPerRequest(_ scope: IndicatorScope) -> Double? {
        switch scope {
        case .process(let id): return processFigures[id]?.allPaths.handoffs
        case .service(let id): return serviceFigures[id]?.perCase.handoffs
        case .tenant:
            var weighted = 0.0
            var cases = 0.0
            for figures in serviceFigures.values {
                guard let volume = figures.casesPerYear, volume > 0 else { continue }
                weighted += figures.perCase.handoffs * Double(volume)
                cases += Double(volume)
            }
            return cases > 0 ? weighted / cases : nil
        case .unit: return nil
        }
    }

    private func desks(_ scope: IndicatorScope) -> Double? {
        switch scope {
        case .process(let id): return processFigures[id].map { Double($0.allPaths.desks) }
        case .service(let id): return serviceFigures[id].map { Double($0.perCase.desks) }
        case .tenant:
            guard !serviceFigures.isEmpty else { return nil }
            return serviceFigures.values.reduce(0.0) { $0 + Double($1.perCase.desks) } / Double(serviceFigures.count)
        case .unit: return nil
        }
    }

    private func perCaseSum(_ scope: IndicatorScope, _ figure: KeyPath<PathFigures, Double>) -> Double? {
        switch scope {
        case .process(let id): return processFigures[id]?.allPaths[keyPath: figure]
        case .service(let id):
            let ofService = current.filter { $0.serviceID == id }
            guard !ofService.isEmpty else { return nil }
            return ofService.compactMap { processFigures[$0.id]?.allPaths[keyPath: figure] }.reduce(0, +)
        case .tenant: return current.compactMap { processFigures[$0.id]?.allPaths[keyPath: figure] }.reduce(0, +)
        case .unit: return nil
        }
    }

    private func staffHours(_ scope: IndicatorScope) -> Double? {
        switch scope {
        case .process(let id): return processFigures[id]?.staffHoursPerYear
        case .service(let id): return serviceFigures[id]?.staffHoursPerYear
        case .tenant:
            let hours = current.compactMap { processFigures[$0.id]?.staffHoursPerYear }
            return hours.isEmpty ? nil : hours.reduce(0, +)
        case .unit(let unit):
            let loads = current.compactMap { processFigures[$0.id] }.flatMap(\.loadByUnit)
                .filter { $0.subject == .unit(unit) }
            return loads.reduce(0) { $0 + $1.hoursPerYear }
        }
    }

    private func openSpots(rule: ProblemRule?, scope: IndicatorScope) -> Int {
        spots.filter { spot in
            guard rule == nil || spot.rule == rule else { return false }
            switch scope {
            case .tenant: return true
            case .process(let id):
                return spot.links.contains {
                    ($0.kind == .process && $0.id == id.rawValue) || $0.processID == id.rawValue
                }
            case .service(let id): return spot.links.contains { $0.kind == .service && $0.id == id.rawValue }
            case .unit(let id): return spot.links.contains { $0.kind == .unit && $0.id == id.rawValue }
            }
        }.count
    }

    // MARK: - Map

    private func digitalShare(_ scope: IndicatorScope) -> Double? {
        let entries = map.entryPoints.filter { entry in
            if case .unit(let unit) = scope { return entry.unitID == unit }
            return true
        }
        let total = entries.reduce(0) { $0 + $1.volumePerYear }
        guard total > 0 else { return nil }
        return Double(entries.filter(\.channel.isDigital).reduce(0) { $0 + $1.volumePerYear }) / Double(total) * 100
    }

    private func raciShare(_ scope: IndicatorScope) -> Double? {
        let raci = RACICompleteness(index)
        guard case .unit(let unit) = scope else { return raci.completeShare * 100 }
        let tasks = map.duties.filter { $0.unitID == unit }.count
        guard tasks > 0 else { return nil }
        let gaps = raci.taskGaps.filter { $0.unit.id == unit }.count
        return Double(tasks - gaps) / Double(tasks) * 100
    }

    private func transparency(_ scope: IndicatorScope) -> Double? {
        let transparency = TaskTransparency(index)
        guard case .unit(let unit) = scope else {
            return transparency.respondingUnits > 0 ? transparency.averageCoverage * 100 : nil
        }
        return transparency.units.first { $0.unit.id == unit }.map { $0.coverage * 100 }
    }
}
