import AmtswegCore
import AmtswegDemo
import Testing

/// Each indicator of the roadmap equals the figure the existing analysis shows for the same data — the
/// Ist-Analyse views, the process and service figures, the problem spots — recomputed here from those views or
/// from the raw data, not through the evaluator.
@Suite struct IndicatorTests {
    static let map = Musterstadt.map()
    static let processes = Musterstadt.processes().map { $0.processModel(laneName: map.name(of:)) }
    static let evaluator = IndicatorEvaluator(map: map, processes: processes)

    static func value(_ indicator: Indicator) throws -> Double { try #require(evaluator.value(of: indicator)) }

    @Test func digitalEntryShareIsTheEntryPointsView() throws {
        // From the raw entry points: volume on digital channels over all volume.
        let total = Self.map.entryPoints.reduce(0) { $0 + $1.volumePerYear }
        let digital = Self.map.entryPoints.filter {
            [.email, .onlinePortal, .specialistSoftware, .eFile].contains($0.channel)
        }.reduce(0) { $0 + $1.volumePerYear }
        #expect(abs(try Self.value(Indicator(.digitalEntryShare)) - Double(digital) / Double(total) * 100) < 1e-9)
        let view = IstAnalysis(Self.map).entryPoints.view
        #expect(abs(try Self.value(Indicator(.digitalEntryShare)) - view.digitalShare * 100) < 1e-9)
        // One unit: the Bürgerbüro's own entry points.
        let mine = Self.map.entryPoints.filter { $0.unitID == "33" }
        let share =
            Double(mine.filter { $0.channel.isDigital }.reduce(0) { $0 + $1.volumePerYear })
            / Double(mine.reduce(0) { $0 + $1.volumePerYear }) * 100
        #expect(abs(try Self.value(Indicator(.digitalEntryShare, scope: .unit("33"))) - share) < 1e-9)
    }

    @Test func raciAndTransparencyAreTheIstAnalysisViews() throws {
        let analysis = IstAnalysis(Self.map)
        #expect(
            abs(try Self.value(Indicator(.raciCompleteness)) - analysis.responsibilities.view.completeShare * 100)
                < 1e-9)
        #expect(
            abs(try Self.value(Indicator(.taskTransparency)) - analysis.taskTransparency.view.averageCoverage * 100)
                < 1e-9)
        // A unit's RACI share from the raw responsibilities: tasks with one Accountable and a Responsible.
        let tasks = Self.map.duties.filter { $0.unitID == "63" }
        let complete = tasks.filter { task in
            let entries = Self.map.responsibilities.filter { $0.dutyID == task.id }
            return entries.filter { $0.kind == .accountable }.count == 1 && entries.contains { $0.kind == .responsible }
        }
        #expect(
            abs(
                try Self.value(Indicator(.raciCompleteness, scope: .unit("63"))) - Double(complete.count)
                    / Double(tasks.count) * 100)
                < 1e-9)
    }

    @Test func processIndicatorsAreTheProcessAndServiceFigures() throws {
        let current = Self.processes.filter { $0.state == .ist }
        let figures = ProcessFigures.all(Self.processes, map: Self.map)
        func figuresOf(_ id: ID<ProcessModel>) -> ProcessFigures { figures.first { $0.processID == id }! }
        // Hand-offs per request: each service's per-case hand-offs weighted by its cases (the service page).
        var weighted = 0.0
        var cases = 0.0
        for service in Self.map.services {
            guard current.contains(where: { $0.serviceID == service.id }), let volume = service.casesPerYear else {
                continue
            }
            let perCase = ServiceFigures(service: service, processes: Self.processes, map: Self.map).perCase.handoffs
            weighted += perCase * Double(volume)
            cases += Double(volume)
        }
        #expect(abs(try Self.value(Indicator(.handoffsPerRequest)) - weighted / cases) < 1e-9)
        #expect(
            try Self.value(Indicator(.handoffsPerRequest, scope: .process("baugenehmigung-ist")))
                == figuresOf("baugenehmigung-ist").allPaths.handoffs)
        #expect(
            try Self.value(Indicator(.desksPerService, scope: .process("baugenehmigung-ist")))
                == Double(figuresOf("baugenehmigung-ist").allPaths.desks))
        let breaks = current.map { figuresOf($0.id).allPaths.mediaBreaks }.reduce(0, +)
        #expect(abs(try Self.value(Indicator(.mediaBreaks)) - breaks) < 1e-9)
        let hours = current.compactMap { figuresOf($0.id).staffHoursPerYear }.reduce(0, +)
        #expect(abs(try Self.value(Indicator(.staffHoursPerYear)) - hours) < 1e-6)
        #expect(hours > 0, "the demo has case volumes")
    }

    @Test func openProblemSpotsCountTheProblemList() throws {
        let spots = ProblemFinder(map: Self.map).findAll(in: Self.processes)
        #expect(try Self.value(Indicator(.openProblemSpots)) == Double(spots.count))
        let breaks = spots.filter { spot in
            spot.rule == .mediaBreak
                && spot.links.contains { $0.processID == "gewerbe-anmeldung-ist" || $0.id == "gewerbe-anmeldung-ist" }
        }
        #expect(
            try Self.value(Indicator(.openProblemSpots, scope: .process("gewerbe-anmeldung-ist"), rule: .mediaBreak))
                == Double(breaks.count))
        #expect(breaks.count > 0)
    }

    @Test func logIndicatorsComeFromTheLogFiguresAndNeedAProcess() throws {
        let evaluator = IndicatorEvaluator(
            map: Self.map, processes: Self.processes,
            logFigures: ["gewerbe-anmeldung-ist": .init(medianLeadTimeDays: 6.5, fitness: 0.875)])
        let process = IndicatorScope.process("gewerbe-anmeldung-ist")
        #expect(evaluator.value(of: Indicator(.leadTimeMedian, scope: process)) == 6.5)
        #expect(evaluator.value(of: Indicator(.conformanceFitness, scope: process)) == 87.5)
        #expect(evaluator.value(of: Indicator(.leadTimeMedian)) == nil, "a lead time belongs to a process")
        #expect(evaluator.value(of: Indicator(.maturityShare, level: 2)) == nil, "no maturity data yet")
    }

    @Test func indicatorKeysRoundTrip() {
        let indicators = [
            Indicator(.openProblemSpots, scope: .process("bau ist"), rule: .mediaBreak),
            Indicator(.raciCompleteness, scope: .unit("63")), Indicator(.maturityShare, level: 2),
            Indicator(.handoffsPerRequest, scope: .service("gewerbe-anmeldung")),
        ]
        for indicator in indicators { #expect(Indicator(key: indicator.key) == indicator) }
    }
}
