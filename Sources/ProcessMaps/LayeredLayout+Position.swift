extension LayeredLayout {
    /// Step 4: horizontal positions. Each rank is placed where its neighbours pull it, as far as the
    /// separations allow, sweeping down and up; the last sweeps look both ways.
    mutating func position() {
        x = Array(repeating: 0, count: rank.count)
        for nodes in ranks {
            var cursor = 0.0
            for (offset, node) in nodes.enumerated() {
                if offset > 0 { cursor += separation(nodes[offset - 1], node) }
                x[node] = cursor
            }
        }
        // Offsets of each node from the first of its rank when packed tight: fixed from here on.
        packed = ranks.map { nodes in
            var offset = 0.0
            return nodes.indices.map { index in
                if index > 0 { offset += separation(nodes[index - 1], nodes[index]) }
                return offset
            }
        }
        let rounds = rank.count > 20_000 ? 4 : 10
        for round in 0..<rounds {
            let downwards = round % 2 == 0
            let sequence = downwards ? Array(ranks.indices) : Array(ranks.indices.reversed())
            let both = round >= rounds - 2
            for r in sequence { place(r, above: downwards || both, below: !downwards || both) }
        }
        let leftmost = rank.indices.map { x[$0] - left[$0] }.min() ?? 0
        for node in x.indices { x[node] += options.margin - leftmost }
    }

    /// The least distance between the positions of two neighbours on a rank.
    func separation(_ a: Int, _ b: Int) -> Double {
        right[a] + left[b] + (isReal(a) || isReal(b) ? options.nodeGap : options.edgeGap)
    }

    /// Places one rank: minimises Σ wᵢ (xᵢ − dᵢ)² subject to xᵢ₊₁ ≥ xᵢ + sᵢ, where dᵢ is the weighted mean
    /// position of the neighbours. Shifting each position by the sum of the separations before it turns this
    /// into isotonic regression, which pooling adjacent violators solves exactly in linear time.
    private mutating func place(_ r: Int, above: Bool, below: Bool) {
        let nodes = ranks[r]
        guard !nodes.isEmpty else { return }
        var targets: [Double] = [], weights: [Double] = []
        targets.reserveCapacity(nodes.count)
        weights.reserveCapacity(nodes.count)
        let offsets = packed[r]
        for (index, node) in nodes.enumerated() {
            let offset = offsets[index]
            var sum = 0.0, weight = 0.0
            if above {
                let pull = up.pull(of: node, from: x)
                sum += pull.sum
                weight += pull.weight
            }
            if below {
                let pull = down.pull(of: node, from: x)
                sum += pull.sum
                weight += pull.weight
            }
            if weight == 0 {
                sum = x[node] * 0.001
                weight = 0.001
            }
            targets.append(sum / weight - offset)
            weights.append(weight)
        }
        // Blocks of pooled positions, a stack kept in one buffer (this runs for every rank several times).
        var blocks = [(mean: Double, weight: Double, size: Int)](repeating: (0, 0, 0), count: targets.count)
        var count = 0
        for index in targets.indices {
            var block = (mean: targets[index], weight: weights[index], size: 1)
            while count > 0, blocks[count - 1].mean > block.mean {
                let last = blocks[count - 1]
                block.mean = (last.mean * last.weight + block.mean * block.weight) / (last.weight + block.weight)
                block.weight += last.weight
                block.size += last.size
                count -= 1
            }
            blocks[count] = block
            count += 1
        }
        var index = 0
        for block in blocks[..<count] {
            for _ in 0..<block.size {
                x[nodes[index]] = block.mean + offsets[index]
                index += 1
            }
        }
    }
}
