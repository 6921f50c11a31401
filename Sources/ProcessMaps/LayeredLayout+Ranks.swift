extension LayeredLayout {
    /// Directions, ranks and the placeholders of long edges (steps 1 and 2).
    mutating func assignRanks() {
        let sequence = flowSequence()
        var position = [Int](repeating: 0, count: realCount)
        for (index, node) in sequence.enumerated() { position[node] = index }
        reversed = graph.edges.map { position[$0.from] > position[$0.to] }
        let layer = layers(sequence: sequence, position: position)
        buildLayeredGraph(layer: layer)
    }

    /// The order in which a depth-first search from the start meets the nodes, following the most frequent
    /// edge first (reverse postorder): edges back to a node on the current path point upwards, everything
    /// else down — the reading order of a process, from its start.
    private func flowSequence() -> [Int] {
        var outgoing = [[Int]](repeating: [], count: realCount)
        for (index, edge) in graph.edges.enumerated() where edge.from != edge.to { outgoing[edge.from].append(index) }
        for node in outgoing.indices {
            outgoing[node].sort { (graph.edges[$1].weight, $0) < (graph.edges[$0].weight, $1) }
        }
        var visited = [Bool](repeating: false, count: realCount)
        var postorder: [Int] = []
        let roots =
            (0..<realCount).filter { graph.nodes[$0].pin == .first }
            + (0..<realCount).filter { graph.nodes[$0].pin != .first }
        for root in roots where !visited[root] && graph.nodes[root].pin != .last {
            // Iterative: (node, next edge to try).
            var stack = [(root, 0)]
            visited[root] = true
            while let (node, next) = stack.last {
                if next < outgoing[node].count {
                    stack[stack.count - 1].1 += 1
                    let target = graph.edges[outgoing[node][next]].to
                    if !visited[target] && graph.nodes[target].pin != .last {
                        visited[target] = true
                        stack.append((target, 0))
                    }
                } else {
                    postorder.append(node)
                    stack.removeLast()
                }
            }
        }
        let last = (0..<realCount).filter { graph.nodes[$0].pin == .last }
        return postorder.reversed() + last
    }

    /// Longest-path layers in the greedy sequence, then each node moved within its free range to the end that
    /// shortens its edges (more edges in than out: up; more out than in: down), until nothing moves.
    private func layers(sequence: [Int], position: [Int]) -> [Int] {
        var predecessors = [[Int]](repeating: [], count: realCount), successors = predecessors
        for (index, edge) in graph.edges.enumerated() where edge.from != edge.to {
            let (a, b) = reversed[index] ? (edge.to, edge.from) : (edge.from, edge.to)
            successors[a].append(b)
            predecessors[b].append(a)
        }
        let hasFirst = graph.nodes.contains { $0.pin == .first }
        var layer = [Int](repeating: 0, count: realCount)
        for node in sequence where graph.nodes[node].pin != .first {
            layer[node] = max(hasFirst ? 1 : 0, predecessors[node].map { layer[$0] + 1 }.max() ?? 0)
        }
        let inner = (0..<realCount).filter { graph.nodes[$0].pin == nil }
        let hasLast = graph.nodes.contains { $0.pin == .last }
        var lowest = inner.map { layer[$0] }.max() ?? 0
        for round in 0..<8 {
            var moved = false
            for node in sequence where graph.nodes[node].pin == nil {
                let low = max(hasFirst ? 1 : 0, predecessors[node].map { layer[$0] + 1 }.max() ?? 0)
                let high = successors[node].filter { graph.nodes[$0].pin == nil }.map { layer[$0] - 1 }.min() ?? lowest
                let pullUp = predecessors[node].count, pullDown = successors[node].count
                let target = pullUp > pullDown ? low : pullDown > pullUp ? high : layer[node]
                if target != layer[node], target >= low, target <= high {
                    layer[node] = target
                    moved = true
                }
            }
            lowest = inner.map { layer[$0] }.max() ?? 0
            if !moved || round == 7 { break }
        }
        if hasLast {
            for node in 0..<realCount where graph.nodes[node].pin == .last { layer[node] = lowest + 1 }
        }
        // Close gaps left by moved nodes.
        let used = Set(layer).sorted()
        var compact: [Int: Int] = [:]
        for (index, value) in used.enumerated() { compact[value] = index }
        return layer.map { compact[$0]! }
    }

    /// Ranks are twice the layers; every edge gets a placeholder on each rank it crosses, its label (if any) on
    /// the odd rank nearest its middle.
    private mutating func buildLayeredGraph(layer: [Int]) {
        // Ports per side as drawn: an edge drawn upwards leaves from the bottom of its target and arrives at
        // the top of its source.
        var bottom = [Int](repeating: 0, count: realCount), top = bottom
        var loopExtent = [Double](repeating: 0, count: realCount)
        for (index, edge) in graph.edges.enumerated() {
            if edge.from == edge.to {
                loopExtent[edge.from] = options.selfLoopWidth + options.labelGap + edge.labelWidth
            } else {
                let (upper, lower) = reversed[index] ? (edge.to, edge.from) : (edge.from, edge.to)
                bottom[upper] += 1
                top[lower] += 1
            }
        }
        for (node, spec) in graph.nodes.enumerated() {
            let ports = Double(max(bottom[node], top[node]) + 1) * options.portSpacing
            let width = max(spec.width, ports)
            rank.append(2 * layer[node])
            left.append(width / 2)
            right.append(width / 2 + loopExtent[node])
            height.append(spec.height)
        }
        // Placeholders are numbered rank by rank (in the order of their edges within a rank): the later steps
        // visit a rank's nodes and read values of the neighbouring ranks' nodes hundreds of thousands of times
        // on large maps, and with each rank's placeholders side by side in memory those reads stay in the cache.
        func ranksCrossed(_ index: Int) -> Range<Int> {
            let edge = graph.edges[index]
            guard edge.from != edge.to else { return 0..<0 }
            let (a, b) = reversed[index] ? (edge.to, edge.from) : (edge.from, edge.to)
            return (rank[a] + 1)..<rank[b]
        }
        let rankCount = (rank.max() ?? 0) + 1
        var nextID = [Int](repeating: 0, count: rankCount + 1)
        for index in graph.edges.indices { for value in ranksCrossed(index) { nextID[value + 1] += 1 } }
        nextID[0] = realCount
        for value in 0..<rankCount { nextID[value + 1] += nextID[value] }
        let total = nextID[rankCount]
        rank += [Int](repeating: 0, count: total - realCount)
        left += [Double](repeating: 0, count: total - realCount)
        right += left[realCount...]
        height += left[realCount...]
        var links: [(Int, Int, Double)] = []
        chains = []
        labelNode = []
        for (index, edge) in graph.edges.enumerated() {
            guard edge.from != edge.to else {
                chains.append([])
                labelNode.append(nil)
                continue
            }
            let (a, b) = reversed[index] ? (edge.to, edge.from) : (edge.from, edge.to)
            let middle = (rank[a] + rank[b]) / 2
            let labelRank = middle % 2 == 1 ? middle : middle - 1
            var chain = [a]
            var label: Int?
            for value in ranksCrossed(index) {
                let node = nextID[value]
                nextID[value] += 1
                rank[node] = value
                if edge.hasLabel && value == labelRank {
                    right[node] = options.labelGap + edge.labelWidth
                    height[node] = edge.labelHeight
                    label = node
                }
                chain.append(node)
            }
            chain.append(b)
            for (p, q) in zip(chain, chain.dropFirst()) {
                let weight: Double = isReal(p) && isReal(q) ? 1 : !isReal(p) && !isReal(q) ? 8 : 2
                links.append((p, q, weight))
            }
            chains.append(chain)
            labelNode.append(label)
        }
        down = Adjacency(count: rank.count, pairs: links)
        up = Adjacency(count: rank.count, pairs: links.map { ($0.1, $0.0, $0.2) })
    }
}
