/// The graph the auto-layout arranges: nodes (flow nodes, data, annotations, and dummy nodes that hold a
/// place for edges spanning several columns) in lanes, and directed edges.
struct LayoutGraph {
    struct Node {
        var id: String
        /// `nil` for a dummy node.
        var element: BPMNElement?
        var lane: Int
        var width: Double
        var height: Double
        var layer = 0
        var row = 0
        var x = 0.0
        var y = 0.0
    }

    struct Edge {
        var element: BPMNElement
        var source: Int
        var target: Int
    }

    var nodes: [Node] = []
    var edges: [Edge] = []
    var index: [String: Int] = [:]

    mutating func add(_ node: Node) {
        index[node.id] = nodes.count
        nodes.append(node)
    }

    /// The default size of a shape of a kind, as modellers draw them.
    static func size(of kind: String) -> (width: Double, height: Double) {
        switch SVGRenderer.category(of: kind) {
        case .event: (36, 36)
        case .gateway: (50, 50)
        case .dataObject: (36, 50)
        case .dataStore: (50, 50)
        case .annotation: (100, 40)
        default: (100, 80)
        }
    }

    /// Assigns layers by longest path from the sources after breaking cycles at the edges a depth-first
    /// search finds going back; returns which edges were reversed (loops, drawn around the top).
    mutating func assignLayers() -> Set<Int> {
        var outgoing = [[Int]](repeating: [], count: nodes.count)
        for (offset, edge) in edges.enumerated() { outgoing[edge.source].append(offset) }
        var state = [UInt8](repeating: 0, count: nodes.count)  // 0 new, 1 on stack, 2 done
        var backEdges = Set<Int>()
        var hasIncoming = [Bool](repeating: false, count: nodes.count)
        for edge in edges { hasIncoming[edge.target] = true }
        let starts = nodes.indices.filter { !hasIncoming[$0] } + nodes.indices.filter { hasIncoming[$0] }
        for start in starts where state[start] == 0 {
            // Iterative DFS: deep models must not overflow the stack.
            var stack: [(node: Int, next: Int)] = [(start, 0)]
            state[start] = 1
            while let top = stack.last {
                if top.next < outgoing[top.node].count {
                    stack[stack.count - 1].next += 1
                    let edge = outgoing[top.node][top.next]
                    let target = edges[edge].target
                    if state[target] == 1 {
                        backEdges.insert(edge)
                    } else if state[target] == 0 {
                        state[target] = 1
                        stack.append((target, 0))
                    }
                } else {
                    state[top.node] = 2
                    stack.removeLast()
                }
            }
        }
        // Longest path over the remaining acyclic edges, in topological order.
        var indegree = [Int](repeating: 0, count: nodes.count)
        for (offset, edge) in edges.enumerated() where !backEdges.contains(offset) && edge.source != edge.target {
            indegree[edge.target] += 1
        }
        var queue = nodes.indices.filter { indegree[$0] == 0 }
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for offset in outgoing[node] where !backEdges.contains(offset) {
                let target = edges[offset].target
                guard target != node else { continue }
                nodes[target].layer = max(nodes[target].layer, nodes[node].layer + 1)
                indegree[target] -= 1
                if indegree[target] == 0 { queue.append(target) }
            }
        }
        return backEdges
    }
}
