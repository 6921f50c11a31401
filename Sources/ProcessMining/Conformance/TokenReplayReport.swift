import AmtswegSupport

/// Token-based replay of a whole log on a Petri net: per variant the tokens missing, consumed, remaining and
/// produced, the fitness figures pm4py reports, and per activity where replay had to add tokens.
public struct TokenReplayReport: Sendable, Codable {
    public struct VariantReplay: Sendable, Codable, Hashable {
        public var activities: VariantActivities
        public var count: Int
        public var missing: Int
        public var consumed: Int
        public var remaining: Int
        public var produced: Int
        public var fitness: Double
        public var isFit: Bool
    }

    /// Where an activity did not fit, counted per case: firings that needed missing tokens, and events of an
    /// activity the model does not have.
    public struct ActivityProblems: Sendable, Codable, Hashable {
        public var activity: String
        public var firingsWithMissingTokens: Int
        public var eventsNotInModel: Int
    }

    public var variants: [VariantReplay]
    /// 0.5 · (1 − Σ missing / Σ consumed) + 0.5 · (1 − Σ remaining / Σ produced) over all cases (pm4py's
    /// `log_fitness`).
    public var logFitness: Double
    /// The mean of the cases' fitness (pm4py's `average_trace_fitness`).
    public var averageTraceFitness: Double
    /// The share of cases replayed without missing or remaining tokens, 0…1.
    public var fittingCaseShare: Double
    /// Activities with problems, most first.
    public var problems: [ActivityProblems]

    public init(log: EventLog, net: PetriNet) throws(MiningError) {
        let replayer = TokenReplayer(net: try IndexedNet(net), activities: log.activities)
        let traceVariants = TraceVariants(log)
        let results = ConcurrentSlots<[TokenReplayer.TraceResult]>.map(traceVariants.traces) { replayer.replay($0) }
        var missing = 0, consumed = 0, remaining = 0, produced = 0, fitnessSum = 0.0, fitting = 0, cases = 0
        // Problems are counted per transition and per activity code, and named once at the end.
        var missingPerTransition = Array(repeating: 0, count: net.transitions.count)
        var unknownPerActivity = Array(repeating: 0, count: log.activities.count)
        variants = []
        variants.reserveCapacity(traceVariants.traces.count)
        for (index, trace) in traceVariants.traces.enumerated() {
            let count = traceVariants.counts[index], result = results[index]
            variants.append(
                VariantReplay(
                    activities: VariantActivities(codes: trace, names: log.activities.strings), count: count,
                    missing: result.missing,
                    consumed: result.consumed, remaining: result.remaining, produced: result.produced,
                    fitness: result.fitness, isFit: result.isFit))
            cases += count
            missing += result.missing * count
            consumed += result.consumed * count
            remaining += result.remaining * count
            produced += result.produced * count
            fitnessSum += result.fitness * Double(count)
            if result.isFit { fitting += count }
            for transition in result.problems { missingPerTransition[transition] += count }
            if result.unknownEvents > 0 {
                for event in trace where replayer.transitionsOfActivity[Int(event)].isEmpty {
                    unknownPerActivity[Int(event)] += count
                }
            }
        }
        var problems: [String: ActivityProblems] = [:]
        for (transition, firings) in missingPerTransition.enumerated() where firings > 0 {
            let activity = net.transitions[transition].label ?? net.transitions[transition].id
            problems[
                activity,
                default: ActivityProblems(activity: activity, firingsWithMissingTokens: 0, eventsNotInModel: 0)
            ]
            .firingsWithMissingTokens += firings
        }
        for (code, events) in unknownPerActivity.enumerated() where events > 0 {
            let activity = log.activities[Int32(code)]
            problems[
                activity,
                default: ActivityProblems(activity: activity, firingsWithMissingTokens: 0, eventsNotInModel: 0)
            ]
            .eventsNotInModel += events
        }
        logFitness =
            consumed > 0 && produced > 0
            ? 0.5 * (1 - Double(missing) / Double(consumed)) + 0.5 * (1 - Double(remaining) / Double(produced)) : 0
        averageTraceFitness = cases > 0 ? fitnessSum / Double(cases) : 0
        fittingCaseShare = cases > 0 ? Double(fitting) / Double(cases) : 0
        self.problems = problems.values.sorted {
            ($0.firingsWithMissingTokens + $0.eventsNotInModel, $1.activity)
                > ($1.firingsWithMissingTokens + $1.eventsNotInModel, $0.activity)
        }
    }
}
