public import AmtswegCore
public import ProcessMining

/// Estimated and measured times of a captured process side by side: per step the handling and waiting time
/// the Enrich phase estimated, and what an event log of the process shows — median and 80th percentile, over how
/// many cases — and for the whole process the lead time and the hand-offs.
///
/// Measured in the log, per occurrence of a step in a case:
/// - *handling*: from the step's `start` event to its `complete` event (paired first-in, first-out per activity);
///   only where the log has start events;
/// - *waiting*: from the end of the previous step to this step's start — its `start` event, or, where the log has
///   none, its `complete` event (then the waiting includes the handling, and ``hasStartEvents`` says so). The
///   previous step is the latest-ended of the steps that precede it in the process (so a parallel branch's
///   events do not count), or the case's latest-ended event where none of them has ended yet;
/// - a case's *lead time*: first to last event; its *hand-offs*: changes of resource between consecutive events.
///
/// Everything is working time in minutes, as the estimates are: handling time is the time from start to complete
/// (someone works on the case throughout); waiting and lead times count only weekdays, each as one working day
/// of `minutesPerWorkingDay` (``WorkingWeek``). Percentiles are interpolated linearly between the sorted values,
/// as numpy's default does.
public struct StepTimeComparison: Sendable {
    /// Median and 80th percentile of measured durations, in working minutes (hand-offs: a count), and how many
    /// there were.
    public struct Measured: Sendable, Hashable {
        public var median: Double
        public var percentile80: Double
        public var count: Int

        public init?(_ values: [Double]) {
            guard !values.isEmpty else { return nil }
            let sorted = values.sorted()
            median = Self.percentile(sorted, 0.5)
            percentile80 = Self.percentile(sorted, 0.8)
            count = values.count
        }

        static func percentile(_ sorted: [Double], _ share: Double) -> Double {
            let position = share * Double(sorted.count - 1)
            let lower = Int(position.rounded(.down)), upper = Int(position.rounded(.up))
            return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
        }
    }

    public struct Step: Sendable, Hashable {
        public var stepID: String
        public var name: String
        /// The log's activities mapped to this step.
        public var activities: [String]
        /// Cases in which the step occurs.
        public var cases: Int
        public var estimatedHandlingMinutes: Double
        public var estimatedWaitingMinutes: Double
        public var handling: Measured?
        public var waiting: Measured?

        /// Measured median ÷ estimate − 1; `nil` without an estimate or a measurement.
        public var handlingDeviation: Double? { Self.deviation(handling, estimatedHandlingMinutes) }
        public var waitingDeviation: Double? { Self.deviation(waiting, estimatedWaitingMinutes) }
        /// Whether an estimate is off by more than half of itself.
        public var isOff: Bool { [handlingDeviation, waitingDeviation].contains { abs($0 ?? 0) > 0.5 } }

        static func deviation(_ measured: Measured?, _ estimateMinutes: Double) -> Double? {
            guard let measured, estimateMinutes > 0 else { return nil }
            return measured.median / estimateMinutes - 1
        }
    }

    /// One row per step of the process, in the process's order; steps no activity maps to have no measurement.
    public var steps: [Step]
    public var estimatedLeadTimeMinutes: Double
    public var leadTime: Measured?
    public var estimatedHandoffs: Double
    /// Per case; `nil` when the log names no resources.
    public var handoffs: Measured?
    /// Whether the log has start events (without them there is no handling time and waiting includes it).
    public var hasStartEvents: Bool
    /// Activities of the log that map to no step.
    public var unmappedActivities: [String]

