import Foundation

extension SVGRenderer {
    /// Event circles: thin for start, double for intermediate and boundary, thick for end; dashed when
    /// non-interrupting; the definition's icon inside, filled when the event throws.
    static func drawEvent(_ element: BPMNElement, in b: Bounds, into svg: inout SVGBuilder) {
        let kind = element.kind
        let r = min(b.width, b.height) / 2
        let nonInterrupting = element["cancelActivity"] == "false" || element["isInterrupting"] == "false"
        let dash = nonInterrupting ? ";stroke-dasharray:5,3" : ""
        switch kind {
        case "model:endEvent":
            // Thick, but in proportion: small events from some tools would otherwise turn into dots.
            let width = max(1.5, min(4, r / 4.5))
            svg.circle(b.midX, b.midY, r - width / 2, style: "fill:white;stroke:\(stroke);stroke-width:\(n(width))")
        case "model:startEvent":
            svg.circle(b.midX, b.midY, r, style: "fill:white;stroke:\(stroke);stroke-width:1.5\(dash)")
        default:
            svg.circle(b.midX, b.midY, r, style: "fill:white;stroke:\(stroke);stroke-width:1.5\(dash)")
            svg.circle(
                b.midX, b.midY, r - min(3, r / 6),
                style: "fill:none;stroke:\(stroke);stroke-width:\(r < 12 ? 1 : 1.5)\(dash)")
        }
        let definitions =
            element.children.filter { $0.kind.hasSuffix("EventDefinition") }.map(\.kind)
            + element.children("model:eventDefinitionRef").map { _ in "model:referencedEventDefinition" }
        let throwing = kind == "model:endEvent" || kind == "model:intermediateThrowEvent"
        let center = Point(x: b.midX, y: b.midY), size = r * 0.55
        if definitions.count > 1 {
            if element["parallelMultiple"] == "true" {
                svg.path(
                    "M\(n(center.x)),\(n(center.y - size)) V\(n(center.y + size)) M\(n(center.x - size)),\(n(center.y)) H\(n(center.x + size))",
                    style: "fill:none;stroke:\(stroke);stroke-width:3")
            } else {
                drawPolygon(sides: 5, center: center, radius: size, filled: throwing, into: &svg)
            }
            return
        }
        guard let definition = definitions.first else { return }
        drawEventDefinition(definition, center: center, size: size, filled: throwing, into: &svg)
    }

    static func drawEventDefinition(
        _ kind: String, center c: Point, size s: Double, filled: Bool, into svg: inout SVGBuilder
    ) {
        let fill = filled ? stroke : "none"
        let style = "fill:\(fill);stroke:\(stroke);stroke-width:1.2"
        switch kind {
        case "model:messageEventDefinition":
            drawEnvelope(
                in: Bounds(x: c.x - s, y: c.y - s * 0.65, width: 2 * s, height: 1.3 * s), filled: filled, into: &svg)
        case "model:timerEventDefinition":
            svg.circle(c.x, c.y, s, style: "fill:white;stroke:\(stroke);stroke-width:1.2")
            svg.path(
                "M\(n(c.x)),\(n(c.y)) L\(n(c.x)),\(n(c.y - s * 0.7)) M\(n(c.x)),\(n(c.y)) L\(n(c.x + s * 0.5)),\(n(c.y + s * 0.2))",
                style: "stroke:\(stroke);stroke-width:1.2")
        case "model:errorEventDefinition":
            svg.path(
                "M\(n(c.x - s)),\(n(c.y + s)) L\(n(c.x - s * 0.4)),\(n(c.y - s * 0.7)) L\(n(c.x + s * 0.2)),\(n(c.y + s * 0.1)) L\(n(c.x + s)),\(n(c.y - s)) L\(n(c.x + s * 0.4)),\(n(c.y + s * 0.7)) L\(n(c.x - s * 0.2)),\(n(c.y - s * 0.1)) Z",
                style: style)
        case "model:escalationEventDefinition":
            svg.path(
                "M\(n(c.x)),\(n(c.y - s)) L\(n(c.x + s * 0.7)),\(n(c.y + s)) L\(n(c.x)),\(n(c.y + s * 0.3)) L\(n(c.x - s * 0.7)),\(n(c.y + s)) Z",
                style: style)
        case "model:cancelEventDefinition":
            svg.path(
                "M\(n(c.x - s * 0.7)),\(n(c.y - s * 0.7)) L\(n(c.x + s * 0.7)),\(n(c.y + s * 0.7)) M\(n(c.x + s * 0.7)),\(n(c.y - s * 0.7)) L\(n(c.x - s * 0.7)),\(n(c.y + s * 0.7))",
                style: "stroke:\(stroke);stroke-width:\(filled ? 4 : 2.5)")
        case "model:compensateEventDefinition":
            svg.path(
                "M\(n(c.x - s)),\(n(c.y)) l\(n(s)),\(n(-s * 0.6)) v\(n(1.2 * s)) z M\(n(c.x)),\(n(c.y)) l\(n(s)),\(n(-s * 0.6)) v\(n(1.2 * s)) z",
                style: style)
        case "model:conditionalEventDefinition":
            svg.rect(
                Bounds(x: c.x - s * 0.7, y: c.y - s, width: s * 1.4, height: 2 * s),
                style: "fill:white;stroke:\(stroke);stroke-width:1.2")
            for offset in [-0.5, 0.0, 0.5] {
                svg.path(
                    "M\(n(c.x - s * 0.45)),\(n(c.y + s * offset)) H\(n(c.x + s * 0.45))",
                    style: "stroke:\(stroke);stroke-width:1")
            }
        case "model:linkEventDefinition":
            svg.path(
                "M\(n(c.x - s)),\(n(c.y - s * 0.35)) H\(n(c.x + s * 0.2)) V\(n(c.y - s * 0.8)) L\(n(c.x + s)),\(n(c.y)) L\(n(c.x + s * 0.2)),\(n(c.y + s * 0.8)) V\(n(c.y + s * 0.35)) H\(n(c.x - s)) Z",
                style: style)
        case "model:signalEventDefinition":
            drawPolygon(sides: 3, center: Point(x: c.x, y: c.y + s * 0.15), radius: s, filled: filled, into: &svg)
        case "model:terminateEventDefinition":
            svg.circle(c.x, c.y, s * 0.9, style: "fill:\(stroke)")
        default:
            break
        }
    }

