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
        var index: [ArraySlice<Int32>: Int] = [:]
        var sequences: [ArraySlice<Int32>] = []
        var counts: [Int] = []
        var durations: [(sum: Double, count: Int)] = []
        for c in 0..<log.caseCount {
            let events = log.events(ofCase: c)
            let sequence = log.activity[events]
            let v: Int
            if let known = index[sequence] {
                v = known
            } else {
                v = sequences.count
                index[sequence] = v
                sequences.append(sequence)
                counts.append(0)
                durations.append((0, 0))
            }
            counts[v] += 1
            if let first = events.first, let last = events.last, log.timestamp[first] != EventLog.noTimestamp,
                log.timestamp[last] != EventLog.noTimestamp
            {
                durations[v].sum += Double(log.timestamp[last] - log.timestamp[first]) / 1_000
                durations[v].count += 1
            }
        }
        variants = sequences.indices.sorted { (counts[$1], $0) < (counts[$0], $1) }.map { v in
            Variant(
                activities: sequences[v].map { log.activities[$0] }, count: counts[v],
                meanDurationSeconds: durations[v].count > 0 ? durations[v].sum / Double(durations[v].count) : nil)
        }
    }
}
