extension LayeredLayout {
    /// Directions, ranks and the placeholders of long edges (steps 1 and 2).
    mutating func assignRanks() {
        let sequence = greedySequence()
        var position = [Int](repeating: 0, count: realCount)
        for (index, node) in sequence.enumerated() { position[node] = index }
        reversed = graph.edges.map { position[$0.from] > position[$0.to] }
        let layer = layers(sequence: sequence, position: position)
        buildLayeredGraph(layer: layer)
    }

    /// Eades, Lin and Smyth's greedy order for a small weighted feedback arc set: sinks go to the back, sources
    /// to the front, otherwise the node whose outgoing weight most exceeds its incoming. Edges against the order
    /// are drawn upwards; the heavy main flow points down.
    private func greedySequence() -> [Int] {
        let count = realCount
        var inCount = [Int](repeating: 0, count: count), outCount = inCount
        var inWeight = [Double](repeating: 0, count: count), outWeight = inWeight
        var incoming = [[Int]](repeating: [], count: count), outgoing = incoming
        for (index, edge) in graph.edges.enumerated() where edge.from != edge.to {
            outCount[edge.from] += 1
            inCount[edge.to] += 1
            outWeight[edge.from] += edge.weight
            inWeight[edge.to] += edge.weight
            outgoing[edge.from].append(index)
            incoming[edge.to].append(index)
        }
        var removed = [Bool](repeating: false, count: count)
        var front: [Int] = [], back: [Int] = []
        func remove(_ node: Int) {
            removed[node] = true
            for index in outgoing[node] {
                let edge = graph.edges[index]
                inCount[edge.to] -= 1
                inWeight[edge.to] -= edge.weight
            }
            for index in incoming[node] {
                let edge = graph.edges[index]
                outCount[edge.from] -= 1
                outWeight[edge.from] -= edge.weight
            }
        }
        for node in 0..<count where graph.nodes[node].pin == .first {
            front.append(node)
            remove(node)
        }
        for node in 0..<count where graph.nodes[node].pin == .last {
            back.append(node)
            remove(node)
        }
        var remaining = count - front.count - back.count
        while remaining > 0 {
            var sink = -1, source = -1, best = -1
            var bestDelta = -Double.infinity
            for node in 0..<count where !removed[node] {
                if outCount[node] == 0 {
                    sink = node
                    break
                }
                if source < 0, inCount[node] == 0 { source = node }
                let delta = outWeight[node] - inWeight[node]
                if delta > bestDelta {
                    bestDelta = delta
                    best = node
                }
            }
            if sink >= 0 {
                back.append(sink)
                remove(sink)
            } else {
                let node = source >= 0 ? source : best
                front.append(node)
                remove(node)
            }
            remaining -= 1
        }
        return front + back.reversed()
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
        var degree = [Int](repeating: 0, count: realCount), inDegree = degree
        var loopExtent = [Double](repeating: 0, count: realCount)
        for edge in graph.edges {
            if edge.from == edge.to {
                loopExtent[edge.from] = options.selfLoopWidth + options.labelGap + edge.labelWidth
            } else {
                degree[edge.from] += 1
                inDegree[edge.to] += 1
            }
        }
        for (node, spec) in graph.nodes.enumerated() {
            let ports = Double(max(degree[node], inDegree[node]) + 1) * options.portSpacing
            let width = max(spec.width, ports)
            rank.append(2 * layer[node])
            left.append(width / 2)
            right.append(width / 2 + loopExtent[node])
            height.append(spec.height)
        }
        up = Array(repeating: [], count: realCount)
        down = up
        func addNode(rank value: Int, right extent: Double, height value2: Double) -> Int {
            rank.append(value)
            left.append(0)
            right.append(extent)
            height.append(value2)
            up.append([])
            down.append([])
            return rank.count - 1
        }
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
            for value in (rank[a] + 1)..<rank[b] {
                let carriesLabel = edge.hasLabel && value == labelRank
                let node = addNode(
                    rank: value, right: carriesLabel ? options.labelGap + edge.labelWidth : 0,
                    height: carriesLabel ? edge.labelHeight : 0)
                if carriesLabel { label = node }
                chain.append(node)
            }
            chain.append(b)
            for (p, q) in zip(chain, chain.dropFirst()) {
                let weight: Double = isReal(p) && isReal(q) ? 1 : !isReal(p) && !isReal(q) ? 8 : 2
                down[p].append((q, weight))
                up[q].append((p, weight))
            }
            chains.append(chain)
            labelNode.append(label)
        }
    }
}
