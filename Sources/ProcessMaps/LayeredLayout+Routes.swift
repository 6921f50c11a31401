import Foundation

extension LayeredLayout {
    /// Step 5: vertical positions, ports and the curve of every edge.
    func routes() -> LayeredDrawing {
        // Rank heights, and gaps that grow with how far edges travel sideways in them.
        var rankHeight = [Double](repeating: 0, count: ranks.count)
        for node in rank.indices { rankHeight[rank[node]] = max(rankHeight[rank[node]], height[node]) }
        var top = [Double](repeating: options.margin, count: ranks.count)
        for r in ranks.indices.dropFirst() {
            var travel = 0.0
            for node in ranks[r - 1] { for next in down[node] { travel = max(travel, abs(x[next.node] - x[node])) } }
            // Neighbouring edges bending together stay apart by their spacing times the sine of their slope:
            // a gap of half the travel keeps the flattest part of a bend above 18°. Up to a limit (2,880 px by
            // default), reached only by maps of hundreds of activities at 100 %: there edges travelling several
            // thousand pixels sideways side by side may still come closer than a pixel.
            let gap = max(options.rankGap, min(120 * options.rankGap, travel / 2))
            top[r] = top[r - 1] + rankHeight[r - 1] + gap
        }
        func box(_ node: Int) -> Rect {
            let r = rank[node]
            return Rect(
                x: x[node] - left[node], y: top[r] + (rankHeight[r] - height[node]) / 2, width: 2 * left[node],
                height: height[node])
        }
        let boxes = (0..<realCount).map(box)

        // Ports: each edge its own point on the bottom of its upper node and on the top of its lower node,
        // in the order of where the edge goes next, so edges do not cross where they leave.
        var outPort = [Double](repeating: 0, count: chains.count), inPort = outPort
        var leaving = [[Int]](repeating: [], count: realCount), arriving = leaving
        for (index, chain) in chains.enumerated() where !chain.isEmpty {
            leaving[chain[0]].append(index)
            arriving[chain[chain.count - 1]].append(index)
        }
        for node in 0..<realCount {
            let frame = boxes[node]
            func spread(_ edges: [Int], key: (Int) -> Double, into ports: inout [Double]) {
                let sorted = edges.sorted { (key($0), $0) < (key($1), $1) }
                for (offset, edge) in sorted.enumerated() {
                    ports[edge] = frame.x + frame.width * Double(offset + 1) / Double(sorted.count + 1)
                }
            }
            spread(leaving[node], key: { x[chains[$0][1]] }, into: &outPort)
            spread(arriving[node], key: { x[chains[$0][chains[$0].count - 2]] }, into: &inPort)
        }

        let stagger = staggeredBends(outPort: outPort, inPort: inPort, top: top, rankHeight: rankHeight)
        var routes: [LayeredDrawing.Route] = []
        for (index, chain) in chains.enumerated() {
            let edge = graph.edges[index]
            guard !chain.isEmpty else {
                routes.append(selfLoop(boxes[edge.from], edge: edge))
                continue
            }
            var points = [Point(outPort[index], boxes[chain[0]].maxY)]
            func straight(to end: Point) {
                let start = points[points.count - 1]
                guard end != start else { return }
                points += [
                    Point(start.x + (end.x - start.x) / 3, start.y + (end.y - start.y) / 3),
                    Point(start.x + 2 * (end.x - start.x) / 3, start.y + 2 * (end.y - start.y) / 3), end,
                ]
            }
            func curve(to end: Point) {
                let start = points[points.count - 1]
                let third = (end.y - start.y) / 3
                points += [Point(start.x, start.y + third), Point(end.x, end.y - third), end]
            }
            // Across the whole gap, or — where ``staggeredBends`` says so — within a short stretch of it.
            func bend(to end: Point, hop: Int) {
                let start = points[points.count - 1]
                guard !stagger[index].isEmpty, let window = stagger[index][hop] else { return curve(to: end) }
                let height = end.y - start.y
                straight(to: Point(start.x, start.y + height * window.start))
                curve(to: Point(end.x, start.y + height * (window.start + window.length)))
                straight(to: end)
            }
            let first = rank[chain[0]]
            straight(to: Point(outPort[index], top[first] + rankHeight[first]))
            for (hop, node) in chain.enumerated().dropFirst().dropLast() {
                let r = rank[node]
                bend(to: Point(x[node], top[r]), hop: hop)
                straight(to: Point(x[node], top[r] + rankHeight[r]))
            }
            let last = chain[chain.count - 1]
            bend(to: Point(inPort[index], top[rank[last]]), hop: chain.count - 1)
            straight(to: Point(inPort[index], boxes[last].y))
            var label: Rect?
            if let node = labelNode[index] {
                let r = rank[node]
                label = Rect(
                    x: x[node] + options.labelGap, y: top[r] + (rankHeight[r] - edge.labelHeight) / 2,
                    width: edge.labelWidth, height: edge.labelHeight)
            }
            routes.append(LayeredDrawing.Route(points: reversed[index] ? points.reversed() : points, label: label))
        }
        let drawingWidth = (rank.indices.map { x[$0] + right[$0] }.max() ?? 0) + options.margin
        let drawingHeight = (top.last ?? 0) + (rankHeight.last ?? 0) + options.margin
        return LayeredDrawing(nodes: boxes, edges: routes, width: drawingWidth, height: drawingHeight)
    }

