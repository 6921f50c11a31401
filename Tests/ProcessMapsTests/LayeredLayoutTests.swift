import Foundation
import AmtswegSupport
@testable import ProcessMaps
import Testing

@Suite struct LayeredLayoutTests {
    /// Start → A → B → End with a loop back B → A and a self-loop on B.
    static let smallProcess = LayeredGraph(
        nodes: [
            .init(width: 20, height: 20, pin: .first), .init(width: 100, height: 40), .init(width: 100, height: 40),
            .init(width: 20, height: 20, pin: .last),
        ],
        edges: [
            .init(from: 0, to: 1, weight: 10, labelWidth: 20, labelHeight: 14),
            .init(from: 1, to: 2, weight: 10, labelWidth: 20, labelHeight: 14),
            .init(from: 2, to: 1, weight: 3, labelWidth: 14, labelHeight: 14),
            .init(from: 2, to: 2, weight: 2, labelWidth: 14, labelHeight: 14),
            .init(from: 2, to: 3, weight: 10, labelWidth: 20, labelHeight: 14),
        ])

    @Test func flowRunsDownwardsAndEveryEdgeJoinsItsOwnBoxes() throws {
        let drawing = LayeredLayout.draw(Self.smallProcess)
        let boxes = drawing.nodes
        // Start above A above B above End.
        #expect(boxes[0].maxY < boxes[1].y)
        #expect(boxes[1].maxY < boxes[2].y)
        #expect(boxes[2].maxY < boxes[3].y)
        for (edge, route) in zip(Self.smallProcess.edges, drawing.edges) {
            let first = route.points[0], last = route.points[route.points.count - 1]
            #expect(Self.onBorder(first, of: boxes[edge.from]), "edge \(edge.from)→\(edge.to) starts on its source")
            #expect(Self.onBorder(last, of: boxes[edge.to]), "edge \(edge.from)→\(edge.to) ends on its target")
            #expect((route.points.count - 1) % 3 == 0, "pieces of three points after the first")
        }
        // The loop back from B to A arrives at A from below (drawn upwards).
        let back = drawing.edges[2]
        #expect(back.points[back.points.count - 1].y == boxes[1].maxY)
        // The self-loop stays beside its box, its label beside the loop.
        let loop = drawing.edges[3]
        #expect(loop.points.allSatisfy { $0.x >= boxes[2].maxX })
        #expect(try #require(loop.label).x > boxes[2].maxX)
        let metrics = DrawingMetrics(
            nodes: boxes, edges: drawing.edges.map(\.points), labels: drawing.edges.compactMap(\.label))
        #expect(metrics == DrawingMetrics(nodes: [], edges: [], labels: []), "nothing crosses or overlaps")
        #expect(drawing.nodes.allSatisfy { $0.x >= 0 && $0.maxX <= drawing.width && $0.maxY <= drawing.height })
    }

    @Test func sameGraphSameDrawing() {
        let first = LayeredLayout.draw(Self.smallProcess), second = LayeredLayout.draw(Self.smallProcess)
        #expect(first.nodes == second.nodes)
        #expect(first.edges.map(\.points) == second.edges.map(\.points))
    }

    /// Two independent chains crossed at their middle (A1 → B2, A2 → B1 besides A1 → B1, A2 → B2): a planar
    /// drawing exists, and the order step must find it.
    @Test func crossingsThatCanBeAvoidedAreAvoided() {
        let box = LayeredGraph.Node(width: 60, height: 30)
        let graph = LayeredGraph(
            nodes: [box, box, box, box, box, box],
            edges: [
                .init(from: 0, to: 3), .init(from: 1, to: 2), .init(from: 2, to: 5), .init(from: 3, to: 4),
                .init(from: 0, to: 3), .init(from: 1, to: 2),
            ])
        let drawing = LayeredLayout.draw(graph)
        let metrics = DrawingMetrics(nodes: drawing.nodes, edges: drawing.edges.map(\.points), labels: [])
        #expect(metrics.crossings == 0)
        #expect(metrics.sharedSegments == 0, "parallel edges between the same boxes run apart")
    }

