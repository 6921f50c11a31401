/// A log as the inductive miner splits it: distinct traces (activity codes) with how often each occurs, and
/// the directly-follows graph over its own alphabet. Activity codes are ranks in name order, so sorting codes
/// sorts names, as pm4py does where order matters.
struct SubLog {
    var traces: [[Int32]] = []
    var counts: [Int] = []
    private var index: [[Int32]: Int] = [:]

    mutating func add(_ trace: [Int32], count: Int) {
        if let known = index[trace] {
            counts[known] += count
        } else {
            index[trace] = traces.count
            traces.append(trace)
            counts.append(count)
        }
    }

    var isEmpty: Bool { traces.isEmpty }
    var caseCount: Int { counts.reduce(0, +) }

    /// The activities that occur, ascending.
    func alphabet() -> [Int32] {
        var seen = Set<Int32>()
        for trace in traces { seen.formUnion(trace) }
        return seen.sorted()
    }

    /// The log with the activities `keep` says yes to, the others dropped.
    func filtered(_ keep: (Int32) -> Bool) -> SubLog {
        var result = SubLog()
        for (trace, count) in zip(traces, counts) { result.add(trace.filter(keep), count: count) }
        return result
    }
}

/// A directly-follows graph over a local alphabet (indices into `activities`), with start and end counts.
struct LocalDFG {
    /// The activities (global codes), ascending.
    var activities: [Int32]
    var local: [Int32: Int]
    /// `edges[a * n + b]`: how often b directly follows a.
    var edges: [Int]
    var starts: [Int]
    var ends: [Int]

    var count: Int { activities.count }

    init(_ log: SubLog) {
        activities = log.alphabet()
        local = Dictionary(uniqueKeysWithValues: activities.enumerated().map { ($1, $0) })
        let n = activities.count
        edges = Array(repeating: 0, count: n * n)
        starts = Array(repeating: 0, count: n)
        ends = Array(repeating: 0, count: n)
        for (trace, count) in zip(log.traces, log.counts) where !trace.isEmpty {
            var previous = local[trace[0]]!
            starts[previous] += count
            for activity in trace.dropFirst() {
                let current = local[activity]!
                edges[previous * n + current] += count
                previous = current
            }
            ends[previous] += count
        }
    }

    func edge(_ a: Int, _ b: Int) -> Int { edges[a * count + b] }
    func hasEdge(_ a: Int, _ b: Int) -> Bool { edges[a * count + b] > 0 }

    /// IMf's noise filter: an edge stays if it is more frequent than `threshold` times the most frequent way
    /// out of its source (its edges and how often it ends a trace); start activities likewise against the most
    /// frequent start.
    func filteringNoise(_ threshold: Double) -> LocalDFG {
        var filtered = self
        let n = count
        for a in 0..<n {
            var strongest = ends[a]
            for b in 0..<n { strongest = max(strongest, edge(a, b)) }
            for b in 0..<n where Double(edge(a, b)) <= threshold * Double(strongest) { filtered.edges[a * n + b] = 0 }
        }
        let strongestStart = starts.max() ?? 0
        for a in 0..<n where Double(starts[a]) < Double(strongestStart) * threshold { filtered.starts[a] = 0 }
        return filtered
    }

    /// Activities that are vertices of the graph: on an edge, or starting or ending a trace.
    var vertices: [Int] {
        (0..<count).filter { a in
            starts[a] > 0 || ends[a] > 0 || (0..<count).contains { edge(a, $0) > 0 || edge($0, a) > 0 }
        }
    }

    /// For every activity, the activities reachable from it by one or more edges.
    ///
    /// Warshall's closure on rows of bits: O(n³/64) word operations, so that the sequence cut stays cheap on
    /// wide logs (400 activities) where it is tried at every level of the recursion.
    func reachability() -> [[Bool]] {
        let n = count
        let words = (n + 63) / 64
        var rows = [UInt64](repeating: 0, count: n * words)
        for a in 0..<n {
            for b in 0..<n where edges[a * n + b] > 0 { rows[a * words + b / 64] |= 1 << UInt64(b % 64) }
        }
        rows.withUnsafeMutableBufferPointer { bits in
            for k in 0..<n {
                let word = k / 64, bit = UInt64(1) << UInt64(k % 64)
                for i in 0..<n where bits[i * words + word] & bit != 0 && i != k {
                    for w in 0..<words { bits[i * words + w] |= bits[k * words + w] }
                }
            }
        }
        return (0..<n).map { a in
            (0..<n).map { b in rows[a * words + b / 64] & (1 << UInt64(b % 64)) != 0 }
        }
    }
}