    /// One edge's passage through one gap between ranks: the `hop`-th node of its chain is the one below it.
    struct GapKey: Hashable {
        var chain: Int
        var hop: Int
    }

    /// Bends that would cross at a flat angle, moved apart. Two edges that swap places in a gap, moving sideways
    /// by about as much, cross with nearly the same slope: over a stretch they run within a pixel of each other
    /// and look like one line (large maps, where gaps are tall). One of them then bends in the upper part of the
    /// gap and the other in the lower, so that where they cross one runs straight down and the other slants —
    /// but only where neither comes to cross any other bend of the gap flatly that way.
    func staggeredBends(outPort: [Double], inPort: [Double], top: [Double], rankHeight: [Double])
        -> [[Bend.Window?]]
    {
        var gaps = [[Bend]](repeating: [], count: ranks.count)
        for (index, chain) in chains.enumerated() where chain.count > 1 {
            for hop in 1..<chain.count {
                let from = hop == 1 ? outPort[index] : x[chain[hop - 1]]
                let to = hop == chain.count - 1 ? inPort[index] : x[chain[hop]]
                gaps[rank[chain[hop]]].append(Bend(key: GapKey(chain: index, hop: hop), from: from, to: to))
            }
        }
        // By edge and hop; empty for an edge none of whose bends is staggered (most of them).
        var result = [[Bend.Window?]](repeating: [], count: chains.count)
        for r in gaps.indices.dropFirst() where gaps[r].count > 1 {
            let height = top[r] - top[r - 1] - rankHeight[r - 1]
            guard height > 0 else { continue }
            var bends = gaps[r]
            // Unstaggered bends cross where their order at the top and at the bottom differ: taken left to right
            // at the top, each crosses the bends before it that end further right (kept ordered by their ends).
            var flatPairs: [(Int, Int)] = []
            var byEnd: [Int] = []
            // (Stable: bends starting at one place in the order they were listed.)
            for (_, j) in bends.indices.map({ (bends[$0].from, $0) }).sorted(by: { $0.0 < $1.0 }) {
                var low = 0, high = byEnd.count
                while low < high {
                    let middle = (low + high) / 2
                    if bends[byEnd[middle]].to <= bends[j].to { low = middle + 1 } else { high = middle }
                }
                for i in byEnd[low...] where bends[i].crossesFlatly(bends[j], height: height) {
                    flatPairs.append((min(i, j), max(i, j)))
                }
                byEnd.insert(j, at: low)
            }
            flatPairs.sort { $0 < $1 }
            // Only bends whose sideways extents overlap can cross: found through columns of the drawing.
            let columns = NeighbourColumns(bends)
            func fitsIn(_ i: Int) -> Bool {
                columns.allNear(i) { $0 == i || !bends[i].crossesFlatly(bends[$0], height: height) }
            }
            // Both staggered, one above the other; else one of them alone, in the upper or lower part; the first
            // choice that crosses no other bend of the gap flatly. A bend staggered for an earlier pair stays; one
            // that does not move sideways cannot be staggered. `position` 0 is the top of the gap, 1 the bottom.
            func window(_ k: Int, at position: Double) -> Bend.Window {
                let length = bends[k].shortWindow(height: height, least: options.rankGap)
                return Bend.Window(start: Bend.margin + position * (1 - 2 * Bend.margin - length), length: length)
            }
            func movable(_ k: Int) -> Bool { bends[k].window == nil && abs(bends[k].to - bends[k].from) >= 1 }
            /// Staggers the bends at their positions if then none of them crosses any bend of the gap flatly.
            func tryStagger(_ choice: [(Int, Double)]) -> Bool {
                for (k, position) in choice { bends[k].window = window(k, at: position) }
                if choice.allSatisfy({ fitsIn($0.0) }) { return true }
                for (k, _) in choice { bends[k].window = nil }
                return false
            }
            for (i, j) in flatPairs where bends[i].crossesFlatly(bends[j], height: height) {
                let free = [i, j].filter(movable)
                var choices: [[(Int, Double)]] = []
                if free.count == 2 { choices += [[(i, 0), (j, 1)], [(i, 1), (j, 0)]] }
                for k in free { choices += [[(k, 0)], [(k, 1)]] }
                // Among these choices only `i` and `j` move: whether one of them, at a position, keeps clear of
                // every bend of the gap but the other is asked once (the choices ask it up to twice).
                var clearOfOthers: [Bool?] = [nil, nil, nil, nil]
                func fits(_ k: Int, at position: Double) -> Bool {
                    let slot = (k == i ? 0 : 2) + (position == 0 ? 0 : 1), partner = k == i ? j : i
                    if clearOfOthers[slot] == nil {
                        clearOfOthers[slot] = columns.allNear(k) {
                            $0 == i || $0 == j || !bends[k].crossesFlatly(bends[$0], height: height)
                        }
                    }
                    return clearOfOthers[slot]! && !bends[k].crossesFlatly(bends[partner], height: height)
                }
                let staggered = choices.contains { choice in
                    for (k, position) in choice { bends[k].window = window(k, at: position) }
                    if choice.allSatisfy({ fits($0.0, at: $0.1) }) { return true }
                    for (k, _) in choice { bends[k].window = nil }
                    return false
                }
                if staggered { continue }
                // Edges that run side by side (a bundle between two nodes) all cross a third edge flatly, and
                // staggering one of them alone makes it cross its neighbours: then the neighbours it would cross
                // move with it, at the same position — they stay side by side, now slanting where they cross.
                // Larger groups are not moved: a list of nine stands for more than eight. Asked once per bend
                // and position, like `fits`.
                var crossersOf: [[Int]?] = [nil, nil, nil, nil]
                func crossers(_ k: Int, at position: Double) -> [Int] {
                    let slot = (k == i ? 0 : 2) + (position == 0 ? 0 : 1)
                    if let known = crossersOf[slot] { return known }
                    bends[k].window = window(k, at: position)
                    var found: [Int] = []
                    _ = columns.allNear(k) { other in
                        if other != i, other != j, movable(other), bends[k].crossesFlatly(bends[other], height: height)
                        {
                            found.append(other)
                        }
                        return found.count <= 8
                    }
                    bends[k].window = nil
                    crossersOf[slot] = found
                    return found
                }
                for choice in choices {
                    var group = choice
                    for (k, position) in choice {
                        for other in crossers(k, at: position) where !group.contains(where: { $0.0 == other }) {
                            group.append((other, position))
                        }
                    }
                    if group.count > choice.count, group.count <= choice.count + 8, tryStagger(group) { break }
                }
            }
            for bend in bends {
                guard let window = bend.window else { continue }
                if result[bend.key.chain].isEmpty {
                    result[bend.key.chain] = Array(repeating: nil, count: chains[bend.key.chain].count)
                }
                result[bend.key.chain][bend.key.hop] = window
            }
        }
        return result
    }

