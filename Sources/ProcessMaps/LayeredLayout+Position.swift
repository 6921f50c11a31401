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
        for round in 0..<10 {
            let downwards = round % 2 == 0
            let sequence = downwards ? Array(ranks.indices) : Array(ranks.indices.reversed())
            for r in sequence { place(r, above: downwards || round >= 8, below: !downwards || round >= 8) }
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
        var offset = 0.0
        for (index, node) in nodes.enumerated() {
            if index > 0 { offset += separation(nodes[index - 1], node) }
            var sum = 0.0, weight = 0.0
            if above { for n in up[node] { sum += n.weight * x[n.node]; weight += n.weight } }
            if below { for n in down[node] { sum += n.weight * x[n.node]; weight += n.weight } }
            if weight == 0 {
                sum = x[node] * 0.001
                weight = 0.001
            }
            targets.append(sum / weight - offset)
            weights.append(weight)
        }
        // Blocks of pooled positions: mean, weight, how many nodes.
        var means: [Double] = [], blockWeights: [Double] = [], sizes: [Int] = []
        for index in targets.indices {
            var mean = targets[index], weight = weights[index], size = 1
            while let last = means.last, last > mean {
                let lastWeight = blockWeights.removeLast()
                mean = (last * lastWeight + mean * weight) / (lastWeight + weight)
                weight += lastWeight
                size += sizes.removeLast()
                means.removeLast()
            }
            means.append(mean)
            blockWeights.append(weight)
            sizes.append(size)
        }
        var index = 0
        offset = 0
        for (block, mean) in means.enumerated() {
            for _ in 0..<sizes[block] {
                if index > 0 { offset += separation(nodes[index - 1], nodes[index]) }
                x[nodes[index]] = mean + offset
                index += 1
            }
        }
    }
}
