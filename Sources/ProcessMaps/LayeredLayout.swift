/// A layered ("Sugiyama") drawing of a directed graph, as Graphviz's `dot` draws: the main direction of the
/// edges points downwards, nodes sit on ranks, every edge runs through its own lane, and edge labels take
/// room of their own so that nothing covers anything else.
///
/// The steps, each in its own file:
/// 1. **Direction** (`+Ranks`): a weighted greedy order (Eades, Lin and Smyth) decides which edges point
///    downwards; the rest are drawn upwards. Pinned nodes go first or last.
/// 2. **Ranks** (`+Ranks`): longest path, then every node moves to the end of its free range its edges pull it
///    to, which shortens edges. Ranks are doubled, as in `dot`, so that every edge crosses a rank of its own
///    where its label sits beside it like a node; longer edges get one placeholder per rank they cross.
/// 3. **Order** (`+Order`): barycentre sweeps down and up, keeping the order with the fewest crossings,
///    counted per pair of ranks with an accumulator tree (Barth, Jünger and Mutzel) in O(E log V).
/// 4. **Position** (`+Position`): each rank in turn is placed as close as its separations allow to where its
///    neighbours pull it — an isotonic regression, solved exactly by pooling adjacent violators — with long
///    edges pulled hardest, so they run straight.
/// 5. **Routes** (`+Routes`): each edge leaves its node at a port of its own along the bottom, runs straight
///    down through ranks and bends only in the gaps between them, so two edges never share a line and no
///    edge crosses a box or a label; two edges that would cross at a flat angle bend at different heights.
public struct LayeredLayout: Sendable {
    public struct Options: Sendable {
        /// Space between boxes on one rank, and between an edge or label and its neighbours.
        public var nodeGap = 24.0
        public var edgeGap = 8.0
        /// The least space between ranks, where edges bend.
        public var rankGap = 24.0
        /// Between an edge and its label.
        public var labelGap = 4.0
        public var margin = 12.0
        /// Ports of one node side are at least this far apart.
        public var portSpacing = 5.0
        public var selfLoopWidth = 18.0
        public init() {}
    }

    let graph: LayeredGraph
    let options: Options

    // The layered graph: real nodes first (their original indices), then placeholders of long edges.
    var rank: [Int] = []
    var left: [Double] = []
    var right: [Double] = []
    var height: [Double] = []
    var up = Adjacency()
    var down = Adjacency()
    /// Per original edge: the nodes it runs through in drawing direction (top to bottom), empty for loops.
    var chains: [[Int]] = []
    var reversed: [Bool] = []
    var labelNode: [Int?] = []
    var ranks: [[Int]] = []
    var x: [Double] = []
    /// Per rank, each node's distance from the rank's first node when packed as tight as allowed.
    var packed: [[Double]] = []

    init(_ graph: LayeredGraph, options: Options) {
        self.graph = graph
        self.options = options
    }

    var realCount: Int { graph.nodes.count }
    func isReal(_ node: Int) -> Bool { node < realCount }

    /// Lays `graph` out. Deterministic: the same graph gives the same drawing.
    public static func draw(_ graph: LayeredGraph, options: Options = Options()) -> LayeredDrawing {
        guard !graph.nodes.isEmpty else { return LayeredDrawing(nodes: [], edges: [], width: 0, height: 0) }
        var layout = LayeredLayout(graph, options: options)
        layout.assignRanks()
        layout.order()
        layout.position()
        return layout.routes()
    }
}