    /// The bends of one gap by the columns (64 px wide) their sideways extent covers, to find the bends another
    /// one may cross without looking at all of them (a crowded gap of a large map holds hundreds).
    struct NeighbourColumns {
        static let width = 64.0
        private let first: Int
        private var members: [[Int]]

        init(_ bends: [Bend]) {
            // Widened by a pixel on each side, as bends that touch are neighbours (``Bend/crossesFlatly(_:height:)``).
            func column(_ x: Double) -> Int { Int((x / Self.width).rounded(.down)) }
            extents = bends.map { (column(min($0.from, $0.to) - 1), column(max($0.from, $0.to) + 1)) }
            first = extents.map(\.0).min() ?? 0
            let last = extents.map(\.1).max() ?? 0
            members = [[Int]](repeating: [], count: max(0, last - first + 1))
            for (index, extent) in extents.enumerated() {
                for c in extent.0...extent.1 { members[c - first].append(index) }
            }
        }

        private let extents: [(Int, Int)]

        /// Whether `condition` holds for every bend sharing a column with bend `index` (itself included), each
        /// asked once: in the first column the two share.
        func allNear(_ index: Int, _ condition: (Int) -> Bool) -> Bool {
            let (low, high) = extents[index]
            for c in low...high {
                for other in members[c - first] where max(low, extents[other].0) == c {
                    if !condition(other) { return false }
                }
            }
            return true
        }
    }

