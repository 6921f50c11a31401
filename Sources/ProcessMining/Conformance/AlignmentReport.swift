public import AmtswegSupport
import Foundation

/// The alignments of a whole log with a Petri net: one per variant, the fitness figures pm4py reports, and the
/// deviations per activity that a diagram can be coloured with.
public struct AlignmentReport: Sendable, Codable {
    public struct VariantAlignment: Sendable, Codable {
        public var activities: VariantActivities
        public var count: Int
        /// `nil` if the search gave up (state limit).
        public var alignment: Alignment?
    }

    /// How often an activity deviates, counted per case: events the model could not follow (moves on log) and
    /// steps the model needed that the log lacks (moves on model).
    public struct ActivityDeviations: Sendable, Codable, Hashable {
        public var activity: String
        public var onLog: Int
        public var onModel: Int
    }

    public var variants: [VariantAlignment]
    /// 1 − Σ cost / Σ worst cost over all cases (pm4py's `log_fitness`).
    public var logFitness: Double
    /// The mean of the cases' fitness (pm4py's `average_trace_fitness`).
    public var averageTraceFitness: Double
    /// The share of cases that fit perfectly, 0…1.
    public var fittingCaseShare: Double
    /// Activities with at least one deviation, most deviations first.
    public var deviations: [ActivityDeviations]
    /// Cases whose variant could not be aligned within the state limit (not in the figures).
    public var unalignedCases: Int

    /// Aligns every variant of `log` with `net`; `progress` counts the variants aligned so far.
    public init(log: EventLog, net: PetriNet, stateLimit: Int = 2_000_000, progress: WorkProgress? = nil)
        throws(MiningError)
    {
        let aligner = try Aligner(net: try IndexedNet(net), activities: log.activities, stateLimit: stateLimit)
        let traceVariants = TraceVariants(log)
        progress?.expect(traceVariants.traces.count)
        let alignments = Self.alignConcurrently(traceVariants.traces, with: aligner, progress: progress)
        var costSum = 0, worstSum = 0, fitnessSum = 0.0, fitting = 0, aligned = 0, unaligned = 0
        var deviations: [String: ActivityDeviations] = [:]
        variants = []
        for (index, trace) in traceVariants.traces.enumerated() {
            let count = traceVariants.counts[index]
            let alignment = alignments[index]
            variants.append(
                VariantAlignment(
                    activities: VariantActivities(codes: trace, names: log.activities.strings), count: count,
                    alignment: alignment))
            guard let alignment else {
                unaligned += count
                continue
            }
            aligned += count
            costSum += alignment.cost * count
            worstSum += alignment.worstCost * count
            fitnessSum += alignment.fitness * Double(count)
            if alignment.cost < Alignment.deviationCost { fitting += count }
            for move in alignment.moves {
                switch move {
                case .onLog(let activity):
                    deviations[activity, default: ActivityDeviations(activity: activity, onLog: 0, onModel: 0)].onLog +=
                        count
                case .onModel(_, let label?):
                    deviations[label, default: ActivityDeviations(activity: label, onLog: 0, onModel: 0)].onModel +=
                        count
                default: break
                }
            }
        }
        logFitness = worstSum > 0 ? 1 - Double(costSum) / Double(worstSum) : 0
        averageTraceFitness = aligned > 0 ? fitnessSum / Double(aligned) : 0
        fittingCaseShare = aligned > 0 ? Double(fitting) / Double(aligned) : 0
        unalignedCases = unaligned
        self.deviations = deviations.values.sorted {
            ($0.onLog + $0.onModel, $1.activity) > ($1.onLog + $1.onModel, $0.activity)
        }
    }

    /// Variants are independent: they are spread over the machine's cores in contiguous chunks, each chunk with
    /// a marking graph of its own that its searches share.
    private static func alignConcurrently(_ traces: [[Int32]], with aligner: Aligner, progress: WorkProgress?)
        -> [Alignment?]
    {
        let chunkCount = max(1, min(traces.count, Parallelism.threads * 4))
        let chunkSize = (traces.count + chunkCount - 1) / chunkCount
        return ConcurrentSlots<[Alignment?]>.perform(chunkCount) { chunk in
            var graph = aligner.makeGraph()
            return traces[min(chunk * chunkSize, traces.count)..<min((chunk + 1) * chunkSize, traces.count)].map {
                defer { progress?.advance() }
                return aligner.align($0, in: &graph)
            }
        }.flatMap { $0 }
    }
}
