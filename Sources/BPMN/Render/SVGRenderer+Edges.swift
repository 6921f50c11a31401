extension SVGRenderer {
    /// Sequence flows solid with a filled arrow (a slash for default flows, a diamond for conditional flows
    /// leaving an activity); message flows dashed from an open circle to an open arrow; associations dotted.
    static func drawEdge(_ edge: DiagramGeometry.Edge, into svg: inout SVGBuilder) {
        let element = edge.element, points = edge.waypoints
        let polyline = points.map { "\(n($0.x)),\(n($0.y))" }.joined(separator: " ")
        var attributes: [(String, String)] = [("points", polyline)]
        switch element.kind {
        case "model:messageFlow":
            attributes += [
                ("style", lineStyle + ";stroke-dasharray:6,4"), ("marker-start", "url(#open-circle)"),
                ("marker-end", "url(#open-arrow)"),
            ]
        case "model:association":
            attributes.append(("style", lineStyle + ";stroke-dasharray:2,3"))
            if element["associationDirection"] == "One" || element["associationDirection"] == "Both" {
                attributes.append(("marker-end", "url(#line-arrow)"))
            }
            if element["associationDirection"] == "Both" { attributes.append(("marker-start", "url(#line-arrow)")) }
        case "model:dataInputAssociation", "model:dataOutputAssociation":
            attributes += [("style", lineStyle + ";stroke-dasharray:2,3"), ("marker-end", "url(#line-arrow)")]
        default:
            attributes += [("style", lineStyle), ("marker-end", "url(#arrow)")]
        }
        svg.element("polyline", attributes)
        if element.kind == "model:sequenceFlow", points.count >= 2 {
            let (start, next) = (points[0], points[1])
            let length = max(
                1, ((next.x - start.x) * (next.x - start.x) + (next.y - start.y) * (next.y - start.y)).squareRoot())
            let (dx, dy) = ((next.x - start.x) / length, (next.y - start.y) / length)
            if edge.isDefault {
                let mx = start.x + dx * 10, my = start.y + dy * 10
                svg.path(
                    "M\(n(mx - dy * 5 - dx * 3)),\(n(my + dx * 5 - dy * 3)) L\(n(mx + dy * 5 + dx * 3)),\(n(my - dx * 5 + dy * 3))",
                    style: lineStyle)
            } else if edge.isConditionalFromActivity {
                let tip = Point(x: start.x + dx * 14, y: start.y + dy * 14),
                    mid = Point(x: start.x + dx * 7, y: start.y + dy * 7)
                svg.path(
                    "M\(n(start.x)),\(n(start.y)) L\(n(mid.x - dy * 4)),\(n(mid.y + dx * 4)) L\(n(tip.x)),\(n(tip.y)) L\(n(mid.x + dy * 4)),\(n(mid.y - dx * 4)) Z",
                    style: "fill:white;stroke:\(stroke);stroke-width:1.2")
            }
        }
        if let name = element.name, !name.isEmpty {
            let bounds =
                edge.labelBounds
                ?? {
                    let middle = points[points.count / 2 - (points.count % 2 == 0 ? 1 : 0)]
                    return Bounds(x: middle.x - 45, y: middle.y - 22, width: 90, height: 20)
                }()
            svg.label(name, in: bounds)
        }
    }
}