    @Test func metricsFindWhatTheyMeasure() {
        // Two straight edges forming an X, one running along another, overlapping labels and a label on a box.
        func line(_ a: Point, _ b: Point) -> [Point] {
            [
                a, Point(a.x + (b.x - a.x) / 3, a.y + (b.y - a.y) / 3),
                Point(a.x + 2 * (b.x - a.x) / 3, a.y + 2 * (b.y - a.y) / 3), b,
            ]
        }
        let metrics = DrawingMetrics(
            nodes: [Rect(x: 300, y: 300, width: 50, height: 50)],
            edges: [
                line(Point(0, 0), Point(100, 100)), line(Point(100, 0), Point(0, 100)),
                line(Point(200, 0), Point(200, 100)), line(Point(200.4, 20), Point(200.4, 80)),
            ],
            labels: [
                Rect(x: 0, y: 200, width: 30, height: 14), Rect(x: 20, y: 205, width: 30, height: 14),
                Rect(x: 310, y: 310, width: 20, height: 14),
            ])
        #expect(metrics.crossings == 1)
        #expect(metrics.sharedSegments == 1)
        #expect(metrics.labelOverlaps == 1)
        #expect(metrics.labelNodeOverlaps == 1)
        #expect(metrics.nodeOverlaps == 0)
    }

    /// Two edges swapping places in a tall gap (tall because another edge travels far sideways in it) run
    /// almost straight down and cross at under a degree — one line to the eye. Staggered, one bends near the top
    /// and the other near the bottom, so they cross where one runs straight and the other slants.
    @Test func edgesSwappingPlacesInATallGapAreStaggered() {
        let key = LayeredLayout.GapKey(chain: 0, hop: 1)
        var a = LayeredLayout.Bend(key: key, from: 100, to: 112)
        var b = LayeredLayout.Bend(key: key, from: 108, to: 96)
        #expect(a.crossesFlatly(b, height: 2000))
        #expect(!a.crossesFlatly(b, height: 30), "in a low gap they cross steeply")
        let length = a.shortWindow(height: 2000, least: 24)
        #expect(length * 2000 == 24, "a short move bends within the least window")
        a.window = .init(start: LayeredLayout.Bend.margin, length: length)
        b.window = .init(start: 1 - LayeredLayout.Bend.margin - length, length: length)
        #expect(!a.crossesFlatly(b, height: 2000))
        // A staggered bend's straight rest is as flat as a near-vertical bend that crosses it.
        let almostVertical = LayeredLayout.Bend(key: key, from: 104, to: 120)
        #expect(a.crossesFlatly(almostVertical, height: 2000))
    }

    /// Two edges side by side between the same nodes (8 px apart) and a third, nearly vertical one crossing both:
    /// staggering one of the pair alone makes it cross its neighbour flatly; staggered together, at the same
    /// place, they cross neither each other nor the third edge flatly.
    @Test func aBundleIsStaggeredTogether() {
        let key = LayeredLayout.GapKey(chain: 0, hop: 1)
        let height = 2880.0
        var first = LayeredLayout.Bend(key: key, from: 4081, to: 3862)
        var second = LayeredLayout.Bend(key: key, from: 4089, to: 3870)
        let third = LayeredLayout.Bend(key: key, from: 3953, to: 3930)
        #expect(first.crossesFlatly(third, height: height) && second.crossesFlatly(third, height: height))
        #expect(!first.crossesFlatly(second, height: height), "side by side, they do not cross")
        func lower(_ bend: LayeredLayout.Bend) -> LayeredLayout.Bend.Window {
            let length = bend.shortWindow(height: height, least: 24)
            return .init(start: 1 - LayeredLayout.Bend.margin - length, length: length)
        }
        first.window = lower(first)
        #expect(first.crossesFlatly(second, height: height), "staggered alone, it crosses its neighbour flatly")
        second.window = lower(second)
        #expect(!first.crossesFlatly(second, height: height))
        #expect(!first.crossesFlatly(third, height: height) && !second.crossesFlatly(third, height: height))
    }

    /// One bend ends (a hair's breadth) left of where the next one starts: unstaggered they never meet, but with
    /// the first moving early and the second late, both run straight down the same line.
    @Test func bendsThatOnlyTouchRunDownOneLineWhenStaggered() {
        let key = LayeredLayout.GapKey(chain: 0, hop: 1)
        let height = 2000.0
        var left = LayeredLayout.Bend(key: key, from: 100, to: 199.98)
        var right = LayeredLayout.Bend(key: key, from: 200, to: 300)
        #expect(!left.crossesFlatly(right, height: height))
        left.window = .init(start: LayeredLayout.Bend.margin, length: 0.1)
        right.window = .init(start: 1 - LayeredLayout.Bend.margin - 0.1, length: 0.1)
        #expect(left.crossesFlatly(right, height: height) && right.crossesFlatly(left, height: height))
        var near = false
        _ = LayeredLayout.NeighbourColumns([left, right]).allNear(0) { other in
            near = near || other == 1
            return true
        }
        #expect(near, "the columns index counts them as neighbours")
    }

