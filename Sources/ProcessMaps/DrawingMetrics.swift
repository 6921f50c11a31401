/// What makes a graph drawing hard to read, measured on the drawing itself, so that any layout — ours or
/// Graphviz's — is judged by the same rules: edges as drawn (Bézier curves, flattened finely), boxes, labels.
public struct DrawingMetrics: Sendable, Equatable {
    /// Points where two different edges cross, away from the boxes (where edges of one node meet anyway).
    public var crossings = 0
    /// Pairs of labels that cover each other.
    public var labelOverlaps = 0
    /// Pairs of a label and a box that cover each other.
    public var labelNodeOverlaps = 0
    /// Pairs of boxes that cover each other.
    public var nodeOverlaps = 0
    /// Pairs of edges that run along one line for a stretch: closer than a pixel and parallel within 3° over
    /// at least 8 pixels together (two curves crossing at a flat angle are near for a moment; that is a crossing).
    public var sharedSegments = 0
    /// The edges (by index) of each shared stretch, for a message that names them.
    public var sharedPairs: [[Int]] = []

    public init(nodes: [Rect], edges: [[Point]], labels: [Rect]) {
        labelOverlaps = Self.overlappingPairs(labels, labels)
        labelNodeOverlaps = Self.overlappingPairs(labels, nodes)
        nodeOverlaps = Self.overlappingPairs(nodes, nodes)
        measureEdges(edges.map(Self.flatten), nodes: nodes)
    }

    /// A piecewise cubic Bézier curve (start, then control, control, end per piece) as a polyline with a point
    /// every few pixels.
    public static func flatten(_ points: [Point]) -> [Point] {
        guard let first = points.first else { return [] }
        var line = [first]
        var index = 1
        while index + 2 < points.count {
            let p0 = points[index - 1], c1 = points[index], c2 = points[index + 1], p1 = points[index + 2]
            let length =
                distance(p0, c1) + distance(c1, c2) + distance(c2, p1)
            let steps = max(1, min(64, Int(length / 4)))
            for step in 1...steps {
                let t = Double(step) / Double(steps), u = 1 - t
                let a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t
                line.append(
                    Point(a * p0.x + b * c1.x + c * c2.x + d * p1.x, a * p0.y + b * c1.y + c * c2.y + d * p1.y))
            }
            index += 3
        }
        return line
    }

    static func distance(_ a: Point, _ b: Point) -> Double {
        ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
    }

    /// Overlapping pairs between two lists (the same list: each pair once), by a sweep over x.
    static func overlappingPairs(_ a: [Rect], _ b: [Rect]) -> Int {
        let same = a == b
        let sortedB = b.indices.sorted { b[$0].x < b[$1].x }
        let starts = sortedB.map { b[$0].x }
        var count = 0
        for (i, rect) in a.enumerated() {
            // Every rectangle of b starting before this one ends; those must also end after it starts.
            var low = 0, high = starts.count
            while low < high {
                let mid = (low + high) / 2
                if starts[mid] < rect.maxX { low = mid + 1 } else { high = mid }
            }
            for k in 0..<low {
                let j = sortedB[k]
                if same && j <= i { continue }
                if rect.overlaps(b[j]) { count += 1 }
            }
        }
        return count
    }

    private struct Segment {
        var a: Point
        var b: Point
        var edge: Int
    }

