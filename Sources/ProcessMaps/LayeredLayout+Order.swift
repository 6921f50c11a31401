extension LayeredLayout {
    /// Step 3: the order within each rank. Starts from a depth-first order, then sweeps down and up with
    /// barycentres and adjacent swaps, keeping the best order seen; stops after several sweeps without gain.
    mutating func order() {
        let rankCount = (rank.max() ?? 0) + 1
        ranks = Array(repeating: [], count: rankCount)
        // Depth-first from the top, heavier edges first, so that what belongs together starts together.
        var visited = [Bool](repeating: false, count: rank.count)
        var roots = Array(0..<rank.count).filter { up[$0].isEmpty }
        roots.sort { (rank[$0], $0) < (rank[$1], $1) }
        for root in roots where !visited[root] {
            var stack = [root]
            while let node = stack.popLast() {
                guard !visited[node] else { continue }
                visited[node] = true
                ranks[rank[node]].append(node)
                for next in down[node].reversed() where !visited[next.node] { stack.append(next.node) }
            }
        }
        var position = [Int](repeating: 0, count: rank.count)
        func index() {
            for nodes in ranks { for (offset, node) in nodes.enumerated() { position[node] = offset } }
        }
        index()
        var best = ranks
        var bestCrossings = totalCrossings(position)
        var stale = 0
        for iteration in 0..<24 where bestCrossings > 0 {
            let downwards = iteration % 2 == 0
            let sequence = downwards ? Array(1..<rankCount) : Array((0..<(rankCount - 1)).reversed())
            for r in sequence {
                let barycentre = ranks[r].map { node -> Double in
                    let neighbours = downwards ? up[node] : down[node]
                    guard !neighbours.isEmpty else { return Double(position[node]) }
                    var sum = 0.0
                    for neighbour in neighbours { sum += Double(position[neighbour.node]) }
                    return sum / Double(neighbours.count)
                }
                // Positions are compared in the neighbour rank's scale; a node without neighbours keeps its place
                // by being sorted on its own index scaled alike.
                let order = ranks[r].indices.sorted { (barycentre[$0], $0) < (barycentre[$1], $1) }
                ranks[r] = order.map { ranks[r][$0] }
                for (offset, node) in ranks[r].enumerated() { position[node] = offset }
            }
            transpose(&position)
            let crossings = totalCrossings(position)
            if crossings < bestCrossings {
                bestCrossings = crossings
                best = ranks
                stale = 0
            } else {
                stale += 1
                if stale >= 8 { break }
            }
        }
        ranks = best
    }

    /// Swaps neighbours on a rank wherever that removes crossings with both adjacent ranks, until no swap helps
    /// (bounded, for very wide ranks).
    private mutating func transpose(_ position: inout [Int]) {
        for _ in 0..<4 {
            var improved = false
            for r in ranks.indices where ranks[r].count > 1 && ranks[r].count <= 400 {
                for i in 0..<(ranks[r].count - 1) {
                    let v = ranks[r][i], w = ranks[r][i + 1]
                    let now = pairCrossings(v, w, position), swapped = pairCrossings(w, v, position)
                    if swapped < now {
                        ranks[r][i] = w
                        ranks[r][i + 1] = v
                        position[v] = i + 1
                        position[w] = i
                        improved = true
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

    func totalCrossings(_ position: [Int]) -> Int {
        var total = 0
        for r in 0..<max(ranks.count - 1, 0) {
            var pairs: [(Int, Int)] = []
            for node in ranks[r] { for next in down[node] { pairs.append((position[node], position[next.node])) } }
            total += Self.inversions(pairs, width: ranks[r + 1].count)
        }
        return total
    }

    /// Crossings of straight edges between two ranks: inversions of the lower ends when sorted by the upper,
    /// counted with an accumulator tree.
    static func inversions(_ pairs: [(Int, Int)], width: Int) -> Int {
        guard pairs.count > 1 else { return 0 }
        let sorted = pairs.sorted { $0 < $1 }
        var first = 1
        while first < width { first *= 2 }
        var tree = [Int](repeating: 0, count: 2 * first)
        var count = 0
        for (_, lower) in sorted {
            var index = lower + first
            tree[index] += 1
            while index > 1 {
                if index % 2 == 0 { count += tree[index + 1] }
                index /= 2
                tree[index] += 1
            }
        }
        return count
    }
}
