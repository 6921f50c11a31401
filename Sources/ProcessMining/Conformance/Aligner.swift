import Foundation
import HeapModule

/// Finds optimal alignments of traces with an accepting Petri net: a shortest-path search (A* with a
/// consistent heuristic) over the synchronous product of trace and net, under pm4py's standard cost function —
/// moves on log and visible moves on model cost 10,000, silent moves 1, synchronous moves 0. Any optimal
/// alignment has the same cost, so fitness agrees with pm4py's exactly, whichever optimum either finds.
///
/// The net's side of the product comes from a ``MarkingGraph`` the caller keeps across the traces it aligns
/// (one per thread): a search state is a marking id and a trace position.
struct Aligner {
    let net: IndexedNet
    /// Per transition: the log's activity code it stands for; -1 for silent transitions, -2 for labels the
    /// log never uses.
    let transitionActivity: [Int32]
    /// Per log activity: whether some transition carries it.
    let activityInModel: [Bool]
    let activities: StringPool
    /// The cost of the cheapest run of the model alone (no events).
    private(set) var modelOnlyCost = 0
    /// Search states at which a trace is given up (the net may be unbounded or huge).
    let stateLimit: Int
    /// Which activities the model may still perform from a marking (for the search's lower bound).
    let future: FutureActivities

    init(net: IndexedNet, activities: StringPool, stateLimit: Int = 2_000_000) throws(MiningError) {
        self.net = net
        self.activities = activities
        // Queue keys hold trace positions in 24 bits (``Entry``).
        self.stateLimit = min(stateLimit, 1 << 23)
        var activityInModel = Array(repeating: false, count: activities.count)
        transitionActivity = (0..<net.transitionCount).map { transition in
            guard let label = net.label(transition) else { return -1 }
            guard let code = activities.existingCode(label) else { return -2 }
            activityInModel[Int(code)] = true
            return code
        }
        self.activityInModel = activityInModel
        future = FutureActivities(net: net, transitionActivity: transitionActivity)
        var graph = makeGraph()
        guard let empty = search([], in: &graph) else {
            throw MiningError(
                file: net.net.id,
                message:
                    "Das Modell erreicht seine Endmarkierung nicht; ohne vollständigen Lauf gibt es keine Alignments.")
        }
        modelOnlyCost = empty.cost
    }

    /// An empty marking graph of the net, for one thread's searches.
    func makeGraph() -> MarkingGraph {
        MarkingGraph(
            net: net, future: future, transitionActivity: transitionActivity, activityCount: activities.count)
    }

    /// The optimal alignment of one trace (activity codes), or `nil` if the search hit the state limit.
    func align(_ trace: [Int32], in graph: inout MarkingGraph) -> Alignment? {
        if graph.isFull { graph = makeGraph() }
        guard var alignment = search(trace, in: &graph) else { return nil }
        alignment.worstCost = trace.count * Alignment.deviationCost + modelOnlyCost
        return alignment
    }

    // MARK: - Search

    /// A queue entry: lower estimate first; among equals, the state further along the trace (it reaches the goal
    /// sooner). Both in one integer key, so that the heap compares one word.
    private struct Entry: Comparable {
        var key: UInt64
        var state: Int32

        init(estimate: Int, position: Int32, state: Int32) {
            // Estimates stay below 2^40 (10,000 per event and model step); positions below 2^24, since reaching
            // position p takes p states and the search gives up at `stateLimit`.
            key = UInt64(estimate) << 24 | UInt64(0xFF_FFFF - Int(position))
            self.state = state
        }

        static func < (a: Entry, b: Entry) -> Bool { a.key < b.key }
    }

