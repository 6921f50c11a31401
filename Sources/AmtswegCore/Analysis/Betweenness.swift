import Foundation
import AmtswegSupport

/// Betweenness centrality of an unweighted, undirected graph by Brandes' algorithm (2001): one breadth-first
/// search per node, O(V·E) time and O(V+E) memory.
enum Betweenness {
    /// Normalised to 0…1 by the number of pairs of other nodes, (n−1)(n−2)/2, as networkx does for
    /// undirected graphs.
    ///
    /// The sources are split into a fixed number of chunks that run in parallel; their partial sums are added
    /// in chunk order, so the result is the same on any number of cores.
    static func normalised(adjacency: [[Int]]) -> [Double] {
        let n = adjacency.count
        guard n > 2 else { return [Double](repeating: 0, count: n) }
        // Compressed sparse rows: one flat neighbour array, so the hot loop touches no nested arrays.
        var rowStarts = [Int](repeating: 0, count: n + 1)
        for v in 0..<n { rowStarts[v + 1] = rowStarts[v] + adjacency[v].count }
        let offsets = rowStarts
        let neighbours = adjacency.flatMap { $0 }
        let chunkCount = min(16, n)
        let partials = ConcurrentSlots<[Double]>.perform(chunkCount) { chunk in
            accumulate(
                sources: stride(from: chunk, to: n, by: chunkCount), n: n, offsets: offsets, neighbours: neighbours)
        }
        var centrality = [Double](repeating: 0, count: n)
        for partial in partials {
            for v in 0..<n { centrality[v] += partial[v] }
        }
        // Each pair was counted from both ends in an undirected graph.
        let scale = 1 / Double((n - 1) * (n - 2))
        return centrality.map { $0 * scale }
    }

    /// Brandes' dependency accumulation for the given sources.
    private static func accumulate(
        sources: StrideTo<Int>, n: Int, offsets: [Int], neighbours: [Int]
    ) -> [Double] {
        var centrality = [Double](repeating: 0, count: n)
        var stack = [Int](repeating: 0, count: n)
        var queue = [Int](repeating: 0, count: n)
        var sigma = [Double](repeating: 0, count: n)
        var distance = [Int](repeating: -1, count: n)
        var delta = [Double](repeating: 0, count: n)
        offsets.withUnsafeBufferPointer { offsets in
            neighbours.withUnsafeBufferPointer { neighbours in
                for source in sources {
                    for i in 0..<n {
                        sigma[i] = 0
                        distance[i] = -1
                        delta[i] = 0
                    }
                    sigma[source] = 1
                    distance[source] = 0
                    var head = 0
                    var tail = 1
                    var top = 0
                    queue[0] = source
                    while head < tail {
                        let v = queue[head]
                        head += 1
                        stack[top] = v
                        top += 1
                        let dv = distance[v]
                        for e in offsets[v]..<offsets[v + 1] {
                            let w = neighbours[e]
                            if distance[w] < 0 {
                                distance[w] = dv + 1
                                queue[tail] = w
                                tail += 1
                            }
                            if distance[w] == dv + 1 { sigma[w] += sigma[v] }
                        }
                    }
                    // Dependencies accumulate in reverse BFS order; predecessors are neighbours one level closer.
                    while top > 0 {
                        top -= 1
                        let w = stack[top]
                        let dw = distance[w]
                        let share = (1 + delta[w]) / sigma[w]
                        for e in offsets[w]..<offsets[w + 1] {
                            let v = neighbours[e]
                            if distance[v] == dw - 1 { delta[v] += sigma[v] * share }
                        }
                        if w != source { centrality[w] += delta[w] }
                    }
                }
            }
        }
        return centrality
    }
}
