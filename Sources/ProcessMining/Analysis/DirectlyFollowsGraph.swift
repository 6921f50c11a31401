/// The directly-follows graph: how often activity b directly follows activity a within a case, and how long
/// it took (b's timestamp minus a's), as pm4py's `discover_dfg` and `discover_performance_dfg` compute it.
public struct DirectlyFollowsGraph: Sendable {
    public struct Edge: Hashable, Sendable, Codable {
        public var from: String
        public var to: String
        public var count: Int
        /// Durations in seconds over the pairs with both timestamps.
        public var meanSeconds: Double?
        public var medianSeconds: Double?
        public var minSeconds: Double?
        public var maxSeconds: Double?
    }

    public var edges: [Edge]
    /// Activities that start or end cases, with how many cases.
    public var startActivities: [String: Int]
    public var endActivities: [String: Int]
    /// Occurrences per activity.
    public var activityCounts: [String: Int]

    /// With `durations: false` only counts (pm4py's `discover_dfg`); with durations also the performance figures
    /// per edge (pm4py's `discover_performance_dfg`).
    public init(_ log: EventLog, durations: Bool = true) {
        let activityCount = log.activities.count
        // Each pair of activities gets a compact index (through a dense table while it stays small, a
        // dictionary beyond). Durations go into one flat array, grouped by pair in a second pass, so that
        // nothing is allocated per event.
        let dense = activityCount <= 2_048
        var denseIndex = dense ? [Int32](repeating: -1, count: activityCount * activityCount) : []
        var sparseIndex: [Int: Int32] = [:]
        var pairKeys: [Int] = []
        var pairCounts: [Int] = [], timedCounts: [Int] = []
        var pairOfPosition = [Int32](repeating: -1, count: durations ? log.eventCount : 0)
        var starts = [Int](repeating: 0, count: activityCount), ends = [Int](repeating: 0, count: activityCount)
        var occurrences = [Int](repeating: 0, count: activityCount)
        let activity = log.activity, timestamp = log.timestamp
        for c in 0..<log.caseCount {
            let events = log.events(ofCase: c)
            guard let first = events.first else { continue }
            starts[Int(activity[first])] += 1
            ends[Int(activity[events.last!])] += 1
            occurrences[Int(activity[first])] += 1
            for event in events.dropFirst() {
                let a = Int(activity[event - 1]), b = Int(activity[event])
                occurrences[b] += 1
                let key = a * activityCount + b
                var pair = dense ? denseIndex[key] : sparseIndex[key] ?? -1
                if pair < 0 {
                    pair = Int32(pairKeys.count)
                    pairKeys.append(key)
                    pairCounts.append(0)
                    timedCounts.append(0)
                    if dense { denseIndex[key] = pair } else { sparseIndex[key] = pair }
                }
                pairCounts[Int(pair)] += 1
                if durations {
                    pairOfPosition[event] = pair
                    if timestamp[event - 1] != EventLog.noTimestamp, timestamp[event] != EventLog.noTimestamp {
                        timedCounts[Int(pair)] += 1
                    }
                }
            }
        }
        var offsets = [Int](repeating: 0, count: pairKeys.count + 1)
        for pair in pairKeys.indices { offsets[pair + 1] = offsets[pair] + timedCounts[pair] }
        var cursor = offsets
        var durations = [Int64](repeating: 0, count: offsets.last ?? 0)
        for (event, pair) in pairOfPosition.enumerated() where pair >= 0 {
            let t0 = timestamp[event - 1], t1 = timestamp[event]
            guard t0 != EventLog.noTimestamp, t1 != EventLog.noTimestamp else { continue }
            durations[cursor[Int(pair)]] = t1 - t0
            cursor[Int(pair)] += 1
        }
        func named(_ values: [Int]) -> [String: Int] {
            Dictionary(
                uniqueKeysWithValues: values.enumerated().filter { $0.element > 0 }.map {
                    (log.activities[Int32($0.offset)], $0.element)
                })
        }
        startActivities = named(starts)
        endActivities = named(ends)
        activityCounts = named(occurrences)
        edges = pairKeys.indices.map { pair in
            let key = pairKeys[pair]
            var edge = Edge(
                from: log.activities[Int32(key / activityCount)], to: log.activities[Int32(key % activityCount)],
                count: pairCounts[pair])
            let range = offsets[pair]..<offsets[pair + 1]
            if !range.isEmpty {
                durations[range].sort()
                let values = durations[range]
                let n = values.count
                edge.meanSeconds = Double(values.reduce(0, +)) / Double(n) / 1_000
                let middle = values.startIndex + n / 2
                edge.medianSeconds =
                    n % 2 == 1 ? Double(values[middle]) / 1_000 : Double(values[middle - 1] + values[middle]) / 2_000
                edge.minSeconds = Double(values.first!) / 1_000
                edge.maxSeconds = Double(values.last!) / 1_000
            }
            return edge
        }.sorted { ($0.from, $0.to) < ($1.from, $1.to) }
    }
}
