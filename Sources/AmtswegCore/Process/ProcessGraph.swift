/// A process as an indexed graph, with the probabilities Amtsweg's figures are built on.
///
/// The semantics, in plain terms: a case starts at a start event (several start events are alternatives, each
/// taken by an equal share of cases); a node that chooses (an exclusive gateway, or any node whose outgoing
/// flows carry shares) sends each case down one flow with that flow's share; every other node sends the case
/// down all its flows (parallel). A parallel gateway with several incoming flows waits for all of them.
/// Flows that lead back to a node already on the way (found by depth-first search from the starts) are loops.
struct ProcessGraph {
    let process: ProcessModel
    let nodes: [ProcessNode]
    let indexByID: [String: Int]
    /// Sequence flows whose both ends exist, as (source, target, flow index).
    let edges: [(source: Int, target: Int, flow: Int)]
    let outgoing: [[Int]]
    let incoming: [[Int]]
    /// The probability that a case leaving the edge's source takes the edge (1 where the source does not choose).
    var factor: [Double]
    /// Each edge's share among the flows of its source that do not loop back (see `forwardFactors`).
    var forwardFactor: [Double]
    /// Whether each node chooses one of its flows (see ``chooses(_:_:)``).
    let isChoice: [Bool]
    let isBackEdge: [Bool]
    /// Share of cases starting at each node.
    let startMass: [Double]
    /// Nodes in an order where every forward edge points ahead.
    let forwardOrder: [Int]

    init(_ process: ProcessModel) {
        self.process = process
        let nodes = process.nodes
        self.nodes = nodes
        var indexByID: [String: Int] = [:]
        for (index, node) in nodes.enumerated() where indexByID[node.id] == nil { indexByID[node.id] = index }
        self.indexByID = indexByID
        var edges: [(source: Int, target: Int, flow: Int)] = []
        var outgoing = Array(repeating: [Int](), count: nodes.count)
        var incoming = Array(repeating: [Int](), count: nodes.count)
        for (index, flow) in process.flows.enumerated() {
            guard let source = indexByID[flow.sourceID], let target = indexByID[flow.targetID] else { continue }
            outgoing[source].append(edges.count)
            incoming[target].append(edges.count)
            edges.append((source, target, index))
        }
        self.edges = edges
        self.outgoing = outgoing
        self.incoming = incoming

        var factor = Array(repeating: 1.0, count: edges.count)
        let isChoice = nodes.indices.map { Self.chooses(nodes[$0], outgoing[$0].map { process.flows[edges[$0].flow] }) }
        self.isChoice = isChoice
        for node in nodes.indices where isChoice[node] {
            let shares = Self.choiceShares(outgoing[node].map { process.flows[edges[$0].flow].share })
            for (edge, share) in zip(outgoing[node], shares) { factor[edge] = share }
        }
        self.factor = factor

        var starts = nodes.indices.filter { nodes[$0].kind == .start }
        if starts.isEmpty { starts = nodes.indices.filter { incoming[$0].isEmpty } }
        var startMass = Array(repeating: 0.0, count: nodes.count)
        for start in starts { startMass[start] = 1 / Double(starts.count) }
        self.startMass = startMass

        let isBackEdge = Self.backEdges(nodeCount: nodes.count, edges: edges, outgoing: outgoing, roots: starts)
        self.isBackEdge = isBackEdge
        forwardOrder = Self.forwardOrder(
            nodeCount: nodes.count, edges: edges, outgoing: outgoing, incoming: incoming, isBackEdge: isBackEdge)
        forwardFactor = Self.forwardFactors(
            edges: edges, outgoing: outgoing, factor: factor, isBackEdge: isBackEdge, isChoice: isChoice)
    }

    /// Whether a node sends each case down exactly one of its flows.
    static func chooses(_ node: ProcessNode, _ flows: [ProcessFlow]) -> Bool {
        switch node.kind {
        case .exclusive: true
        case .parallel: false
        default: flows.count > 1 && flows.contains { $0.share != nil }
        }
    }

    /// Shares of a choice: given shares clamped to 0…1; flows without one split what is left evenly; shares
    /// that do not add up to 1 are scaled so that they do.
    static func choiceShares(_ given: [Double?]) -> [Double] {
        let known = given.compactMap { $0.map { min(max($0, 0), 1) } }.reduce(0, +)
        let unknownCount = given.filter { $0 == nil }.count
        let rest = unknownCount == 0 ? 0 : max(0, 1 - known) / Double(unknownCount)
        let shares = given.map { $0.map { min(max($0, 0), 1) } ?? rest }
        let total = shares.reduce(0, +)
        guard total > 0 else { return given.map { _ in 1 / Double(given.count) } }
        return shares.map { $0 / total }
    }

    /// A parallel gateway with several incoming flows: it waits for all of them.
    func isParallelJoin(_ node: Int) -> Bool { nodes[node].kind == .parallel && incoming[node].count > 1 }

    private static func backEdges(
        nodeCount: Int, edges: [(source: Int, target: Int, flow: Int)], outgoing: [[Int]], roots: [Int]
    ) -> [Bool] {
        var isBack = Array(repeating: false, count: edges.count)
        var state = Array(repeating: 0, count: nodeCount)  // 0 new, 1 on the path, 2 done
        for root in roots + Array(0..<nodeCount) where state[root] == 0 {
            var stack: [(node: Int, next: Int)] = [(root, 0)]
            state[root] = 1
            while let (node, next) = stack.last {
                if next < outgoing[node].count {
                    stack[stack.count - 1].next += 1
                    let edge = outgoing[node][next]
                    let target = edges[edge].target
                    if state[target] == 1 {
                        isBack[edge] = true
                    } else if state[target] == 0 {
                        state[target] = 1
                        stack.append((target, 0))
                    }
                } else {
                    state[node] = 2
                    stack.removeLast()
                }
            }
        }
        return isBack
    }

    private static func forwardOrder(
        nodeCount: Int, edges: [(source: Int, target: Int, flow: Int)], outgoing: [[Int]], incoming: [[Int]],
        isBackEdge: [Bool]
    ) -> [Int] {
        var pending = incoming.map { $0.filter { !isBackEdge[$0] }.count }
        var order = (0..<nodeCount).filter { pending[$0] == 0 }
        var index = 0
        while index < order.count {
            for edge in outgoing[order[index]] where !isBackEdge[edge] {
                let target = edges[edge].target
                pending[target] -= 1
                if pending[target] == 0 { order.append(target) }
            }
            index += 1
        }
        return order
    }
}
