/// A rectangle in diagram coordinates.
public struct Bounds: Hashable, Sendable {
    public var x: Double, y: Double, width: Double, height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    init?(_ element: BPMNElement?) {
        guard let element, let x = Double(element["x"] ?? ""), let y = Double(element["y"] ?? ""),
            let width = Double(element["width"] ?? ""), let height = Double(element["height"] ?? "")
        else { return nil }
        self.init(x: x, y: y, width: width, height: height)
    }

    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
    public var midX: Double { x + width / 2 }
    public var midY: Double { y + height / 2 }

    public func intersects(_ other: Bounds) -> Bool {
        x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
    }
}

/// A point in diagram coordinates.
public struct Point: Hashable, Sendable {
    public var x: Double, y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// One diagram of a model as drawable geometry: each shape and edge with the semantic element it shows.
public struct DiagramGeometry: Sendable {
    public struct Shape: Sendable {
        public var element: BPMNElement
        public var bounds: Bounds
        public var isHorizontal: Bool?
        public var isExpanded: Bool?
        public var isMarkerVisible: Bool?
        public var labelBounds: Bounds?
    }

    public struct Edge: Sendable {
        public var element: BPMNElement
        public var waypoints: [Point]
        public var labelBounds: Bounds?
        /// A sequence flow that its source names as `default`.
        public var isDefault = false
        /// A sequence flow with a condition leaving an activity (drawn with a diamond at its start).
        public var isConditionalFromActivity = false
    }

    public var name: String?
    public var shapes: [Shape]
    public var edges: [Edge]

    /// The geometry of the diagram at `index` (0 for the first); `nil` if the model has no such diagram.
    public init?(_ model: BPMNModel, diagram index: Int = 0) {
        let diagrams = model.definitions.children("bpmndi:BPMNDiagram")
        guard index < diagrams.count, let plane = diagrams[index].children("bpmndi:BPMNPlane").first else { return nil }
        // Semantic elements by id; DI elements share no ids with them, but some tools repeat ids across kinds.
        var semantic: [String: BPMNElement] = [:]
        for element in model.allElements where element.kind.hasPrefix("model:") {
            if let id = element.id, semantic[id] == nil { semantic[id] = element }
        }
        func bool(_ value: String?) -> Bool? { value.map { $0 == "true" } }
        let defaultFlows = Set(model.allElements.compactMap { $0["default"] })
        let activities = Set(
            model.allElements.filter { SVGRenderer.category(of: $0.kind) == .activity }.compactMap(\.id))
        name = diagrams[index]["name"]
        shapes = plane.children("bpmndi:BPMNShape").compactMap { shape in
            guard let bounds = Bounds(shape.children("dc:Bounds").first) else { return nil }
            let element = shape["bpmnElement"].flatMap {
                semantic[$0] ?? semantic[String($0.split(separator: ":").last ?? "")]
            }
            return Shape(
                element: element ?? BPMNElement(kind: "model:unknown"), bounds: bounds,
                isHorizontal: bool(shape["isHorizontal"]), isExpanded: bool(shape["isExpanded"]),
                isMarkerVisible: bool(shape["isMarkerVisible"]),
                labelBounds: Bounds(shape.children("bpmndi:BPMNLabel").first?.children("dc:Bounds").first))
        }
        edges = plane.children("bpmndi:BPMNEdge").compactMap { edge in
            let points = edge.children("di:waypoint").compactMap { point -> Point? in
                guard let x = Double(point["x"] ?? ""), let y = Double(point["y"] ?? "") else { return nil }
                return Point(x: x, y: y)
            }
            guard points.count >= 2 else { return nil }
            let element = edge["bpmnElement"].flatMap { semantic[$0] } ?? BPMNElement(kind: "model:unknown")
            var result = Edge(
                element: element, waypoints: points,
                labelBounds: Bounds(edge.children("bpmndi:BPMNLabel").first?.children("dc:Bounds").first))
            if element.kind == "model:sequenceFlow", let id = element.id {
                result.isDefault = defaultFlows.contains(id)
                result.isConditionalFromActivity =
                    !element.children("model:conditionExpression").isEmpty
                    && activities.contains(element["sourceRef"] ?? "")
            }
            return result
        }
    }

    /// The smallest rectangle holding every shape, edge and label.
    public var extent: Bounds {
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        func include(_ x: Double, _ y: Double) {
            minX = min(minX, x)
            minY = min(minY, y)
            maxX = max(maxX, x)
            maxY = max(maxY, y)
        }
        for shape in shapes {
            include(shape.bounds.x, shape.bounds.y)
            include(shape.bounds.maxX, shape.bounds.maxY)
            if let label = shape.labelBounds {
                include(label.x, label.y)
                include(label.maxX, label.maxY)
            }
        }
        for edge in edges { for point in edge.waypoints { include(point.x, point.y) } }
        guard minX.isFinite else { return Bounds(x: 0, y: 0, width: 100, height: 100) }
        return Bounds(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
    }
}