    private mutating func measureEdges(_ lines: [[Point]], nodes: [Rect]) {
        let cell = 32.0
        var segments: [Segment] = []
        var grid: [Int64: [Int]] = [:]
        func key(_ cx: Int, _ cy: Int) -> Int64 { Int64(cx) << 32 | Int64(UInt32(bitPattern: Int32(cy))) }
        for (edge, line) in lines.enumerated() {
            for (a, b) in zip(line, line.dropFirst()) where a != b {
                let index = segments.count
                segments.append(Segment(a: a, b: b, edge: edge))
                for cx in Int((min(a.x, b.x) / cell).rounded(.down))...Int((max(a.x, b.x) / cell).rounded(.down)) {
                    for cy in Int((min(a.y, b.y) / cell).rounded(.down))...Int((max(a.y, b.y) / cell).rounded(.down)) {
                        grid[key(cx, cy), default: []].append(index)
                    }
                }
            }
        }
        // Where edges meet at a box they may touch; crossings count only away from the boxes.
        let nodeGrid = NodeGrid(nodes: nodes.map { $0.insetBy(-3) })
        var together: [Int64: Double] = [:]
        for (cellKey, members) in grid where members.count > 1 {
            let cx = Int(cellKey >> 32), cy = Int(Int32(truncatingIfNeeded: cellKey))
            for i in 0..<(members.count - 1) {
                let s = segments[members[i]]
                for j in (i + 1)..<members.count {
                    let t = segments[members[j]]
                    guard s.edge != t.edge else { continue }
                    if let point = Self.intersection(s, t) {
                        // Counted once: in the cell that holds the crossing point.
                        guard Int((point.x / cell).rounded(.down)) == cx, Int((point.y / cell).rounded(.down)) == cy
                        else { continue }
                        if !nodeGrid.contains(point) { crossings += 1 }
                    } else if !nodeGrid.contains(s.a), !nodeGrid.contains(s.b) {
                        let length = Self.runTogether(s, t)
                        // Counted in the cell of the start of the shorter piece, so that no stretch counts twice.
                        let anchor = length > 0 ? (s.a.x <= t.a.x ? s.a : t.a) : s.a
                        if length > 0, Int((anchor.x / cell).rounded(.down)) == cx,
                            Int((anchor.y / cell).rounded(.down)) == cy
                        {
                            together[Int64(min(s.edge, t.edge)) << 32 | Int64(max(s.edge, t.edge)), default: 0] +=
                                length
                        }
                    }
                }
            }
        }
        sharedPairs = together.filter { $0.value >= 8 }.keys.sorted().map { [Int($0 >> 32), Int($0 & 0xFFFF_FFFF)] }
        sharedSegments = sharedPairs.count
    }

    /// The crossing point of two segments, ends half-open so that a crossing at a joint counts once.
    private static func intersection(_ s: Segment, _ t: Segment) -> Point? {
        let r = Point(s.b.x - s.a.x, s.b.y - s.a.y), q = Point(t.b.x - t.a.x, t.b.y - t.a.y)
        let denominator = r.x * q.y - r.y * q.x
        guard abs(denominator) > 1e-9 else { return nil }
        let dx = t.a.x - s.a.x, dy = t.a.y - s.a.y
        let u = (dx * q.y - dy * q.x) / denominator, v = (dx * r.y - dy * r.x) / denominator
        guard u >= 0, u < 1, v >= 0, v < 1 else { return nil }
        // Segments that merely touch end to end at a shared point are not a crossing.
        if (u == 0 || v == 0) && (s.a == t.a) { return nil }
        return Point(s.a.x + u * r.x, s.a.y + u * r.y)
    }

    /// How long two segments lie along one line (0 if they do not): parallel within 3°, less than a pixel
    /// apart, over the length both cover.
    private static func runTogether(_ s: Segment, _ t: Segment) -> Double {
        let r = Point(s.b.x - s.a.x, s.b.y - s.a.y), q = Point(t.b.x - t.a.x, t.b.y - t.a.y)
        let length = (r.x * r.x + r.y * r.y).squareRoot(), other = (q.x * q.x + q.y * q.y).squareRoot()
        guard length > 0, other > 0, abs(r.x * q.y - r.y * q.x) / (length * other) < 0.0524 else { return 0 }
        let ux = r.x / length, uy = r.y / length
        func offset(_ p: Point) -> Double { abs((p.x - s.a.x) * uy - (p.y - s.a.y) * ux) }
        guard offset(t.a) < 1, offset(t.b) < 1 else { return 0 }
        let p = (t.a.x - s.a.x) * ux + (t.a.y - s.a.y) * uy, p2 = (t.b.x - s.a.x) * ux + (t.b.y - s.a.y) * uy
        return max(0, min(length, max(p, p2)) - max(0, min(p, p2)))
    }
}

/// Boxes bucketed by a coarse grid, to ask quickly whether a point lies in any of them.
private struct NodeGrid {
    let nodes: [Rect]
    var cells: [Int64: [Int]] = [:]
    let size = 64.0

    init(nodes: [Rect]) {
        self.nodes = nodes
        for (index, node) in nodes.enumerated() {
            for cx in Int((node.x / size).rounded(.down))...Int((node.maxX / size).rounded(.down)) {
                for cy in Int((node.y / size).rounded(.down))...Int((node.maxY / size).rounded(.down)) {
                    cells[Int64(cx) << 32 | Int64(UInt32(bitPattern: Int32(cy))), default: []].append(index)
                }
            }
        }
    }

    func contains(_ point: Point) -> Bool {
        let cx = Int((point.x / size).rounded(.down)), cy = Int((point.y / size).rounded(.down))
        return cells[Int64(cx) << 32 | Int64(UInt32(bitPattern: Int32(cy)))]?.contains { nodes[$0].contains(point) }
            ?? false
    }
}