    /// An edge's curve through a gap between ranks, sideways position as a function of the share `t` of the gap's
    /// height passed (the curve's control points are spread evenly in height, so `t` is linear in y): smoothstep
    /// from `from` to `to`, over the whole gap or, staggered, within a window of it and straight down elsewhere.
    struct Bend {
        /// Where a staggered bend moves sideways, as shares of the gap's height.
        struct Window {
            var start: Double
            var length: Double
        }

        /// Crossings whose directions differ by less than this look like a shared line.
        static let flatAngle = 6 * Double.pi / 180
        static let flatTangent = tan(flatAngle)
        /// Staggered windows keep this share of the gap free at its top and bottom, where edges meet their nodes.
        static let margin = 0.05

        var key: GapKey
        var from: Double
        var to: Double
        var window: Window?

        /// A window short enough that the bend slants by about 45° at its steepest (`least` pixels high at
        /// least), within the upper or lower part of the gap.
        func shortWindow(height: Double, least: Double) -> Double {
            min(0.45, max(least, 1.5 * abs(to - from)) / height)
        }

        /// Where in the bend's own sideways move (0…1) it is at `t`, and how fast that changes with `t`.
        private func progress(_ t: Double) -> (u: Double, rate: Double) {
            guard let window else { return (t, 1) }
            let u = (t - window.start) / window.length
            return u <= 0 ? (0, 0) : u >= 1 ? (1, 0) : (u, 1 / window.length)
        }

        func x(_ t: Double) -> Double {
            let u = progress(t).u
            return from + (to - from) * u * u * (3 - 2 * u)
        }

        /// dx/dt.
        func slope(_ t: Double) -> Double {
            let (u, rate) = progress(t)
            return (to - from) * 6 * u * (1 - u) * rate
        }