    /// A small glyph in the top-left corner of a task naming its type.
    static func drawTaskIcon(_ kind: String, at p: Point, into svg: inout SVGBuilder) {
        let thin = "fill:none;stroke:\(stroke);stroke-width:1"
        switch kind {
        case "model:userTask":
            svg.circle(p.x + 6, p.y + 4, 3.5, style: thin)
            svg.path(
                "M\(n(p.x)),\(n(p.y + 15)) Q\(n(p.x)),\(n(p.y + 8)) \(n(p.x + 6)),\(n(p.y + 8)) Q\(n(p.x + 12)),\(n(p.y + 8)) \(n(p.x + 12)),\(n(p.y + 15)) Z",
                style: thin)
        case "model:serviceTask":
            svg.circle(p.x + 6, p.y + 6, 5, style: thin)
            svg.circle(p.x + 6, p.y + 6, 2, style: thin)
            for angle in stride(from: 0.0, to: 360, by: 45) {
                let radians = angle * Double.pi / 180
                svg.path(
                    "M\(n(p.x + 6 + 5 * cos(radians))),\(n(p.y + 6 + 5 * sin(radians))) L\(n(p.x + 6 + 7 * cos(radians))),\(n(p.y + 6 + 7 * sin(radians)))",
                    style: "stroke:\(stroke);stroke-width:2")
            }
        case "model:sendTask":
            drawEnvelope(in: Bounds(x: p.x, y: p.y + 2, width: 14, height: 9), filled: true, into: &svg)
        case "model:receiveTask":
            drawEnvelope(in: Bounds(x: p.x, y: p.y + 2, width: 14, height: 9), filled: false, into: &svg)
        case "model:manualTask":
            svg.path(
                "M\(n(p.x)),\(n(p.y + 6)) h9 a1.5,1.5 0 0 1 0,3 h-2 a1.5,1.5 0 0 1 0,3 h-1 a1.5,1.5 0 0 1 0,3 h-6 z",
                style: thin)
        case "model:businessRuleTask":
            svg.rect(Bounds(x: p.x, y: p.y + 1, width: 15, height: 11), style: thin)
            svg.path(
                "M\(n(p.x)),\(n(p.y + 4.5)) H\(n(p.x + 15)) M\(n(p.x)),\(n(p.y + 8)) H\(n(p.x + 15)) M\(n(p.x + 4.5)),\(n(p.y + 1)) V\(n(p.y + 12))",
                style: thin)
        case "model:scriptTask":
            svg.path(
                "M\(n(p.x + 3)),\(n(p.y)) H\(n(p.x + 13)) Q\(n(p.x + 9)),\(n(p.y + 7)) \(n(p.x + 13)),\(n(p.y + 14)) H\(n(p.x + 3)) Q\(n(p.x + 7)),\(n(p.y + 7)) \(n(p.x + 3)),\(n(p.y)) Z M\(n(p.x + 5)),\(n(p.y + 4)) h5 M\(n(p.x + 6)),\(n(p.y + 7)) h5 M\(n(p.x + 6)),\(n(p.y + 10)) h5",
                style: thin)
        default:
            break
        }
    }
}
