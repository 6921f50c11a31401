import HeapModule

/// Finds optimal alignments of traces with an accepting Petri net: a shortest-path search (A* with a
/// consistent heuristic) over the synchronous product of trace and net, under pm4py's standard cost function —
/// moves on log and visible moves on model cost 10,000, silent moves 1, synchronous moves 0. Any optimal
/// alignment has the same cost, so fitness agrees with pm4py's exactly, whichever optimum either finds.
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

    init(net: IndexedNet, activities: StringPool, stateLimit: Int = 2_000_000) throws(MiningError) {
        self.net = net
        self.activities = activities
        self.stateLimit = stateLimit
        var activityInModel = Array(repeating: false, count: activities.count)
        transitionActivity = (0..<net.transitionCount).map { transition in
            guard let label = net.label(transition) else { return -1 }
            guard let code = activities.existingCode(label) else { return -2 }
            activityInModel[Int(code)] = true
            return code
        }
        self.activityInModel = activityInModel
        guard let empty = search([]) else {
            throw MiningError(
                file: net.net.id,
                message:
                    "Das Modell erreicht seine Endmarkierung nicht; ohne vollständigen Lauf gibt es keine Alignments.")
        }
        modelOnlyCost = empty.cost
    }

    /// The optimal alignment of one trace (activity codes), or `nil` if the search hit the state limit.
    func align(_ trace: [Int32]) -> Alignment? {
        guard var alignment = search(trace) else { return nil }
        alignment.worstCost = trace.count * Alignment.deviationCost + modelOnlyCost
        return alignment
    }

    // MARK: - Search

    private struct Entry: Comparable {
        var estimate: Int
        var position: Int32
        var state: Int32
        /// Lower estimate first; among equals, the state further along the trace (reaches the goal sooner).
        static func < (a: Entry, b: Entry) -> Bool {
            a.estimate != b.estimate ? a.estimate < b.estimate : a.position > b.position
        }
    }

    private func search(_ trace: [Int32]) -> Alignment? {
        // Events whose activity no transition carries can only be moves on log: a lower bound on what is left.
        var unmatchable = Array(repeating: 0, count: trace.count + 1)
        for index in stride(from: trace.count - 1, through: 0, by: -1) {
            unmatchable[index] = unmatchable[index + 1] + (activityInModel[Int(trace[index])] ? 0 : 1)
        }
        func heuristic(_ position: Int32) -> Int { unmatchable[Int(position)] * Alignment.deviationCost }

        var states = StateTable(placeCount: net.placeCount)
        var queue = Heap<Entry>()
        var marking = net.initialMarking.map { UInt8(clamping: $0) }
        let goal = net.finalMarking.map { UInt8(clamping: $0) }
        let start = states.insert(marking, position: 0, cost: 0, parent: -1, move: StateTable.startMove).state
        queue.insert(Entry(estimate: heuristic(0), position: 0, state: start))
        while let entry = queue.popMin() {
            let state = Int(entry.state)
            if states.closed[state] { continue }
            states.closed[state] = true
            let position = states.position[state], cost = states.cost[state]
            states.copyMarking(of: state, into: &marking)
            if position == trace.count && marking == goal { return reconstruct(states, end: state, trace: trace) }
            if states.count > stateLimit { return nil }

            func visit(_ next: [UInt8], _ nextPosition: Int32, _ moveCost: Int, _ move: Int32) {
                let (successor, improved) = states.insert(
                    next, position: nextPosition, cost: cost + moveCost, parent: Int32(state), move: move)
                if improved {
                    queue.insert(
                        Entry(
                            estimate: cost + moveCost + heuristic(nextPosition), position: nextPosition,
                            state: successor))
                }
            }
            if position < trace.count {
                visit(marking, position + 1, Alignment.deviationCost, StateTable.logMove)
            }
            var successor = marking
            for transition in 0..<net.transitionCount where isEnabled(transition, in: marking) {
                fire(transition, from: marking, into: &successor)
                let activity = transitionActivity[transition]
                if activity == -1 {
                    visit(successor, position, Alignment.silentCost, Int32(transition))
                } else {
                    visit(successor, position, Alignment.deviationCost, Int32(transition))
                    if position < trace.count && trace[Int(position)] == activity {
                        visit(successor, position + 1, 0, Int32(transition))
                    }
                }
            }
        }
        return nil
    }

    private func isEnabled(_ transition: Int, in marking: [UInt8]) -> Bool {
        for arc in net.preset[transition] where Int(marking[arc.place]) < arc.weight { return false }
        // A token count beyond 255 is not represented: such nets are far from the workflow nets aligned here.
        for arc in net.postset[transition] where Int(marking[arc.place]) + arc.weight > 255 { return false }
        return true
    }

    private func fire(_ transition: Int, from marking: [UInt8], into successor: inout [UInt8]) {
        successor = marking
        for arc in net.preset[transition] { successor[arc.place] -= UInt8(arc.weight) }
        for arc in net.postset[transition] { successor[arc.place] += UInt8(arc.weight) }
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

/// The search states of one alignment: marking and trace position, with the cheapest cost found so far and
/// how it was reached. Markings live in one byte array; an open-addressing table finds a state by content.
struct StateTable {
    static let startMove: Int32 = -2
    static let logMove: Int32 = -1

    let placeCount: Int
    private var markings: [UInt8] = []
    private(set) var position: [Int32] = []
    private(set) var cost: [Int] = []
    private(set) var parent: [Int32] = []
    private(set) var move: [Int32] = []
    var closed: [Bool] = []
    private var hashes: [UInt64] = []
    private var slots = Array(repeating: Int32(-1), count: 1 << 12)

    init(placeCount: Int) { self.placeCount = placeCount }

    var count: Int { position.count }

    func copyMarking(of state: Int, into marking: inout [UInt8]) {
        for place in 0..<placeCount { marking[place] = markings[state * placeCount + place] }
    }

    /// Finds or adds the state; records the new cost and origin if it is cheaper than the known one.
    mutating func insert(
        _ marking: [UInt8], position statePosition: Int32, cost stateCost: Int, parent stateParent: Int32,
        move stateMove: Int32
    ) -> (state: Int32, improved: Bool) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(UInt32(bitPattern: statePosition))
        for byte in marking { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { break }
            if hashes[entry] == hash && position[entry] == statePosition && sameMarking(entry, marking) {
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
        markings += marking
        position.append(statePosition)
        cost.append(stateCost)
        parent.append(stateParent)
        move.append(stateMove)
        closed.append(false)
        hashes.append(hash)
        if count * 2 > slots.count { grow() }
        return (state, true)
    }

    private func sameMarking(_ state: Int, _ marking: [UInt8]) -> Bool {
        let base = state * placeCount
        for place in 0..<placeCount where markings[base + place] != marking[place] { return false }
        return true
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (state, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(state)
        }
    }
}
