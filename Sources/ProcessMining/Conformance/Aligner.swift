import Foundation
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
    /// Which activities the model may still perform from a marking (for the search's lower bound).
    let future: FutureActivities
    /// Transitions that consume from no place (always enabled).
    let sourceTransitions: [Int]

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
        sourceTransitions = (0..<net.transitionCount).filter { net.preset[$0].isEmpty }
        future = FutureActivities(
            net: net, transitionActivity: transitionActivity, activityCount: activities.count)
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
        var reachable = Array(repeating: UInt64(0), count: future.words)
        var candidates: [Int] = [], seen = Array(repeating: UInt32(0), count: net.transitionCount)
        var stamp: UInt32 = 0
        // Remaining events of modelled activities from each position on.
        var modelledLeft = Array(repeating: 0, count: trace.count + 1)
        for index in stride(from: trace.count - 1, through: 0, by: -1) {
            modelledLeft[index] = modelledLeft[index + 1] + (activityInModel[Int(trace[index])] ? 1 : 0)
        }
        func heuristic(_ position: Int32, _ marking: [UInt8]) -> Int {
            var impossible = 0
            let base = Int(position) * kinds
            if kinds > 0 && position < trace.count {
                future.reachable(from: marking, into: &reachable)
                for kind in 0..<kinds where remaining[base + kind] > 0 {
                    if !future.isPossible(modelled[kind], within: reachable) {
                        impossible += Int(remaining[base + kind])
                    }
                }
            }
            // Visible steps the model must still take that the possible events left cannot match.
            let possible = modelledLeft[Int(position)] - impossible
            let modelMoves = max(0, future.visibleStepsToEnd(from: marking) - possible)
            return (unmatchable[Int(position)] + impossible + modelMoves) * Alignment.deviationCost
        }

        var states = StateTable(placeCount: net.placeCount)
        var queue = Heap<Entry>()
        var marking = net.initialMarking.map { UInt8(clamping: $0) }
        let goal = net.finalMarking.map { UInt8(clamping: $0) }
        let start = states.insert(marking, position: 0, cost: 0, parent: -1, move: StateTable.startMove).state
        queue.insert(Entry(estimate: heuristic(0, marking), position: 0, state: start))
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
                            estimate: cost + moveCost + heuristic(nextPosition, next), position: nextPosition,
                            state: successor))
                }
            }
            if position < trace.count {
                visit(marking, position + 1, Alignment.deviationCost, StateTable.logMove)
            }
            var successor = marking
            // Only transitions that consume from a marked place (or from none) can be enabled; in ascending
            // order, so that among optimal alignments the same one is found as by trying every transition.
            candidates.removeAll(keepingCapacity: true)
            stamp &+= 1
            for place in 0..<net.placeCount where marking[place] > 0 {
                for transition in net.consumers[place] where seen[transition] != stamp {
                    seen[transition] = stamp
                    candidates.append(transition)
                }
            }
            candidates += sourceTransitions
            candidates.sort()
            for transition in candidates where isEnabled(transition, in: marking) {
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
        for arc in net.inputs[transition] where Int(marking[net.inputPlace[arc]]) < net.inputWeight[arc] {
            return false
        }
        // A token count beyond 255 is not represented: such nets are far from the workflow nets aligned here.
        for arc in net.outputs[transition] where Int(marking[net.outputPlace[arc]]) + net.outputWeight[arc] > 255 {
            return false
        }
        return true
    }

    private func fire(_ transition: Int, from marking: [UInt8], into successor: inout [UInt8]) {
        for place in 0..<marking.count { successor[place] = marking[place] }
        for arc in net.inputs[transition] { successor[net.inputPlace[arc]] -= UInt8(net.inputWeight[arc]) }
        for arc in net.outputs[transition] { successor[net.outputPlace[arc]] += UInt8(net.outputWeight[arc]) }
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
        // Eight places at a time: markings are short byte strings, hashed as words.
        marking.withUnsafeBytes { bytes in
            var offset = 0
            while offset + 8 <= bytes.count {
                hash = (hash ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x100_0000_01b3
                hash ^= hash >> 32
                offset += 8
            }
            while offset < bytes.count {
                hash = (hash ^ UInt64(bytes[offset])) &* 0x100_0000_01b3
                offset += 1
            }
        }
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
        guard placeCount > 0 else { return true }
        let base = state * placeCount
        return markings.withUnsafeBytes { stored in
            marking.withUnsafeBytes { wanted in
                memcmp(stored.baseAddress! + base, wanted.baseAddress!, placeCount) == 0
            }
        }
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