        /// Whether the two cross where their directions differ by less than ``flatAngle``. Unstaggered pairs are
        /// solved exactly (they cross at most once, where the smoothstep reaches a known value); others sampled.
        func crossesFlatly(_ other: Bend, height: Double) -> Bool {
            // Bends whose sideways extents stay more than a pixel apart neither cross nor run side by side; ones
            // that merely touch (one ends where the other starts) may, once staggered, run down one line.
            guard max(from, to) + 1 > min(other.from, other.to), max(other.from, other.to) + 1 > min(from, to) else {
                return false
            }
            // The directions at `t` differ by less than the flat angle: with a and b the tangents of the two
            // directions' angles from the vertical, tan(α − β) = (a − b) / (1 + ab), and α − β lies within ±90°
            // exactly when 1 + ab > 0.
            func isFlat(_ t: Double) -> Bool {
                let a = slope(t) / height, b = other.slope(t) / height
                let product = 1 + a * b
                return product > 0 && abs(a - b) < Self.flatTangent * product
            }
            if window == nil && other.window == nil {
                let start = from - other.from, end = to - other.to
                guard start * end < 0 else { return false }
                // from − other.from + (Δ − other Δ)·S(t) = 0, S(t) = 3t² − 2t³ inverted in closed form.
                let level = start / (start - end)
                if let clear = Self.crossesFlatly(atLevel: level, to - from, other.to - other.from, height: height) {
                    return clear
                }
                return isFlat(0.5 - sin(asin(1 - 2 * level) / 3))
            }
            var samples = Samples(windows: window, other.window)
            func gap(_ t: Double) -> Double { abs(x(t) - other.x(t)) }
            var (earlier, before, previous) = ((t: 0.0, gap: Double.infinity), 0.0, from - other.from)
            while let t = samples.next() {
                let difference = x(t) - other.x(t)
                // Side by side within a pixel is as bad as crossing flatly.
                if abs(difference) < 1 && isFlat(t) { return true }
                if (previous < 0) != (difference < 0) {
                    if isFlat(crossing(other, between: before, previous, and: t, difference)) { return true }
                } else if abs(previous) <= earlier.gap, abs(previous) < abs(difference), abs(previous) < 16 {
                    // They came closest near the sample before without crossing (one leaving a port just beside
                    // the other's, one staggered): between samples they may come within a pixel, flat and
                    // unseen. The closest point, by golden-section search between the samples around it (one
                    // new distance per step, the stretch shrinking to a hundred-thousandth).
                    let ratio = 0.6180339887498949
                    var low = earlier.t, high = t
                    var inner = (high - ratio * (high - low), low + ratio * (high - low))
                    var gaps = (gap(inner.0), gap(inner.1))
                    for _ in 0..<24 {
                        if gaps.0 < gaps.1 {
                            high = inner.1
                            (inner.1, gaps.1) = (inner.0, gaps.0)
                            inner.0 = high - ratio * (high - low)
                            gaps.0 = gap(inner.0)
                        } else {
                            low = inner.0
                            (inner.0, gaps.0) = (inner.1, gaps.1)
                            inner.1 = low + ratio * (high - low)
                            gaps.1 = gap(inner.1)
                        }
                    }
                    let closest = (low + high) / 2
                    if gap(closest) < 1 && isFlat(closest) { return true }
                }
                earlier = (before, abs(previous))
                (before, previous) = (t, difference)
            }
            return false
        }

        /// Whether two unstaggered bends, moving sideways by `move` and `otherMove` in a gap `height` high, cross
        /// flatly where each has covered `level` of its move — without solving for where that is, unless it lies
        /// within a hair of the boundary (then nil). A million crossing pairs of a large map are asked this.
        ///
        /// At the share t of the gap both slopes are their move times q = 6t(1 − t)/height, and (with the
        /// tangent-difference rule of `isFlat`) they cross flatly exactly when F(q) = T·P·q² − |D|·q + T > 0,
        /// where T is the tangent of the flat angle, P the product and D the difference of the moves. F(0) > 0,
        /// so they are steep only for q between the roots qa = 2T / (|D| + √(D² − 4T²P)) and (where P > 0) the
        /// other one, 1 / (P·qa). q rises with min(t, 1 − t), and so does the level covered by then, 3m² − 2m³:
        /// the roots become bounds on the level.
        static func crossesFlatly(atLevel level: Double, _ move: Double, _ otherMove: Double, height: Double)
            -> Bool?
        {
            let product = move * otherMove, difference = abs(move - otherMove)
            let discriminant = difference * difference - 4 * flatTangent * flatTangent * product
            guard discriminant >= 0 else { return true }
            let sum = difference + discriminant.squareRoot()
            guard sum > 0 else { return nil }
            let steepFrom = 2 * flatTangent / sum
            let steepTo = product > 0 ? 1 / (product * steepFrom) : .infinity
            // The level covered at the m (≤ ½) where q is reached; infinite when q is never reached.
            func levelAt(_ q: Double) -> Double {
                let x = 2 * q * height / 3
                guard x <= 1 else { return .infinity }
                let m = x / (2 * (1 + (1 - x).squareRoot()))
                return m * m * (3 - 2 * m)
            }
            let nearEnd = min(level, 1 - level), margin = 1e-9
            let (low, high) = (levelAt(steepFrom), levelAt(steepTo))
            if nearEnd > low + margin && nearEnd < high - margin { return false }
            if nearEnd < low - margin || nearEnd > high + margin { return true }
            return nil
        }

