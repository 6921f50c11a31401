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
        var edgeTotals: [UnitPair: (count: Int, volume: Int)] = [:]
        for flow in index.map.flows {
            guard let from = index.unit(of: flow.from), let to = index.unit(of: flow.to), from != to else { continue }
            let key = from < to ? UnitPair(from: from, to: to) : UnitPair(from: to, to: from)
            edgeTotals[key, default: (0, 0)].count += 1
            edgeTotals[key, default: (0, 0)].volume += flow.frequencyPerYear
        }
        edges = edgeTotals.map { Edge(a: $0.key.from, b: $0.key.to, flowCount: $0.value.count, volumePerYear: $0.value.volume) }
            .sorted { ($0.a, $0.b) < ($1.a, $1.b) }

        let ids = Array(Set(edges.flatMap { [$0.a, $0.b] })).sorted()
        let position = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        var adjacency = [[Int]](repeating: [], count: ids.count)
        var flowCounts = [Int](repeating: 0, count: ids.count)
        for edge in edges {
            let a = position[edge.a]!, b = position[edge.b]!
            adjacency[a].append(b)
            adjacency[b].append(a)
            flowCounts[a] += edge.flowCount
            flowCounts[b] += edge.flowCount
        }
        let betweenness = Betweenness.normalised(adjacency: adjacency)
        let degrees = adjacency.map(\.count)
        let degreeHub = Statistics.outliers(degrees.map(Double.init), sigmas: 1.5)
        let betweennessHub = Statistics.outliers(betweenness, sigmas: 1.5)
        nodes = ids.indices.map { i in
            Node(unit: UnitRef(ids[i], in: index), degree: degrees[i], flowCount: flowCounts[i],
                 betweenness: betweenness[i], isHub: degreeHub[i] || betweennessHub[i])
        }.sorted { ($1.betweenness, $1.degree, $0.unit.id) < ($0.betweenness, $0.degree, $1.unit.id) }
    }
}