    /// - Parameter mapping: activity name → step id (``StepMatching/suggest(activities:steps:)`` or confirmed).
    public init(
        process: ProcessModel, figures: PathFigures, log: EventLog, mapping: [String: String],
        minutesPerWorkingDay: Double
    ) {
        func working(_ from: Int64, _ to: Int64) -> Double {
            WorkingWeek.weekdays(from: Double(from) / 1000, to: Double(to) / 1000) * minutesPerWorkingDay
        }
        let steps = process.steps
        let stepIndex = Dictionary(steps.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let stepOfActivity: [Int?] = (0..<log.activities.count).map { code in
            mapping[log.activities[Int32(code)]].flatMap { stepIndex[$0] }
        }
        let predecessors = Self.predecessors(of: steps, in: process, index: stepIndex)
        var handling = Array(repeating: [Double](), count: steps.count)
        var waiting = Array(repeating: [Double](), count: steps.count)
        var cases = Array(repeating: 0, count: steps.count)
        var leadTimes: [Double] = [], handoffCounts: [Double] = []
        let hasStarts = log.lifecycle.contains(.start)
        let hasResources = log.resource.contains { $0 >= 0 }
        for c in 0..<log.caseCount {
            let events = log.events(ofCase: c).filter { log.timestamp[$0] != EventLog.noTimestamp }
            guard let first = events.first, let last = events.last else { continue }
            leadTimes.append(working(log.timestamp[first], log.timestamp[last]))
            if hasResources {
                let resources = events.map { log.resource[$0] }.filter { $0 >= 0 }
                handoffCounts.append(Double(zip(resources, resources.dropFirst()).filter { $0 != $1 }.count))
            }
            var seen = Set<Int>()
            var lastEnd: Int64?
            var endOfStep: [Int: Int64] = [:]
            var openStarts: [Int32: [Int64]] = [:]
            for event in events {
                let time = log.timestamp[event], activity = log.activity[event]
                let step = stepOfActivity[Int(activity)]
                let beginsStep = hasStarts ? log.lifecycle[event] == .start : log.lifecycle[event] != .start
                if beginsStep, let step {
                    seen.insert(step)
                    let previous = predecessors[step].compactMap { endOfStep[$0] }.max() ?? lastEnd
                    if let previous { waiting[step].append(working(previous, time)) }
                }
                switch log.lifecycle[event] {
                case .start: openStarts[activity, default: []].append(time)
                default:
                    if let step, var starts = openStarts[activity], !starts.isEmpty {
                        handling[step].append(Double(time - starts.removeFirst()) / 60_000)
                        openStarts[activity] = starts
                    }
                    lastEnd = max(lastEnd ?? time, time)
                    if let step { endOfStep[step] = max(endOfStep[step] ?? time, time) }
                }
            }
            for step in seen { cases[step] += 1 }
        }
        self.steps = steps.enumerated().map { index, node in
            Step(
                stepID: node.id, name: node.name,
                activities: mapping.filter { $0.value == node.id }.map(\.key).sorted(), cases: cases[index],
                estimatedHandlingMinutes: node.step?.handlingMinutes ?? 0,
                estimatedWaitingMinutes: node.step?.waitingMinutes ?? 0, handling: Measured(handling[index]),
                waiting: Measured(waiting[index]))
        }
        estimatedLeadTimeMinutes = figures.leadTimeMinutes
        leadTime = Measured(leadTimes)
        estimatedHandoffs = figures.handoffs
        handoffs = hasResources ? Measured(handoffCounts) : nil
        hasStartEvents = hasStarts
        unmappedActivities = log.activities.strings.filter { mapping[$0].flatMap { stepIndex[$0] } == nil }.sorted()
    }

    /// For each step, the steps that come directly before it in the process (through gateways and events).
    private static func predecessors(of steps: [ProcessNode], in process: ProcessModel, index: [String: Int])
        -> [[Int]]
    {
        var incoming: [String: [String]] = [:]
        for flow in process.flows { incoming[flow.targetID, default: []].append(flow.sourceID) }
        return steps.map { step in
            var found = Set<Int>(), visited: Set<String> = [step.id], queue = incoming[step.id] ?? []
            while let node = queue.popLast() {
                guard visited.insert(node).inserted else { continue }
                if let stepNumber = index[node] { found.insert(stepNumber) } else { queue += incoming[node] ?? [] }
            }
            return found.sorted()
        }
    }

    /// The process with each step's estimated handling time replaced by the measured median, where there is
    /// one: its key figures (staff hours, FTE) then rest on what the log shows.
    public func measuredProcess(_ process: ProcessModel) -> ProcessModel {
        var process = process
        let medians = Dictionary(
            steps.compactMap { step in step.handling.map { (step.stepID, $0.median) } },
            uniquingKeysWith: { first, _ in first })
        for index in process.nodes.indices {
            if let median = medians[process.nodes[index].id] { process.nodes[index].step?.handlingMinutes = median }
        }
        return process
    }
}