        /// Where the two cross between `low` and `high`, given how far apart they are there (of opposite signs),
        /// to within a millionth of that stretch: Newton's steps, kept inside the stretch known to hold the
        /// crossing and halving it where a step would leave it.
        private func crossing(_ other: Bend, between low: Double, _ atLow: Double, and high: Double, _ atHigh: Double)
            -> Double
        {
            let tolerance = (high - low) * 0x1p-20
            var (low, high) = (low, high)
            var t = low + (high - low) * atLow / (atLow - atHigh)
            for _ in 0..<40 {
                let difference = x(t) - other.x(t)
                guard difference != 0 else { return t }
                if (difference < 0) == (atLow < 0) { low = t } else { high = t }
                guard high - low > tolerance else { break }
                let step = difference / (slope(t) - other.slope(t))
                let next = t - step
                t = next > low && next < high ? next : (low + high) / 2
                if abs(step) <= tolerance { return t }
            }
            return t
        }
    }

    /// The shares of a gap's height where ``Bend/crossesFlatly(_:height:)`` compares two bends, in rising order
    /// without repeats: across each window given, a sample every 64th of the gap and 16 at least (a bend that
    /// moves a few pixels within 24 has a window far shorter than a 64th), then the bottom of the gap. Outside
    /// the windows one bend runs straight down and the other is straight too or bends over the whole gap, so how
    /// far apart they are only grows or shrinks there: the ends of those stretches are enough. Merged as they
    /// are asked for, as this runs for many pairs of bends.
    struct Samples {
        private let first: (window: Bend.Window, count: Int)?
        private let second: (window: Bend.Window, count: Int)?
        private var taken = (0, 0, false)  // how many of each window's samples are taken; the bottom
        private var last = 0.0

        init(windows first: Bend.Window?, _ second: Bend.Window?) {
            func count(_ window: Bend.Window) -> Int { max(16, Int((64 * window.length).rounded(.up))) }
            self.first = first.map { ($0, count($0)) }
            self.second = second.map { ($0, count($0)) }
        }

        private static func inWindow(_ window: (window: Bend.Window, count: Int)?, _ index: Int) -> Double {
            guard let window, index <= window.count else { return .infinity }
            return window.window.start + window.window.length * Double(index) / Double(window.count)
        }

        mutating func next() -> Double? {
            while true {
                let a = Self.inWindow(first, taken.0), b = Self.inWindow(second, taken.1)
                let bottom = taken.2 ? Double.infinity : 1
                let t = min(a, b, bottom)
                guard t < .infinity else { return nil }
                if t == a { taken.0 += 1 } else if t == b { taken.1 += 1 } else { taken.2 = true }
                if t > last {
                    last = t
                    return t
                }
            }
        }
    }

    /// A loop on the right side of its box, out at the upper quarter and back at the lower, label beside it.
    private func selfLoop(_ frame: Rect, edge: LayeredGraph.Edge) -> LayeredDrawing.Route {
        let side = frame.maxX, middle = frame.center.y
        let upper = middle - frame.height / 4, lower = middle + frame.height / 4
        let reach = side + options.selfLoopWidth * 4 / 3
        let points = [Point(side, upper), Point(reach, upper - 2), Point(reach, lower + 2), Point(side, lower)]
        let label =
            edge.hasLabel
            ? Rect(
                x: side + options.selfLoopWidth + options.labelGap, y: middle - edge.labelHeight / 2,
                width: edge.labelWidth, height: edge.labelHeight) : nil
        return LayeredDrawing.Route(points: points, label: label)
    }
}
