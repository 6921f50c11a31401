/// How the inductive miner splits a log along a cut, as pm4py does, so that infrequent behaviour (after the
/// noise filter) ends up where it does least harm.
extension SubLog {
    func removingEmptyTraces() -> SubLog {
        var result = SubLog()
        for (trace, count) in zip(traces, counts) where !trace.isEmpty { result.add(trace, count: count) }
        return result
    }

    /// Each trace goes to the group it has most events of (ties to the later group), keeping only those events.
    func splitExclusive(_ groups: [Set<Int32>]) -> [SubLog] {
        var logs = Array(repeating: SubLog(), count: groups.count)
        for (trace, count) in zip(traces, counts) {
            var best = 0, bestCount = -1
            for (index, group) in groups.enumerated() {
                let inGroup = trace.count { group.contains($0) }
                if inGroup >= bestCount {
                    best = index
                    bestCount = inGroup
                }
            }
            logs[best].add(trace.filter { groups[best].contains($0) }, count: count)
        }
        return logs
    }

    /// Each trace is cut into consecutive parts, one per group, each ending where the group's events
    /// outnumber the others' most.
    func splitSequence(_ groups: [Set<Int32>]) -> [SubLog] {
        var logs = Array(repeating: SubLog(), count: groups.count)
        for (trace, count) in zip(traces, counts) {
            var splitPoint = 0
            var earlier = Set<Int32>()
            for (index, group) in groups.enumerated() {
                var cost = 0, leastCost = 0, end = splitPoint
                for position in splitPoint..<trace.count {
                    if group.contains(trace[position]) {
                        cost -= 1
                    } else if !earlier.contains(trace[position]) {
                        cost += 1
                    }
                    if cost < leastCost {
                        leastCost = cost
                        end = position + 1
                    }
                }
                logs[index].add(trace[splitPoint..<end].filter { group.contains($0) }, count: count)
                splitPoint = end
                earlier.formUnion(group)
            }
        }
        return logs
    }

    /// The body's stretches go to the first log, the stretches of redo activities to the second; every trace
    /// contributes its last body stretch (possibly empty).
    func splitLoop(_ groups: [Set<Int32>]) -> [SubLog] {
        let body = groups[0], redo = groups.dropFirst().reduce(into: Set<Int32>()) { $0.formUnion($1) }
        var bodyLog = SubLog(), redoLog = SubLog()
        for (trace, count) in zip(traces, counts) {
            var bodyPart: [Int32] = [], redoPart: [Int32] = []
            for activity in trace {
                if body.contains(activity) {
                    bodyPart.append(activity)
                    if !redoPart.isEmpty {
                        redoLog.add(redoPart, count: count)
                        redoPart = []
                    }
                } else if redo.contains(activity) {
                    redoPart.append(activity)
                    if !bodyPart.isEmpty {
                        bodyLog.add(bodyPart, count: count)
                        bodyPart = []
                    }
                } else {
                    if !bodyPart.isEmpty {
                        bodyLog.add(bodyPart, count: count)
                        bodyPart = []
                    }
                    if !redoPart.isEmpty {
                        redoLog.add(redoPart, count: count)
                        redoPart = []
                    }
                }
            }
            if !redoPart.isEmpty { redoLog.add(redoPart, count: count) }
            bodyLog.add(bodyPart, count: count)
        }
        return [bodyLog, redoLog]
    }

    /// Traces cut wherever `restarts(previous, next)` says a new round begins.
    func splittingAtRestarts(_ restarts: (Int32, Int32) -> Bool) -> SubLog {
        var result = SubLog()
        for (trace, count) in zip(traces, counts) {
            var from = 0
            for position in trace.indices.dropFirst() where restarts(trace[position - 1], trace[position]) {
                result.add(Array(trace[from..<position]), count: count)
                from = position
            }
            result.add(Array(trace[from...]), count: count)
        }
        return result
    }
}
