public import AmtswegSupport

/// The inductive miner, infrequent variant (IMf), with pm4py's semantics: find a cut in the directly-follows
/// graph (exclusive choice, sequence, parallel, loop), split the log along it and recurse; if no cut is found,
/// filter infrequent edges (noise threshold) and try again; failing that, use a fall-through. With threshold 0
/// it is the plain inductive miner (IM). The result is a process tree, hence a sound workflow net, simplified
/// as pm4py simplifies it (``ProcessTree/folded()``).
public struct InductiveMiner: Sendable {
    /// Edges rarer than this share of their source's most frequent way out are treated as noise.
    public var noiseThreshold: Double

    public init(noiseThreshold: Double = 0.2) { self.noiseThreshold = noiseThreshold }

    /// The process tree of `log`. `progress` counts the activities placed in the tree so far (out of the log's
    /// activities), for a page that shows how far a long discovery has come.
    public func discover(_ log: EventLog, progress: WorkProgress? = nil) -> ProcessTree {
        // Codes by name order: wherever pm4py sorts activities, sorting codes does the same.
        let names = (0..<log.activities.count).map { log.activities[Int32($0)] }
        let byName = names.indices.sorted { names[$0] < names[$1] }
        var rank = Array(repeating: Int32(0), count: names.count)
        for (position, code) in byName.enumerated() { rank[code] = Int32(position) }
        var subLog = SubLog()
        let variants = TraceVariants(log)
        for (trace, count) in zip(variants.traces, variants.counts) {
            subLog.add(trace.map { rank[Int($0)] }, count: count)
        }
        progress?.expect(names.count)
        return Mining(noiseThreshold: noiseThreshold, names: byName.map { names[$0] }, progress: progress)
            .mine(subLog).folded()
    }
}

/// One discovery run: the recursion over sub-logs.
private struct Mining {
    let noiseThreshold: Double
    /// Activity names by code.
    let names: [String]
    let progress: WorkProgress?

    func mine(_ log: SubLog) -> ProcessTree { mine(log, dfg: nil, afterNoiseFilter: false)! }

    private func mine(_ log: SubLog, dfg: LocalDFG?, afterNoiseFilter: Bool) -> ProcessTree? {
        var log = log, dfg = dfg
        // Empty traces: a silent alternative if there are more of them than noise, otherwise ignored.
        let empty = zip(log.traces, log.counts).filter { $0.0.isEmpty }.map(\.1).reduce(0, +)
        if empty > 0 {
            let rest = log.removingEmptyTraces()
            if !rest.isEmpty {
                if Double(empty) > noiseThreshold * Double(log.caseCount) {
                    return .exclusiveChoice([.silent, mine(rest)])
                }
                log = rest
                dfg = nil
            }
        }
        if log.isEmpty { return .silent }
        if log.traces.count == 1 && log.traces[0].count <= 1 {
            guard let activity = log.traces[0].first else { return .silent }
            progress?.advance()
            return .activity(names[Int(activity)])
        }
        let graph = dfg ?? LocalDFG(log)
        if let tree = cut(log, graph) { return tree }
        guard !afterNoiseFilter else { return nil }
        if let tree = mine(log, dfg: graph.filteringNoise(noiseThreshold), afterNoiseFilter: true) { return tree }
        return fallThrough(log, graph)
    }

    // MARK: - Cuts

    private func cut(_ log: SubLog, _ dfg: LocalDFG) -> ProcessTree? {
        func global(_ groups: [[Int]]) -> [Set<Int32>] { groups.map { Set($0.map { dfg.activities[$0] }) } }
        if let groups = dfg.exclusiveChoiceCut() {
            return .exclusiveChoice(log.splitExclusive(global(groups)).map(mine))
        }
        if let groups = dfg.sequenceCut() {
            return .sequence(log.splitSequence(global(groups)).map(mine))
        }
        if let groups = dfg.parallelCut() {
            return .parallel(global(groups).map { group in mine(log.filtered { group.contains($0) }) })
        }
        if let groups = dfg.loopCut() {
            return .loop(log.splitLoop(global(groups)).map(mine))
        }
        return nil
    }

    private static func hasCut(_ dfg: LocalDFG) -> Bool {
        dfg.exclusiveChoiceCut() != nil || dfg.sequenceCut() != nil || dfg.parallelCut() != nil
            || dfg.loopCut() != nil
    }

    // MARK: - Fall-throughs

    private func fallThrough(_ log: SubLog, _ dfg: LocalDFG) -> ProcessTree {
        if log.traces.contains(where: \.isEmpty) {
            return .exclusiveChoice([.silent, mine(log.removingEmptyTraces())])
        }
        let alphabet = log.alphabet()
        // An activity that occurs exactly once in every trace runs in parallel with the rest.
        var once = Set(alphabet)
        for trace in log.traces {
            var seen: [Int32: Int] = [:]
            for activity in trace { seen[activity, default: 0] += 1 }
            once = once.filter { seen[$0] == 1 }
            if once.isEmpty { break }
        }
        if let activity = once.min() { return parallel(activity, log) }
        // An activity without which the rest has a cut runs in parallel with the rest.
        for activity in alphabet where Self.hasCut(LocalDFG(log.filtered { $0 != activity })) {
            return parallel(activity, log)
        }
        // Traces that restart (a start activity right after an end activity, or any start activity) are loops.
        let starts = Set(log.traces.compactMap(\.first)), ends = Set(log.traces.compactMap(\.last))
        for strict in [true, false] {
            let split = log.splittingAtRestarts { previous, next in
                starts.contains(next) && (!strict || ends.contains(previous))
            }
            if split.caseCount > log.caseCount { return .loop([mine(split), .silent]) }
        }
        // Anything in any order.
        var flower = SubLog()
        for activity in alphabet { flower.add([activity], count: 1) }
        return .loop([.silent, mine(flower)])
    }

    private func parallel(_ activity: Int32, _ log: SubLog) -> ProcessTree {
        .parallel([mine(log.filtered { $0 == activity }), mine(log.filtered { $0 != activity })])
    }
}
