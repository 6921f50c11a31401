/// Variants: the distinct sequences of activities cases follow, with how many cases follow each and how long
/// they take (first to last timestamp).
public struct Variants: Sendable {
    public struct Variant: Hashable, Sendable, Codable {
        public var activities: [String]
        public var count: Int
        /// Mean case duration in seconds (cases with timestamps).
        public var meanDurationSeconds: Double?
    }

    /// Most frequent first; equal counts in order of first appearance.
    public var variants: [Variant]

    public init(_ log: EventLog) {
        let grouping = TraceVariants(log)
        var durations = Array(repeating: (sum: 0.0, count: 0), count: grouping.traces.count)
        for c in 0..<log.caseCount {
            let events = log.events(ofCase: c)
            guard let first = events.first, let last = events.last, log.timestamp[first] != EventLog.noTimestamp,
                log.timestamp[last] != EventLog.noTimestamp
            else { continue }
            let v = Int(grouping.variantOfCase[c])
            durations[v].sum += Double(log.timestamp[last] - log.timestamp[first]) / 1_000
            durations[v].count += 1
        }
        variants = grouping.byFrequency.map { v in
            Variant(
                activities: grouping.traces[v].map { log.activities[$0] }, count: grouping.counts[v],
                meanDurationSeconds: durations[v].count > 0 ? durations[v].sum / Double(durations[v].count) : nil)
        }
    }
}
