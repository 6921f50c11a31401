/// Whether a workflow net is sound (van der Aalst): from every reachable marking the final marking can be
/// reached, it is reached cleanly (no tokens left elsewhere), and every transition can fire somewhere. Decided
/// by exploring the reachability graph, up to a limit of markings.
public struct Soundness: Hashable, Sendable {
    /// Markings reached (the whole graph unless `exhausted`).
    public var reachableMarkings: Int
    /// Markings from which the final marking cannot be reached.
    public var deadlocks: Int
    /// Reachable markings that contain the final marking and more.
    public var improperCompletions: Int
    /// Transitions that never fire.
    public var deadTransitions: [String]
    /// The limit was hit before the graph was complete: no verdict.
    public var exhausted: Bool

    public var isSound: Bool {
        !exhausted && deadlocks == 0 && improperCompletions == 0 && deadTransitions.isEmpty
    }
}

extension PetriNet {
    public func soundness(markingLimit: Int = 1_000_000) throws(MiningError) -> Soundness {
        let net = try IndexedNet(self)
        var index: [[Int]: Int] = [net.initialMarking: 0]
        var markings = [net.initialMarking]
        var successors: [[Int]] = [[]]
        var fired = Array(repeating: false, count: net.transitionCount)
        var next = 0
        var exhausted = false
        while next < markings.count {
            let marking = markings[next]
            for transition in 0..<net.transitionCount
            where net.preset[transition].allSatisfy({ marking[$0.place] >= $0.weight }) {
                fired[transition] = true
                var successor = marking
                for arc in net.preset[transition] { successor[arc.place] -= arc.weight }
                for arc in net.postset[transition] { successor[arc.place] += arc.weight }
                if let known = index[successor] {
                    successors[next].append(known)
                } else if markings.count < markingLimit {
                    index[successor] = markings.count
                    successors[next].append(markings.count)
                    markings.append(successor)
                    successors.append([])
                } else {
                    exhausted = true
                }
            }
            next += 1
        }
        // Markings that can reach the final marking: backwards from it.
        var predecessors = Array(repeating: [Int](), count: markings.count)
        for (from, targets) in successors.enumerated() { for to in targets { predecessors[to].append(from) } }
        var canFinish = Array(repeating: false, count: markings.count)
        var stack = index[net.finalMarking].map { [$0] } ?? []
        if let final = stack.first { canFinish[final] = true }
        while let marking = stack.popLast() {
            for previous in predecessors[marking] where !canFinish[previous] {
                canFinish[previous] = true
                stack.append(previous)
            }
        }
        let improper = markings.filter { marking in
            marking != net.finalMarking && marking.indices.allSatisfy { marking[$0] >= net.finalMarking[$0] }
        }
        return Soundness(
            reachableMarkings: markings.count, deadlocks: canFinish.count { !$0 }, improperCompletions: improper.count,
            deadTransitions: fired.indices.filter { !fired[$0] }.map { transitions[$0].id }, exhausted: exhausted)
    }
}
