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

    public init(_ log: EventLog) {
        let activityCount = log.activities.count
        // Pairs are counted in a dense matrix while it stays small (a few thousand activities at most), in a
        // dictionary beyond; durations are kept per pair for the median.
        let dense = activityCount <= 2_048
        var matrix = dense ? Array(repeating: 0, count: activityCount * activityCount) : []
        var counts: [Int: Int] = [:]  // a * activityCount + b, when not dense
        // Durations per pair: a compact index per pair seen, lists appended in place.
        var durationIndex: [Int: Int] = [:]
        var denseDurationIndex = dense ? Array(repeating: -1, count: activityCount * activityCount) : []
        var durationLists: [[Int64]] = []
        var starts = Array(repeating: 0, count: activityCount), ends = Array(repeating: 0, count: activityCount)
        var occurrences = Array(repeating: 0, count: activityCount)
        log.activity.withUnsafeBufferPointer { activity in
            log.timestamp.withUnsafeBufferPointer { timestamp in
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
                        if dense { matrix[key] += 1 } else { counts[key, default: 0] += 1 }
                        let t0 = timestamp[event - 1], t1 = timestamp[event]
                        if t0 != EventLog.noTimestamp, t1 != EventLog.noTimestamp {
                            var index = dense ? denseDurationIndex[key] : durationIndex[key] ?? -1
                            if index < 0 {
                                index = durationLists.count
                                durationLists.append([])
                                if dense { denseDurationIndex[key] = index } else { durationIndex[key] = index }
                            }
                            durationLists[index].append(t1 - t0)
                        }
                    }
                }
            }
        }
        if dense {
            for (key, count) in matrix.enumerated() where count > 0 { counts[key] = count }
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
        edges = counts.map { key, count in
            var edge = Edge(
                from: log.activities[Int32(key / activityCount)], to: log.activities[Int32(key % activityCount)],
                count: count)
            let index = dense ? denseDurationIndex[key] : durationIndex[key] ?? -1
            if index >= 0, !durationLists[index].isEmpty {
                var values = durationLists[index]
                values.sort()
                let seconds = values.map { Double($0) / 1_000 }
                edge.meanSeconds = seconds.reduce(0, +) / Double(seconds.count)
                edge.medianSeconds =
                    seconds.count % 2 == 1
                    ? seconds[seconds.count / 2] : (seconds[seconds.count / 2 - 1] + seconds[seconds.count / 2]) / 2
                edge.minSeconds = seconds.first
                edge.maxSeconds = seconds.last
            }
            return edge
        }.sorted { ($0.from, $0.to) < ($1.from, $1.to) }
    }
}
