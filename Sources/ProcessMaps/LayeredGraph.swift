/// A point of a drawing, in pixels, y downwards.
public struct Point: Hashable, Sendable {
    public var x: Double
    public var y: Double
    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }
}

/// A rectangle of a drawing by its top-left corner.
public struct Rect: Hashable, Sendable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
    public var center: Point { Point(x + width / 2, y + height / 2) }

    /// Whether the two share an area wider and higher than `tolerance` (touching is not overlapping).
    public func overlaps(_ other: Rect, tolerance: Double = 0.5) -> Bool {
        min(maxX, other.maxX) - max(x, other.x) > tolerance && min(maxY, other.maxY) - max(y, other.y) > tolerance
    }

    public func insetBy(_ amount: Double) -> Rect {
        Rect(x: x + amount, y: y + amount, width: width - 2 * amount, height: height - 2 * amount)
    }

    public func contains(_ point: Point) -> Bool { point.x >= x && point.x <= maxX && point.y >= y && point.y <= maxY }
}

/// What the layered layout draws: boxes of given sizes joined by directed edges, each edge optionally with a
/// label of given size. Nodes may be pinned to the first or last rank (a start and an end event).
public struct LayeredGraph: Sendable {
    public enum Pin: Sendable { case first, last }

    public struct Node: Sendable {
        public var width: Double
        public var height: Double
        public var pin: Pin?
        public init(width: Double, height: Double, pin: Pin? = nil) {
            self.width = width
            self.height = height
            self.pin = pin
        }
    }

    public struct Edge: Sendable {
        public var from: Int
        public var to: Int
        /// How strongly the edge wants to point downwards and be short and straight (its frequency).
        public var weight: Double
        public var labelWidth: Double
        public var labelHeight: Double
        public init(from: Int, to: Int, weight: Double = 1, labelWidth: Double = 0, labelHeight: Double = 0) {
            self.from = from
            self.to = to
            self.weight = weight
            self.labelWidth = labelWidth
            self.labelHeight = labelHeight
        }
        var hasLabel: Bool { labelWidth > 0 && labelHeight > 0 }
    }

    public var nodes: [Node]
    public var edges: [Edge]
    public init(nodes: [Node], edges: [Edge]) {
        self.nodes = nodes
        self.edges = edges
    }
}

/// Where the layout put everything. Each edge is a piecewise cubic Bézier curve in its own direction: the
/// first point, then for every piece two control points and its end point — the form of SVG's `M … C …` and
/// of Graphviz's splines, so the same measures apply to both.
public struct LayeredDrawing: Sendable {
    public struct Route: Sendable {
        public var points: [Point]
        public var label: Rect?
        public init(points: [Point], label: Rect?) {
            self.points = points
            self.label = label
        }
    }

    public var nodes: [Rect]
    public var edges: [Route]
    public var width: Double
    public var height: Double
    public init(nodes: [Rect], edges: [Route], width: Double, height: Double) {
        self.nodes = nodes
        self.edges = edges
        self.width = width
        self.height = height
    }
}
