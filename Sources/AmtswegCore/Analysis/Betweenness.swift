/// Betweenness centrality of an unweighted, undirected graph by Brandes' algorithm (2001): one breadth-first
/// search per node, O(V·E) time and O(V+E) memory.
enum Betweenness {
    /// Normalised to 0…1 by the number of pairs of other nodes, (n−1)(n−2)/2, as networkx does for
    /// undirected graphs.
    static func normalised(adjacency: [[Int]]) -> [Double] {
        let n = adjacency.count
        var centrality = [Double](repeating: 0, count: n)
        guard n > 2 else { return centrality }
        // Buffers reused across sources: the hot loop allocates nothing.
        var stack = [Int](repeating: 0, count: n)
        var queue = [Int](repeating: 0, count: n)
        var sigma = [Double](repeating: 0, count: n)
        var distance = [Int](repeating: -1, count: n)
        var delta = [Double](repeating: 0, count: n)
        for source in 0..<n {
            for i in 0..<n {
                sigma[i] = 0
                distance[i] = -1
                delta[i] = 0
            }
            sigma[source] = 1
            distance[source] = 0
            var head = 0, tail = 0, top = 0
            queue[tail] = source
            tail += 1
            while head < tail {
                let v = queue[head]
                head += 1
                stack[top] = v
                top += 1
                for w in adjacency[v] {
                    if distance[w] < 0 {
                        distance[w] = distance[v] + 1
                        queue[tail] = w
                        tail += 1
                    }
                    if distance[w] == distance[v] + 1 { sigma[w] += sigma[v] }
                }
            }
            // Dependencies accumulate in reverse BFS order; predecessors are the neighbours one level closer.
            while top > 0 {
                top -= 1
                let w = stack[top]
                for v in adjacency[w] where distance[v] == distance[w] - 1 {
                    delta[v] += sigma[v] / sigma[w] * (1 + delta[w])
                }
                if w != source { centrality[w] += delta[w] }
            }
        }
        // Each pair was counted from both ends in an undirected graph.
        let scale = 1 / Double((n - 1) * (n - 2))
        return centrality.map { $0 * scale }
    }
}