    /// Two pairs from BPIC15_2 at 100 % (gap 2,880 px high) that come within a pixel between the samples spaced a
    /// 64th of the gap apart: a bend staggered into a 24-px window passing one that bends over the whole gap,
    /// and two edges leaving ports 5 px apart, one staggered. Both are found, as a dense scan in the test shows.
    @Test func bendsThatMeetBetweenSamplesAreFound() {
        let key = LayeredLayout.GapKey(chain: 0, hop: 1)
        let height = 2880.0
        let whole = LayeredLayout.Bend(key: key, from: 9666.83, to: 10664.19)
        var jog = LayeredLayout.Bend(key: key, from: 10654.24, to: 10656.19)
        jog.window = .init(start: 0.05 + 0.9 - 24 / height, length: 24 / height)
        let leaving = LayeredLayout.Bend(key: key, from: 5572.11, to: 5000.73)
        var staggered = LayeredLayout.Bend(key: key, from: 5567.11, to: 4896.73)
        staggered.window = .init(start: 0.05, length: staggered.shortWindow(height: height, least: 24))
        for (a, b) in [(whole, jog), (leaving, staggered)] {
            // Within a pixel where their directions differ by less than 6°, somewhere among 200,000 points.
            let meet = (0...200_000).contains { step in
                let t = Double(step) / 200_000, dt = 1e-7
                let angle = { (bend: LayeredLayout.Bend) in atan((bend.x(t + dt) - bend.x(t)) / dt / height) }
                return abs(a.x(t) - b.x(t)) < 1 && abs(angle(a) - angle(b)) < 6 * .pi / 180
            }
            #expect(meet, "the test's own scan finds them meeting")
            #expect(a.crossesFlatly(b, height: height) && b.crossesFlatly(a, height: height))
        }
    }

    /// Unstaggered crossings decided without solving for where they cross agree with the angle measured where
    /// they do cross (solved, and compared with `atan` in the test), over many moves, heights and levels; and
    /// the shortcut decides most of them.
    @Test func flatCrossingsDecidedWithoutSolvingAgreeWithTheAngles() {
        var random = SplitMix64(seed: 17)
        var decided = 0
        let cases = 200_000
        for _ in 0..<cases {
            let move = Double.random(in: -3000...3000, using: &random)
            let otherMove = Double.random(in: -3000...3000, using: &random)
            let height = Double.random(in: 24...2880, using: &random)
            let level = Double.random(in: 0.000_001...0.999_999, using: &random)
            guard
                let verdict = LayeredLayout.Bend.crossesFlatly(
                    atLevel: level, move, otherMove, height: height)
            else { continue }
            decided += 1
            let t = 0.5 - sin(asin(1 - 2 * level) / 3)
            let steepness = 6 * t * (1 - t) / height
            let angles = (atan(move * steepness), atan(otherMove * steepness))
            #expect(
                verdict == (abs(angles.0 - angles.1) < 6 * .pi / 180),
                "moves \(move), \(otherMove), height \(height), level \(level)")
        }
        #expect(decided > cases * 99 / 100)
    }

    /// The columns index finds every bend whose sideways extent meets a bend's, each once.
    @Test func neighbourColumnsFindEveryOverlapOnce() {
        let key = LayeredLayout.GapKey(chain: 0, hop: 1)
        let extents: [(Double, Double)] = [(10, 900), (50, 60), (300, 100), (700, 1400), (1000, 990), (-200, -90)]
        let bends = extents.map { LayeredLayout.Bend(key: key, from: $0.0, to: $0.1) }
        let columns = LayeredLayout.NeighbourColumns(bends)
        for index in bends.indices {
            var seen: [Int] = []
            _ = columns.allNear(index) {
                seen.append($0); return true
            }
            #expect(seen.count == Set(seen).count, "each once")
            let (low, high) = (min(extents[index].0, extents[index].1), max(extents[index].0, extents[index].1))
            for other in bends.indices {
                let (a, b) = (min(extents[other].0, extents[other].1), max(extents[other].0, extents[other].1))
                if a <= high && b >= low { #expect(seen.contains(other), "\(other) meets \(index)") }
            }
        }
    }

    static func onBorder(_ point: Point, of box: Rect) -> Bool {
        let inside =
            point.x >= box.x - 0.01 && point.x <= box.maxX + 0.01 && point.y >= box.y - 0.01
            && point.y <= box.maxY + 0.01
        let onEdge =
            abs(point.x - box.x) < 0.01 || abs(point.x - box.maxX) < 0.01 || abs(point.y - box.y) < 0.01
            || abs(point.y - box.maxY) < 0.01
        return inside && onEdge
    }
}
