/// How cases flow through the graph: expected visits, reach, timing and the hand-overs between steps.
extension ProcessGraph {
    /// The graph reduced to its main path: at every choice only the most likely flow that does not loop back
    /// (the first of equals), so loops are left at once and every case takes the usual way.
    func mainPath() -> ProcessGraph {
        var graph = self
        for node in nodes.indices where isChoice[node] {
            let forward = outgoing[node].filter { !isBackEdge[$0] }
            let best = forward.max { a, b in factor[a] < factor[b] || (factor[a] == factor[b] && a > b) }
            for edge in outgoing[node] { graph.factor[edge] = edge == best ? 1 : 0 }
        }
        graph.forwardFactor = Self.forwardFactors(
            edges: edges, outgoing: outgoing, factor: graph.factor, isBackEdge: isBackEdge, isChoice: isChoice)
        return graph
    }

    /// Expected number of times each node runs per case: the solution of visits = start + Σ incoming
    /// visits × share (a parallel join counts the average of its incoming flows), found by iterating in
    /// forward order until nothing changes. A loop taken with share p multiplies its body by 1 / (1 − p).
    /// A loop that is never left (share 1) is cut off at `Self.visitLimit`.
    func visits() -> [Double] {
        var visits = startMass
        for _ in 0..<10_000 {
            var change = 0.0
            for node in forwardOrder {
                let value = min(inflow(node, from: visits, includeBackEdges: true), Self.visitLimit)
                change = max(change, abs(value - visits[node]))
                visits[node] = value
            }
            if change < 1e-12 { break }
        }
        return visits
    }

    static let visitLimit = 1_000.0

    /// Share of cases that reach each node at least once, ignoring loops; at a choice the flows that loop
    /// back are left out and the other shares scaled to add up to 1.
    func reach() -> [Double] {
        var reach = Array(repeating: 0.0, count: nodes.count)
        for node in forwardOrder { reach[node] = inflow(node, from: reach, includeBackEdges: false) }
        return reach
    }

    private func inflow(_ node: Int, from values: [Double], includeBackEdges: Bool) -> Double {
        var sum = 0.0
        var count = 0
        for edge in incoming[node] {
            if isBackEdge[edge] {
                guard includeBackEdges else { continue }
                sum += values[edges[edge].source] * factor[edge]
            } else {
                sum += values[edges[edge].source] * (includeBackEdges ? factor[edge] : forwardFactor[edge])
            }
            count += 1
        }
        if isParallelJoin(node), count > 0 { sum /= Double(count) }
        return startMass[node] + sum
    }

    /// For every edge, its share among its source's flows that do not loop back (0 for a loop back). At a
    /// choice whose forward flows all have share 0 the case still has to leave somehow: they split evenly.
    static func forwardFactors(
        edges: [(source: Int, target: Int, flow: Int)], outgoing: [[Int]], factor: [Double], isBackEdge: [Bool],
        isChoice: [Bool]
    ) -> [Double] {
        var result = Array(repeating: 0.0, count: edges.count)
        for (source, out) in outgoing.enumerated() {
            var total = 0.0, forwardCount = 0
            for edge in out where !isBackEdge[edge] {
                total += factor[edge]
                forwardCount += 1
            }
            for edge in out where !isBackEdge[edge] {
                result[edge] =
                    !isChoice[source] ? factor[edge] : total > 0 ? factor[edge] / total : 1 / Double(forwardCount)
            }
        }
        return result
    }

    /// The expected lead time from start to end, in minutes, given each node's duration.
    ///
    /// In forward order: a node starts when its predecessors finish — at a parallel join when the last one
    /// does, elsewhere at the average over the incoming flows weighted by how many cases take them — and
    /// finishes after its duration times the number of times a case passes it once reached (visits ÷ reach),
    /// so that a loop's body counts as often as it is repeated. The lead time is the average finish of the
    /// end nodes weighted by reach. Parallel branches use the longest expected branch (an approximation of the
    /// expected maximum that is exact when branch times do not vary).
    func leadTime(duration: (Int) -> Double, visits: [Double], reach: [Double]) -> Double {
        var finish = Array(repeating: 0.0, count: nodes.count)
        for node in forwardOrder {
            let edges = incoming[node].filter { !isBackEdge[$0] && reach[self.edges[$0].source] > 0 }
            var arrival = 0.0
            if isParallelJoin(node) {
                arrival = edges.map { finish[self.edges[$0].source] }.max() ?? 0
            } else {
                let weights = edges.map { reach[self.edges[$0].source] * forwardFactor[$0] }
                let total = weights.reduce(0, +)
                if total > 0 {
                    arrival = zip(edges, weights).reduce(0) { $0 + finish[self.edges[$1.0].source] * $1.1 } / total
                }
            }
            let repetitions = reach[node] > 0 ? visits[node] / reach[node] : 0
            finish[node] = arrival + repetitions * duration(node)
        }
        let ends = nodes.indices.filter { (nodes[$0].kind == .end || outgoing[$0].isEmpty) && reach[$0] > 0 }
        let total = ends.reduce(0) { $0 + reach[$1] }
        guard total > 0 else { return finish.max() ?? 0 }
        return ends.reduce(0) { $0 + finish[$1] * reach[$1] } / total
    }

    /// A hand-over between two steps that follow each other (through any gateways and events between them),
    /// with the expected number of times per case it happens.
    struct StepTransition {
        var from: Int
        var to: Int
        var perCase: Double
        var loopsBack: Bool
    }

    /// Every pair of consecutive steps with its expected frequency per case. Through a parallel join, each
    /// incoming branch's last step hands over an equal part, so a case counts one hand-over there in all.
    func transitions(visits: [Double]) -> [StepTransition] {
        var result: [Int: [Int: (Double, Bool)]] = [:]
        for step in nodes.indices where nodes[step].kind == .step && visits[step] > 0 {
            var stack: [(node: Int, mass: Double, loops: Bool, depth: Int)] = [(step, visits[step], false, 0)]
            while let (node, mass, loops, depth) = stack.popLast() {
                for edge in outgoing[node] {
                    let target = edges[edge].target
                    var carried = mass * factor[edge]
                    guard carried > 0 else { continue }
                    if isParallelJoin(target) { carried /= Double(incoming[target].count) }
                    let loopsBack = loops || isBackEdge[edge]
                    if nodes[target].kind == .step {
                        let previous = result[step]?[target] ?? (0, false)
                        result[step, default: [:]][target] = (previous.0 + carried, previous.1 || loopsBack)
                    } else if depth < nodes.count {
                        stack.append((target, carried, loopsBack, depth + 1))
                    }
                }
            }
        }
        return result.keys.sorted().flatMap { from in
            result[from]!.keys.sorted().map { to in
                StepTransition(from: from, to: to, perCase: result[from]![to]!.0, loopsBack: result[from]![to]!.1)
            }
        }
    }
}
