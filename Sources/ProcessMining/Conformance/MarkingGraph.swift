import Foundation

/// The part of a net's reachability graph that alignment searches have visited: each marking once, with the
/// transitions enabled in it and the markings they lead to, and what the search's lower bound needs of it.
///
/// The synchronous product of a trace and the net pairs a trace position with a marking; searching it fires the
/// same transitions from the same markings again and again — at every position, and in every trace of the log.
/// Kept here, a marking is hashed, tested for enabled transitions and fired from once per worker instead of once
/// per search state, and a search state is two numbers. Grown lazily, so an unbounded or huge net costs only
/// what the searches touch; ``isFull`` tells the owner when to start afresh.
struct MarkingGraph {
    /// A successor: the transition fired and the marking reached.
    struct Step {
        var transition: Int32
        var marking: Int32
    }

    let net: IndexedNet
    let future: FutureActivities
    /// Per log activity (bit set over activity codes): whether the model may still perform it (``FutureActivities``).
    private let activityWords: Int
    private let transitionActivity: [Int32]
    /// Transitions that consume from no place (always enabled).
    private let sourceTransitions: [Int]

    private var markings: [UInt8] = []
    private var hashes: [UInt64] = []
    private var slots = Array(repeating: Int32(-1), count: 1 << 10)
    /// Per marking: the first and end index of its steps in `steps`, `-1` until expanded.
    private var stepStart: [Int32] = []
    private var stepEnd: [Int32] = []
    private(set) var steps: [Step] = []
    /// Per marking: the fewest visible transitions still to fire (``FutureActivities/visibleStepsToEnd(from:)``).
    private(set) var visibleStepsToEnd: [Int32] = []
    /// Per marking, `activityWords` words: the activities the model may still perform.
    private var possible: [UInt64] = []
    private var scratchPlaces: [UInt64]
    private var scratchMarking: [UInt8]
    private var candidates: [Int] = []
    private var seen: [UInt32]
    private var stamp: UInt32 = 0

    init(net: IndexedNet, future: FutureActivities, transitionActivity: [Int32], activityCount: Int) {
        self.net = net
        self.future = future
        self.transitionActivity = transitionActivity
        activityWords = max(1, (activityCount + 63) / 64)
        sourceTransitions = (0..<net.transitionCount).filter { net.preset[$0].isEmpty }
        scratchPlaces = Array(repeating: 0, count: future.words)
        scratchMarking = Array(repeating: 0, count: net.placeCount)
        seen = Array(repeating: 0, count: net.transitionCount)
    }

    var count: Int { stepStart.count }

    /// Whether the graph has grown so large that its owner should drop it between searches.
    var isFull: Bool { count > 500_000 || steps.count > 4_000_000 }

    /// Whether the model may still perform `activity` from marking `id`.
    func isPossible(_ activity: Int32, from id: Int32) -> Bool {
        possible[Int(id) * activityWords + Int(activity) / 64] & (1 << UInt64(activity % 64)) != 0
    }

    /// Whether marking `id` has exactly the tokens of `tokens`.
    func equals(_ id: Int32, _ tokens: [UInt8]) -> Bool { matches(Int(id), tokens) }

    /// The id of `marking`, adding it if it is new.
    mutating func id(of marking: [UInt8]) -> Int32 {
        let hash = Self.hash(marking)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { break }
            if hashes[entry] == hash && matches(entry, marking) { return Int32(entry) }
            slot = (slot + 1) & mask
        }
        let id = Int32(count)
        slots[slot] = id
        markings += marking
        hashes.append(hash)
        stepStart.append(-1)
        stepEnd.append(-1)
        var most = 0
        for place in marking.indices where marking[place] > 0 { most = max(most, future.distanceToEnd[place]) }
        visibleStepsToEnd.append(Int32(clamping: most))
        future.reachable(from: marking, into: &scratchPlaces)
        let base = possible.count
        possible += repeatElement(0, count: activityWords)
        for transition in 0..<net.transitionCount where transitionActivity[transition] >= 0 {
            let activity = Int(transitionActivity[transition])
            let word = base + activity / 64, bit = UInt64(1) << UInt64(activity % 64)
            if possible[word] & bit == 0 && future.canFire(transition, within: scratchPlaces) {
                possible[word] |= bit
            }
        }
        if count * 2 > slots.count { grow() }
        return id
    }

    /// The steps from marking `id`, in ascending transition order (computed on first use).
    mutating func steps(from id: Int32) -> Range<Int> {
        let marking = Int(id)
        if stepStart[marking] < 0 { expand(marking) }
        return Int(stepStart[marking])..<Int(stepEnd[marking])
    }

    private mutating func expand(_ marking: Int) {
        let places = net.placeCount
        let tokens = Array(markings[marking * places..<(marking + 1) * places])
        // Only transitions that consume from a marked place (or from none) can be enabled; sorted, so that the
        // search meets successors in one fixed order and finds the same optimum on every run.
        candidates.removeAll(keepingCapacity: true)
        stamp &+= 1
        for place in 0..<places where tokens[place] > 0 {
            for transition in net.consumers[place] where seen[transition] != stamp {
                seen[transition] = stamp
                candidates.append(transition)
            }
        }
        candidates += sourceTransitions
        candidates.sort()
        var found: [Step] = []
        for transition in candidates where Self.isEnabled(transition, in: tokens, net) {
            for place in 0..<places { scratchMarking[place] = tokens[place] }
            for arc in net.inputs[transition] { scratchMarking[net.inputPlace[arc]] -= UInt8(net.inputWeight[arc]) }
            for arc in net.outputs[transition] {
                scratchMarking[net.outputPlace[arc]] += UInt8(net.outputWeight[arc])
            }
            let next = scratchMarking
            found.append(Step(transition: Int32(transition), marking: id(of: next)))
        }
        stepStart[marking] = Int32(steps.count)
        steps += found
        stepEnd[marking] = Int32(steps.count)
    }

    private static func isEnabled(_ transition: Int, in marking: [UInt8], _ net: IndexedNet) -> Bool {
        for arc in net.inputs[transition] where Int(marking[net.inputPlace[arc]]) < net.inputWeight[arc] {
            return false
        }
        // A token count beyond 255 is not represented: such nets are far from the workflow nets aligned here.
        for arc in net.outputs[transition] where Int(marking[net.outputPlace[arc]]) + net.outputWeight[arc] > 255 {
            return false
        }
        return true
    }

    private static func hash(_ marking: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
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
        return hash
    }

    private func matches(_ marking: Int, _ tokens: [UInt8]) -> Bool {
        let places = net.placeCount
        guard places > 0 else { return true }
        return markings.withUnsafeBytes { stored in
            tokens.withUnsafeBytes { wanted in
                memcmp(stored.baseAddress! + marking * places, wanted.baseAddress!, places) == 0
            }
        }
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (marking, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(marking)
        }
    }
}
