/// Question 1 as a network: units are nodes, an edge joins two units that exchange information in either
/// direction. Hubs are the units the house cannot work around.
public struct InteractionNetwork: Hashable, Sendable, Codable {
    public struct Node: Hashable, Sendable, Codable {
        public var unit: UnitRef
        /// Number of distinct units this unit exchanges information with.
        public var degree: Int
        /// Number of flows this unit sends or receives inside the house.
        public var flowCount: Int
        /// Share of shortest paths between other units that pass through this one, normalised to 0…1.
        public var betweenness: Double
        public var isHub: Bool
    }

    public struct Edge: Hashable, Sendable, Codable {
        public var a: ID<OrgUnit>
        public var b: ID<OrgUnit>
        public var flowCount: Int
        public var volumePerYear: Int
    }

    public static let title = "Interaktionsnetz"
    public static let explanation =
        "Das Netz zeigt, welche Organisationseinheiten miteinander Informationen austauschen; Drehscheiben sind Einheiten, über die auffällig viele Verbindungen laufen."
    /// How a hub is recognised; shown beside the view.
    public static let hubRule =
        "Drehscheibe: Verbindungsgrad oder Vermittlungsrolle (Betweenness) mindestens 1,5 Standardabweichungen über dem Mittel."

    /// Nodes ordered by betweenness, then degree, then id.
    public var nodes: [Node]
    public var edges: [Edge]

    public var hubs: [Node] { nodes.filter(\.isHub) }

    public init(_ index: MapIndex) {
        let unitCount = index.unitIDs.count
        var edgeTotals: [Int: (count: Int, volume: Int)] = [:]  // key: smaller × unit count + larger
        for (flow, ends) in zip(index.map.flows, index.flowEnds)
        where ends.from >= 0 && ends.to >= 0 && ends.from != ends.to {
            let key = min(ends.from, ends.to) * unitCount + max(ends.from, ends.to)
            edgeTotals[key, default: (0, 0)].count += 1
            edgeTotals[key, default: (0, 0)].volume += flow.frequencyPerYear
        }
        let keys = edgeTotals.keys.sorted()
        edges = keys.map { key in
            Edge(
                a: index.unitIDs[key / unitCount], b: index.unitIDs[key % unitCount],
                flowCount: edgeTotals[key]!.count, volumePerYear: edgeTotals[key]!.volume)
        }

        // Nodes are the units with at least one edge, numbered afresh 0..<n for the graph algorithms.
        var node = [Int](repeating: -1, count: unitCount)
        var ids: [ID<OrgUnit>] = []
        for key in keys {
            for unit in [key / unitCount, key % unitCount] where node[unit] < 0 {
                node[unit] = 0
            }
        }
        for unit in 0..<unitCount where node[unit] == 0 {
            node[unit] = ids.count
            ids.append(index.unitIDs[unit])
        }
        var adjacency = [[Int]](repeating: [], count: ids.count)
        var flowCounts = [Int](repeating: 0, count: ids.count)
        for key in keys {
            let a = node[key / unitCount], b = node[key % unitCount]
            adjacency[a].append(b)
            adjacency[b].append(a)
            flowCounts[a] += edgeTotals[key]!.count
            flowCounts[b] += edgeTotals[key]!.count
        }
        let betweenness = Betweenness.normalised(adjacency: adjacency)
        let degrees = adjacency.map(\.count)
        let degreeHub = Statistics.outliers(degrees.map(Double.init), sigmas: 1.5)
        let betweennessHub = Statistics.outliers(betweenness, sigmas: 1.5)
        nodes = ids.indices.map { i in
            Node(
                unit: UnitRef(ids[i], in: index), degree: degrees[i], flowCount: flowCounts[i],
                betweenness: betweenness[i], isHub: degreeHub[i] || betweennessHub[i])
        }.sorted { ($1.betweenness, $1.degree, $0.unit.id) < ($0.betweenness, $0.degree, $1.unit.id) }
    }
}
