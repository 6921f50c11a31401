/// Which labelled transitions may still fire from a marking — an over-approximation from the net's structure:
/// a transition may fire only if every place it consumes from can still receive a token, and a place can only
/// receive one from a place that is marked now through some chain of transitions. Events of the rest of a trace
/// whose activity no such transition carries can only be moves on log; counting them gives the alignment search
/// a lower bound on the remaining cost that grows as the model moves past parts of the process.
///
/// Second, from the model's side: a token in a place not of the final marking must still pass through at least
/// ``distanceToEnd`` visible transitions (a static lower bound over the net's graph); those the remaining
/// possible events cannot match are moves on model.
///
/// Both bounds are consistent: firing a transition moves tokens only to places reachable from its inputs, so the
/// reachable places never grow along a path, and an event that leaves the trace by a synchronous move was
/// possible and not counted; a visible transition lowers the distance by at most one, a silent one not at all.
struct FutureActivities {
    /// Words of a place bit set.
    let words: Int
    /// Per place: the places reachable from it (itself included), as bits.
    private let reach: [UInt64]
    /// Per transition: the places it consumes from, as bits.
    private let needs: [UInt64]
    /// Per place: the fewest visible transitions a token there must still pass to reach the final marking (for
    /// places of the final marking 0; `unreachable` where it cannot).
    let distanceToEnd: [Int]
    static let unreachable = 1 << 20

    init(net: IndexedNet, transitionActivity: [Int32]) {
        let places = net.placeCount
        words = max(1, (places + 63) / 64)
        var next = Array(repeating: [Int](), count: places)
        for transition in 0..<net.transitionCount {
            for input in net.preset[transition] { next[input.place] += net.postset[transition].map(\.place) }
        }
        var reach = Array(repeating: UInt64(0), count: places * words)
        for start in 0..<places {
            var seen = Array(repeating: false, count: places), stack = [start]
            seen[start] = true
            while let place = stack.popLast() {
                reach[start * words + place / 64] |= 1 << UInt64(place % 64)
                for following in next[place] where !seen[following] {
                    seen[following] = true
                    stack.append(following)
                }
            }
        }
        var needs = Array(repeating: UInt64(0), count: net.transitionCount * words)
        for transition in 0..<net.transitionCount {
            for input in net.preset[transition] {
                needs[transition * words + input.place / 64] |= 1 << UInt64(input.place % 64)
            }
        }
        self.reach = reach
        self.needs = needs
        // Relaxed until nothing changes: a place's distance is the cheapest way on through one of its consumers,
        // which must then clear every place it marks (the farthest of them bounds what is left).
        var distance = net.finalMarking.map { $0 > 0 ? 0 : Self.unreachable }
        var changed = true
        while changed {
            changed = false
            for transition in 0..<net.transitionCount {
                let visible = transitionActivity[transition] == -1 ? 0 : 1
                let onward = net.postset[transition].map { distance[$0.place] }.max() ?? 0
                let through = min(Self.unreachable, visible + onward)
                for input in net.preset[transition] where through < distance[input.place] {
                    distance[input.place] = through
                    changed = true
                }
            }
        }
        distanceToEnd = distance
    }

    /// The places reachable from the marked places of `marking`, into `bits` (`words` long).
    func reachable(from marking: [UInt8], into bits: inout [UInt64]) {
        for word in 0..<words { bits[word] = 0 }
        for place in marking.indices where marking[place] > 0 {
            for word in 0..<words { bits[word] |= reach[place * words + word] }
        }
    }

    /// Whether every place `transition` consumes from is among `bits`.
    func canFire(_ transition: Int, within bits: [UInt64]) -> Bool {
        (0..<words).allSatisfy { needs[transition * words + $0] & ~bits[$0] == 0 }
    }
}
