/// For every place, the shortest chains of silent transitions that carry a token from it to other places —
/// what token replay fires to enable a visible transition or to reach the final marking, as pm4py's
/// `get_places_shortest_path_by_hidden` computes them (breadth first here; pm4py bounds its search at depth 50).
struct HiddenPaths {
    /// `paths[from][to]`: silent transitions to fire in order, or absent if `to` is not reachable silently.
    private let paths: [[Int: [Int]]]

    init(_ net: IndexedNet, maxLength: Int = 50) {
        var paths = Array(repeating: [Int: [Int]](), count: net.placeCount)
        for source in 0..<net.placeCount {
            var frontier = [source]
            var chains: [Int: [Int]] = [source: []]
            var found: [Int: [Int]] = [:]
            var length = 0
            while !frontier.isEmpty && length < maxLength {
                length += 1
                var next: [Int] = []
                for place in frontier {
                    for transition in net.consumers[place] where net.label(transition) == nil {
                        for arc in net.postset[transition] where found[arc.place] == nil {
                            let chain = chains[place]! + [transition]
                            found[arc.place] = chain
                            if chains[arc.place] == nil {
                                chains[arc.place] = chain
                                next.append(arc.place)
                            }
                        }
                    }
                }
                frontier = next
            }
            paths[source] = found
        }
        self.paths = paths
    }

    func path(from source: Int, to target: Int) -> [Int]? { paths[source][target] }
}
