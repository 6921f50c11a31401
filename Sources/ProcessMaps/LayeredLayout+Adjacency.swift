extension LayeredLayout {
    /// A neighbour in the layered graph, and how hard the edge between them pulls (for positions).
    struct Link: Sendable {
        var node: Int
        var weight: Double
    }

    /// The neighbours of every node on one side in one flat array (compressed rows): the layout reads them
    /// millions of times on large maps, and an array per node costs a reference count on each read.
    struct Adjacency: Sendable {
        private(set) var offsets: [Int] = [0]
        private(set) var links: [Link] = []

        init() {}

        /// From (node, neighbour, weight) triples; `count` nodes.
        init(count: Int, pairs: [(Int, Int, Double)]) {
            var counts = [Int](repeating: 0, count: count + 1)
            for (node, _, _) in pairs { counts[node + 1] += 1 }
            for index in 0..<count { counts[index + 1] += counts[index] }
            offsets = counts
            var cursor = counts
            links = Array(repeating: Link(node: 0, weight: 0), count: pairs.count)
            for (node, neighbour, weight) in pairs {
                links[cursor[node]] = Link(node: neighbour, weight: weight)
                cursor[node] += 1
            }
        }

        subscript(node: Int) -> ArraySlice<Link> { links[offsets[node]..<offsets[node + 1]] }

        /// The weighted sum of the neighbours' values and the sum of the weights, read without slicing (the
        /// innermost loop of the positions).
        func pull(of node: Int, from values: [Double]) -> (sum: Double, weight: Double) {
            var sum = 0.0, weight = 0.0
            for index in offsets[node]..<offsets[node + 1] {
                let link = links[index]
                sum += link.weight * values[link.node]
                weight += link.weight
            }
            return (sum, weight)
        }
    }
}