    private func search(_ trace: [Int32], in graph: inout MarkingGraph) -> Alignment? {
        // A lower bound on what is left: events whose activity no transition carries, and events whose activity
        // the model can no longer perform from the marking (``FutureActivities``), can only be moves on log.
        var unmatchable = Array(repeating: 0, count: trace.count + 1)
        for index in stride(from: trace.count - 1, through: 0, by: -1) {
            unmatchable[index] = unmatchable[index + 1] + (activityInModel[Int(trace[index])] ? 0 : 1)
        }
        // The trace's activities the model has, and how often each occurs from every position on.
        let modelled = Array(Set(trace.filter { activityInModel[Int($0)] })).sorted()
        let kinds = modelled.count
        var remaining = Array(repeating: Int32(0), count: (trace.count + 1) * kinds)
        for index in stride(from: trace.count - 1, through: 0, by: -1) {
            for kind in 0..<kinds { remaining[index * kinds + kind] = remaining[(index + 1) * kinds + kind] }
            if let kind = modelled.firstIndex(of: trace[index]) { remaining[index * kinds + kind] += 1 }
        }
        // Remaining events of modelled activities from each position on.
        var modelledLeft = Array(repeating: 0, count: trace.count + 1)
        for index in stride(from: trace.count - 1, through: 0, by: -1) {
            modelledLeft[index] = modelledLeft[index + 1] + (activityInModel[Int(trace[index])] ? 1 : 0)
        }
        func heuristic(_ position: Int32, _ marking: Int32) -> Int {
            var impossible = 0
            let base = Int(position) * kinds
            if position < trace.count {
                for kind in 0..<kinds where remaining[base + kind] > 0 {
                    if !graph.isPossible(modelled[kind], from: marking) { impossible += Int(remaining[base + kind]) }
                }
            }
            // Visible steps the model must still take that the possible events left cannot match.
            let possible = modelledLeft[Int(position)] - impossible
            let modelMoves = max(0, Int(graph.visibleStepsToEnd[Int(marking)]) - possible)
            return (unmatchable[Int(position)] + impossible + modelMoves) * Alignment.deviationCost
        }

        var states = StateTable()
        var queue = Heap<Entry>()
        let initial = graph.id(of: net.initialMarking.map { UInt8(clamping: $0) })
        let goal = net.finalMarking.map { UInt8(clamping: $0) }
        let start = states.insert(marking: initial, position: 0, cost: 0, parent: -1, move: StateTable.startMove).state
        queue.insert(Entry(estimate: heuristic(0, initial), position: 0, state: start))
        while let entry = queue.popMin() {
            let state = Int(entry.state)
            if states.closed[state] { continue }
            states.closed[state] = true
            let position = states.position[state], cost = states.cost[state], marking = states.marking[state]
            if position == trace.count && graph.equals(marking, goal) {
                return reconstruct(states, end: state, trace: trace)
            }
            if states.count > stateLimit { return nil }

            func visit(_ next: Int32, _ nextPosition: Int32, _ moveCost: Int, _ move: Int32) {
                let (successor, improved) = states.insert(
                    marking: next, position: nextPosition, cost: cost + moveCost, parent: Int32(state), move: move)
                if improved {
                    queue.insert(
                        Entry(
                            estimate: cost + moveCost + heuristic(nextPosition, next), position: nextPosition,
                            state: successor))
                }
            }
            if position < trace.count {
                visit(marking, position + 1, Alignment.deviationCost, StateTable.logMove)
            }
            for index in graph.steps(from: marking) {
                let step = graph.steps[index]
                let activity = transitionActivity[Int(step.transition)]
                if activity == -1 {
                    visit(step.marking, position, Alignment.silentCost, step.transition)
                } else {
                    visit(step.marking, position, Alignment.deviationCost, step.transition)
                    if position < trace.count && trace[Int(position)] == activity {
                        visit(step.marking, position + 1, 0, step.transition)
                    }
                }
            }
        }
        return nil
    }

    private func reconstruct(_ states: StateTable, end: Int, trace: [Int32]) -> Alignment {
        var moves: [Alignment.Move] = []
        var state = end
        while states.move[state] != StateTable.startMove {
            let parent = Int(states.parent[state])
            let move = states.move[state]
            if move == StateTable.logMove {
                moves.append(.onLog(activity: activities[trace[Int(states.position[parent])]]))
            } else {
                let transition = net.net.transitions[Int(move)]
                if states.position[state] != states.position[parent] {
                    moves.append(.synchronous(activity: transition.label ?? "", transition: transition.id))
                } else {
                    moves.append(.onModel(transition: transition.id, label: transition.label))
                }
            }
            state = parent
        }
        return Alignment(moves: moves.reversed(), cost: states.cost[end], worstCost: 0)
    }
}

/// The search states of one alignment: a marking (its id in the ``MarkingGraph``) and a trace position, with the
/// cheapest cost found so far and how it was reached; an open-addressing table finds a state by the two.
struct StateTable {
    static let startMove: Int32 = -2
    static let logMove: Int32 = -1

    private(set) var marking: [Int32] = []
    private(set) var position: [Int32] = []
    private(set) var cost: [Int] = []
    private(set) var parent: [Int32] = []
    private(set) var move: [Int32] = []
    var closed: [Bool] = []
    private var slots = Array(repeating: Int32(-1), count: 1 << 10)

    var count: Int { position.count }

    private static func slot(_ marking: Int32, _ position: Int32, mask: Int) -> Int {
        let key = UInt64(UInt32(bitPattern: marking)) << 32 | UInt64(UInt32(bitPattern: position))
        let hash = key &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: hash >> 32) & mask
    }

    /// Finds or adds the state; records the new cost and origin if it is cheaper than the known one.
    mutating func insert(
        marking stateMarking: Int32, position statePosition: Int32, cost stateCost: Int, parent stateParent: Int32,
        move stateMove: Int32
    ) -> (state: Int32, improved: Bool) {
        let mask = slots.count - 1
        var slot = Self.slot(stateMarking, statePosition, mask: mask)
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { break }
            if marking[entry] == stateMarking && position[entry] == statePosition {
                guard stateCost < cost[entry], !closed[entry] else { return (Int32(entry), false) }
                cost[entry] = stateCost
                parent[entry] = stateParent
                move[entry] = stateMove
                return (Int32(entry), true)
            }
            slot = (slot + 1) & mask
        }
        let state = Int32(count)
        slots[slot] = state
        marking.append(stateMarking)
        position.append(statePosition)
        cost.append(stateCost)
        parent.append(stateParent)
        move.append(stateMove)
        closed.append(false)
        if count * 2 > slots.count { grow() }
        return (state, true)
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for state in 0..<count {
            var slot = Self.slot(marking[state], position[state], mask: mask)
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(state)
        }
    }
}
