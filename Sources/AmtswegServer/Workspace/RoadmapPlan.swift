public import AmtswegCore

/// Everything the roadmap's pages, API and exports show, computed together from one state of the data: each
/// goal's current value and trend, each initiative's priority with its components, and the schedule.
public struct RoadmapPlan: Sendable {
    public var roadmap: Roadmap
    public var today: Day
    public var facts: [ID<Initiative>: InitiativeFacts]
    /// Highest priority first.
    public var scores: [PriorityScore]
    public var schedule: RoadmapScheduler.Schedule?
    /// Why there is no schedule (a dependency cycle), in words.
    public var scheduleError: String?
    /// Current value per indicator key: computed now for the map and the models, the latest measurement for
    /// event-log indicators (reading logs takes seconds; the measurement button does it).
    public var currentValues: [String: Double]
    public var measurements: [IndicatorMeasurement]
    public var spots: [ProblemSpot]
    /// Each scored initiative's place in the priority order (0 first), for sorting and lookups in constant time.
    let rank: [ID<Initiative>: Int]

    /// `evaluator`: the snapshot's, as the workspace keeps it (``Workspace/indicatorEvaluator(_:)``) — made from
    /// the snapshot and the OZG data alone, and every process's and service's figures are most of its cost.
    public init(
        snapshot: TenantSnapshot, roadmap: Roadmap, measurements: [IndicatorMeasurement], today: Day,
        evaluator: IndicatorEvaluator
    ) {
        self.roadmap = roadmap
        self.today = today
        self.measurements = measurements
        var values: [String: Double] = [:]
        for indicator in roadmap.indicators {
            if let value = evaluator.value(of: indicator) {
                values[indicator.key] = value
            } else if let latest = measurements.filter({ $0.indicatorKey == indicator.key }).max(by: { $0.day < $1.day }
            ) {
                values[indicator.key] = latest.value
            }
        }
        currentValues = values
        facts = roadmap.facts(map: snapshot.map, processes: snapshot.processes)
        let start = Quarter(today)
        scores = Prioritizer(weights: roadmap.weights, today: start, horizonQuarters: roadmap.horizonQuarters)
            .scores(roadmap.initiatives, facts: facts)
        do {
            schedule = try RoadmapScheduler(start: start, horizonQuarters: roadmap.horizonQuarters)
                .schedule(roadmap.initiatives, capacities: roadmap.capacities, priority: scores.map(\.initiativeID))
        } catch {
            scheduleError = error.description
        }
        spots = snapshot.problemSpots
        rank = Dictionary(scores.enumerated().map { ($1.initiativeID, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func score(of id: ID<Initiative>) -> PriorityScore? { rank[id].map { scores[$0] } }

    /// The initiatives in priority order, the unscored (closed) ones last by id.
    func ranked(_ initiatives: [Initiative]) -> [Initiative] {
        initiatives.sorted { (rank[$0.id] ?? Int.max, $0.id) < (rank[$1.id] ?? Int.max, $1.id) }
    }

    /// The plan from what the store holds now.
    public static func make(workspace: Workspace, tenant: ID<Tenant>, today: Day) async throws -> RoadmapPlan {
        let snapshot = try await workspace.snapshot(of: tenant)
        let roadmap = try await workspace.roadmap(of: tenant)
        let measurements = try await workspace.repository.measurements(of: tenant)
        return RoadmapPlan(
            snapshot: snapshot, roadmap: roadmap, measurements: measurements, today: today,
            evaluator: try await workspace.indicatorEvaluator(snapshot))
    }

    /// The measurements of a goal's indicator, oldest first, with today's value appended where it differs from
    /// the last measured day.
    func series(of goal: Goal) -> [(day: Day, value: Double)] {
        measurements.filter { $0.indicatorKey == goal.indicator.key }.sorted { $0.day < $1.day }.map {
            ($0.day, $0.value)
        }
    }

    /// Whether the goal is on track by its measurements (see ``Goal/isOnTrack(_:)``), counting today's value.
    func isOnTrack(_ goal: Goal) -> Bool {
        var points = series(of: goal)
        if let now = currentValues[goal.indicator.key], points.last?.day != today { points.append((today, now)) }
        return goal.isOnTrack(points)
    }
}
