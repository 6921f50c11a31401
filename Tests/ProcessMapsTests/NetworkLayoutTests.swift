import AmtswegSupport
import ProcessMaps
import Testing

@Suite struct NetworkLayoutTests {
    /// A dense core with a chain and a separate pair: boxes of different sizes, nothing over anything.
    static func network(seed: UInt64, count: Int) -> ([NetworkLayout.Node], [(Int, Int)]) {
        var random = SplitMix64(seed: seed)
        let nodes = (0..<count).map { _ in
            NetworkLayout.Node(
                width: Double(60 + random.next(below: 90)), height: Double(22 + 14 * random.next(below: 2)))
        }
        var edges: [(Int, Int)] = []
        let core = count * 2 / 3
        for a in 0..<core { for _ in 0..<3 { edges.append((a, random.next(below: core))) } }
        for a in core..<(count - 2) { edges.append((a - 1, a)) }
        edges.append((count - 2, count - 1))
        return (nodes, edges)
    }

    @Test(arguments: [(1, 12), (7, 30), (2026, 60)])
    func boxesNeverOverlapAndStayInTheDrawing(seed: Int, count: Int) {
        let (nodes, edges) = Self.network(seed: UInt64(seed), count: count)
        let drawing = NetworkLayout.draw(nodes: nodes, edges: edges)
        let metrics = DrawingMetrics(nodes: drawing.boxes, edges: [], labels: [])
        #expect(metrics.nodeOverlaps == 0)
        for (box, node) in zip(drawing.boxes, nodes) {
            #expect(box.width == node.width && box.height == node.height)
            #expect(box.x >= 0 && box.y >= 0 && box.maxX <= drawing.width && box.maxY <= drawing.height)
        }
        let again = NetworkLayout.draw(nodes: nodes, edges: edges)
        #expect(again.boxes == drawing.boxes, "deterministic")
    }

    @Test func partnersSitCloserThanStrangers() {
        // A path 0 – 1 – 2 – 3 – 4: the ends are further apart than neighbours.
        let nodes = Array(repeating: NetworkLayout.Node(width: 80, height: 24), count: 5)
        let drawing = NetworkLayout.draw(nodes: nodes, edges: [(0, 1), (1, 2), (2, 3), (3, 4)])
        func distance(_ a: Int, _ b: Int) -> Double {
            let p = drawing.boxes[a].center, q = drawing.boxes[b].center
            return ((p.x - q.x) * (p.x - q.x) + (p.y - q.y) * (p.y - q.y)).squareRoot()
        }
        #expect(distance(0, 4) > 3 * distance(0, 1))
        #expect(distance(1, 3) > distance(1, 2))
    }
}
