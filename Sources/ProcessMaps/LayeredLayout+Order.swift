extension LayeredLayout {
    /// Step 3: the order within each rank.
    mutating func order() {
        let rankCount = (rank.max() ?? 0) + 1
        // Small and middling maps get several tries — three first orders (depth-first with the edges as given
        // and reversed, breadth-first), each swept with medians and with barycentres — and the
        // order with the fewest crossings wins. Huge maps (a hundred thousand placeholders) get one, so that
        // their layout stays within a second.
        let small = rank.count <= 20_000
        var best: [[Int]] = []
        var bestCrossings = Int.max
        for start in 0..<(small ? 3 : 1) where bestCrossings > 0 {
            for barycentre in small ? [false, true] : [true] where bestCrossings > 0 {
                ranks = initialOrder(rankCount: rankCount, variant: start)
                let crossings = sweep(
                    rankCount: rankCount, barycentre: barycentre, iterations: small ? 24 : 4)
                if crossings < bestCrossings {
                    bestCrossings = crossings
                    best = ranks
                }
            }
        }
        ranks = best
    }

    /// A first order: nodes in the order a search from the top meets them.
    private func initialOrder(rankCount: Int, variant: Int) -> [[Int]] {
        var result = [[Int]](repeating: [], count: rankCount)
        var visited = [Bool](repeating: false, count: rank.count)
        // Every placeholder has a neighbour above: the roots are real nodes.
        var roots = (0..<realCount).filter { up[$0].isEmpty }
        var leaving = [[Int]](repeating: [], count: realCount)
        for (edge, chain) in chains.enumerated() where !chain.isEmpty { leaving[chain[0]].append(edge) }
        roots.sort { (rank[$0], $0) < (rank[$1], $1) }
        for root in roots where !visited[root] {
            if variant == 2 {
                var queue = [root], head = 0
                visited[root] = true
                while head < queue.count {
                    let node = queue[head]
                    head += 1
                    result[rank[node]].append(node)
                    for next in down[node] where !visited[next.node] {
                        visited[next.node] = true
                        queue.append(next.node)
                    }
                }
            } else {
                // Depth first. A placeholder has one edge in and one out, so once a search enters an edge's chain
                // it meets the chain's placeholders one after the other: they are taken in one go from `chains`
                // (on huge maps, following links node by node through memory cost a tenth of the layout).
                // Entries of `stack`: a node, or −1 − e for the placeholders of edge e.
                var stack = [root]
                while let entry = stack.popLast() {
                    guard entry >= 0 else {
                        let chain = chains[-1 - entry]
                        for node in chain.dropFirst().dropLast() { result[rank[node]].append(node) }
                        if !visited[chain[chain.count - 1]] { stack.append(chain[chain.count - 1]) }
                        continue
                    }
                    let node = entry
                    guard !visited[node] else { continue }
                    visited[node] = true
                    result[rank[node]].append(node)
                    // The chains leaving `node`, in the order of its links (first reversed, for variant 0).
                    let edges = leaving[node]
                    for position in 0..<edges.count {
                        let edge = edges[variant == 0 ? edges.count - 1 - position : position]
                        let next = chains[edge][1]
                        if !isReal(next) {
                            stack.append(-1 - edge)
                        } else if !visited[next] {
                            stack.append(next)
                        }
                    }
                }
            }
        }
        return result
    }

    /// Median (or barycentre) sweeps down and up with adjacent swaps, keeping the best order seen; stops after several
    /// sweeps without gain. Returns the crossings of the order it leaves in `ranks`.
    private mutating func sweep(rankCount: Int, barycentre useBarycentre: Bool, iterations: Int) -> Int {
        var position = [Int](repeating: 0, count: rank.count)
        for nodes in ranks { for (offset, node) in nodes.enumerated() { position[node] = offset } }
        var best = ranks
        var counts = CrossingCounts(rankCount: rankCount)
        var bestCrossings = counts.total(self, position)
        var stale = 0
        var values: [Double] = []
        var keys: [(Double, Int)] = [], movable: [Int] = []
        for iteration in 0..<iterations where bestCrossings > 0 {
            let downwards = iteration % 2 == 0
            let sequence = downwards ? Array(1..<rankCount) : Array((0..<(rankCount - 1)).reversed())
            for r in sequence {
                let nodes = ranks[r]
                keys.removeAll(keepingCapacity: true)
                movable.removeAll(keepingCapacity: true)
                let side = downwards ? up : down
                for (index, node) in nodes.enumerated() {
                    let range = side.offsets[node]..<side.offsets[node + 1]
                    guard !range.isEmpty else { continue }
                    let key: Double
                    if useBarycentre || range.count == 1 {
                        var sum = 0
                        for link in range { sum += position[side.links[link].node] }
                        key = Double(sum) / Double(range.count)
                    } else {
                        values.removeAll(keepingCapacity: true)
                        for link in range { values.append(Double(position[side.links[link].node])) }
                        values.sort()
                        let middle = values.count / 2
                        key = values.count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2
                    }
                    keys.append((key, index))
                    movable.append(index)
                }
                // Nodes without neighbours on that side stay where they are; the others are sorted around them,
                // equal keys in their present order (the sort is stable, and `keys` lists them in that order).
                Self.sortStably(&keys)
                var next = nodes
                for (slot, entry) in zip(movable, keys) { next[slot] = nodes[entry.1] }
                if next != nodes {
                    ranks[r] = next
                    counts.changed[r] = true
                }
                for (offset, node) in next.enumerated() { position[node] = offset }
            }
            transpose(&position, equalSwaps: iteration % 4 == 3, changed: &counts.changed)
            let crossings = counts.total(self, position)
            if crossings < bestCrossings {
                bestCrossings = crossings
                best = ranks
                stale = 0
            } else {
                stale += 1
                if stale >= 6 { break }
            }
        }
        ranks = best
        return bestCrossings
    }

    /// Sorts by the first element, keeping the order of equal ones. Sweeps after the first move few nodes, so
    /// the keys come nearly in order: insertion sort takes them in about one pass; where it would move them more
    /// than a few times over, the library's (stable) sort takes over from where it stopped.
    static func sortStably(_ keys: inout [(Double, Int)]) {
        var moves = 0
        let budget = 8 * keys.count
        let done = keys.withUnsafeMutableBufferPointer { buffer in
            for index in buffer.indices.dropFirst() {
                let item = buffer[index]
                var slot = index
                while slot > 0 && buffer[slot - 1].0 > item.0 {
                    buffer[slot] = buffer[slot - 1]
                    slot -= 1
                }
                buffer[slot] = item
                moves += index - slot
                if moves > budget { return false }
            }
            return true
        }
        if !done { keys.sort { $0.0 < $1.0 } }
    }

    /// Swaps neighbours on a rank wherever that removes crossings with both adjacent ranks, until no swap helps
    /// (bounded, for very wide ranks). Now and then swaps that change nothing are made too, to leave a plateau.
    private mutating func transpose(_ position: inout [Int], equalSwaps: Bool, changed: inout [Bool]) {
        for _ in 0..<4 {
            var improved = false
            for r in ranks.indices where ranks[r].count > 1 && ranks[r].count <= 400 {
                for i in 0..<(ranks[r].count - 1) {
                    let v = ranks[r][i], w = ranks[r][i + 1]
                    let now = pairCrossings(v, w, position), swapped = pairCrossings(w, v, position)
                    if swapped < now || (equalSwaps && swapped == now && now > 0) {
                        ranks[r][i] = w
                        ranks[r][i + 1] = v
                        changed[r] = true
                        position[v] = i + 1
                        position[w] = i
                        if swapped < now { improved = true }
                    }
                }
            }
            if !improved { break }
        }
    }

    /// Crossings between the edges of `v` and of `w` (with `v` left of `w`) to both neighbouring ranks.
    private func pairCrossings(_ v: Int, _ w: Int, _ position: [Int]) -> Int {
        var count = 0
        for a in up[v] { for b in up[w] where position[a.node] > position[b.node] { count += 1 } }
        for a in down[v] { for b in down[w] where position[a.node] > position[b.node] { count += 1 } }
        return count
    }

    /// The crossings between each rank and the next, counted again only where one of the two changed since.
    struct CrossingCounts {
        private(set) var perGap: [Int]
        /// Ranks whose order changed since the last count.
        var changed: [Bool]
        private var lowerEnds: [Int] = []
        private var tree: [Int] = []

        init(rankCount: Int) {
            perGap = Array(repeating: 0, count: max(rankCount - 1, 0))
            changed = Array(repeating: true, count: rankCount)
        }

        mutating func total(_ layout: LayeredLayout, _ position: [Int]) -> Int {
            for r in perGap.indices where changed[r] || changed[r + 1] {
                lowerEnds.removeAll(keepingCapacity: true)
                // Nodes in rank order give the edges already sorted by their upper end; a node's own edges are
                // sorted by their lower end.
                for node in layout.ranks[r] {
                    let start = lowerEnds.count
                    for link in layout.down.offsets[node]..<layout.down.offsets[node + 1] {
                        lowerEnds.append(position[layout.down.links[link].node])
                    }
                    if lowerEnds.count - start > 1 { lowerEnds[start...].sort() }
                }
                perGap[r] = LayeredLayout.inversions(lowerEnds, width: layout.ranks[r + 1].count, tree: &tree)
            }
            for r in changed.indices { changed[r] = false }
            return perGap.reduce(0, +)
        }
    }

    /// Crossings of straight edges between two ranks: inversions of their lower ends, given in the order of
    /// their upper ends (then lower ends), counted with an accumulator tree (`tree` is scratch space, kept
    /// between calls so that a rank pair needs no allocation).
    static func inversions(_ lowerEnds: [Int], width: Int, tree: inout [Int]) -> Int {
        guard lowerEnds.count > 1 else { return 0 }
        var first = 1
        while first < width { first *= 2 }
        if tree.count < 2 * first { tree = [Int](repeating: 0, count: 2 * first) }
        var count = 0
        tree.withUnsafeMutableBufferPointer { tree in
            for index in 0..<(2 * first) { tree[index] = 0 }
            for lower in lowerEnds {
                var index = lower + first
                tree[index] += 1
                while index > 1 {
                    // A left child counts the ends already in its right sibling — without a branch, which the
                    // processor could not predict.
                    count += tree[index ^ 1] &* (1 &- index & 1)
                    index /= 2
                    tree[index] += 1
                }
            }
        }
        return count
    }
}
