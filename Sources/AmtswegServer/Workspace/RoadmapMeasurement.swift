public import AmtswegCore
import AmtswegStore
import Foundation
import MinedProcesses
import NIOPosix
import ProcessMining

/// Records a measurement point (Messpunkt): every goal's indicator computed from the current data. The button on
/// the roadmap page and `amtsweg measure` both run this, so both record the same values.
public enum RoadmapMeasurement {
    /// What a run recorded; `recorded` is false when the day was already measured and `force` was not given.
    public struct Outcome: Sendable {
        public var recorded: Bool
        public var day: Day
        public var values: [IndicatorMeasurement]
        /// Goals whose indicator had no value (no case volumes, no event log, no maturity data yet).
        public var missing: [String]
    }

    public static func run(
        workspace: Workspace, tenant: ID<Tenant>, day: Day, force: Bool, by author: Author
    ) async throws -> Outcome {
        let store = workspace.repository
        let map = try await store.loadMap(of: tenant)
        let records = try await store.processes(of: tenant)
        let processes = records.compactMap { try? $0.read().process }
        let roadmap = try await store.loadRoadmap(of: tenant)
        let logs = try await logFigures(store: store, tenant: tenant, processes: processes, wanted: roadmap)
        let maturity = OZGOverview(
            map: map, catalogue: try await store.ozgCatalogue(of: tenant),
            models: try await store.maturityModels(of: tenant),
            assessments: try await store.maturityAssessments(of: tenant))
        let evaluator = IndicatorEvaluator(map: map, processes: processes, logFigures: logs, maturity: maturity)
        let values = roadmap.measure(with: evaluator, on: day)
        let measured = Set(values.map(\.indicatorKey))
        let missing = roadmap.goals.filter { !measured.contains($0.indicator.key) }.map(\.title)
        let recorded = try await workspace.recordMeasurements(values, of: tenant, day: day, force: force, by: author)
        return Outcome(recorded: recorded, day: day, values: values, missing: missing)
    }

    /// Median lead time and alignment fitness of the newest event log of each process that a goal measures,
    /// read and computed on NIO's thread pool (a large log takes seconds).
    static func logFigures(
        store: any Store, tenant: ID<Tenant>, processes: [ProcessModel], wanted roadmap: Roadmap
    ) async throws -> [ID<ProcessModel>: IndicatorEvaluator.LogFigures] {
        var needed: Set<ID<ProcessModel>> = []
        for goal in roadmap.goals where goal.indicator.kind.source == .eventLog {
            if case .process(let id) = goal.indicator.scope { needed.insert(id) }
        }
        guard !needed.isEmpty else { return [:] }
        let summaries = try await store.eventLogs(of: tenant)  // newest first
        var figures: [ID<ProcessModel>: IndicatorEvaluator.LogFigures] = [:]
        for id in needed.sorted() {
            guard let summary = summaries.first(where: { $0.processID == id }),
                let process = processes.first(where: { $0.id == id })
            else { continue }
            let record = try await store.eventLog(summary.id, of: tenant)
            figures[id] = try await NIOThreadPool.singleton.runIfActive {
                let log = try XESReader.read(record.xesGzip, file: "\(record.id).xes.gz")
                let median = LogStatistics(log).medianCaseDurationSeconds.map { $0 / 86_400 }
                let fitness = try? AlignmentReport(log: log, net: process.petriNet()).logFitness
                return IndicatorEvaluator.LogFigures(medianLeadTimeDays: median, fitness: fitness)
            }
        }
        return figures
    }
}
