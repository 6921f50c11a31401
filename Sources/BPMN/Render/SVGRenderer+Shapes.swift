import Foundation

extension SVGRenderer {
    enum Category {
        case pool, lane, activity, event, gateway, dataObject, dataStore, annotation, group, message, other
    }

    static func category(of kind: String) -> Category {
        switch kind {
        case "model:participant": .pool
        case "model:lane": .lane
        case "model:dataObject", "model:dataObjectReference", "model:dataInput", "model:dataOutput": .dataObject
        case "model:dataStore", "model:dataStoreReference": .dataStore
        case "model:textAnnotation": .annotation
        case "model:group": .group
        case "model:message": .message
        default:
            if kind.hasSuffix("Event") {
                .event
            } else if kind.hasSuffix("Gateway") {
                .gateway
            } else if kind.hasSuffix("Task") || kind == "model:task" || kind.hasSuffix("SubProcess")
                || kind == "model:subProcess"
                || kind == "model:transaction" || kind == "model:callActivity"
            {
                .activity
            } else {
                .other
            }
        }
    }

    static func drawShape(_ shape: DiagramGeometry.Shape, into svg: inout SVGBuilder) {
        let b = shape.bounds, element = shape.element
        switch category(of: element.kind) {
        case .pool, .lane:
            svg.rect(b, style: "fill:white;fill-opacity:0.01;stroke:\(stroke);stroke-width:1.5")
            let horizontal = shape.isHorizontal ?? true
            if horizontal {
                svg.path("M\(n(b.x + 30)),\(n(b.y)) V\(n(b.maxY))", style: lineStyle)
            } else {
                svg.path("M\(n(b.x)),\(n(b.y + 30)) H\(n(b.maxX))", style: lineStyle)
            }
        case .activity: drawActivity(shape, into: &svg)
        case .event: drawEvent(element, in: b, into: &svg)
        case .gateway: drawGateway(shape, into: &svg)
        case .dataObject:
            let fold = min(12, b.width / 3)
            svg.path(
                "M\(n(b.x)),\(n(b.y)) H\(n(b.maxX - fold)) L\(n(b.maxX)),\(n(b.y + fold)) V\(n(b.maxY)) H\(n(b.x)) Z M\(n(b.maxX - fold)),\(n(b.y)) V\(n(b.y + fold)) H\(n(b.maxX))",
                style: "fill:white;stroke:\(stroke);stroke-width:1.5")
            if element.kind == "model:dataInput" || element.kind == "model:dataOutput" {
                let filled = element.kind == "model:dataOutput"
                svg.path(
                    "M\(n(b.x + 4)),\(n(b.y + 8)) h6 v-4 l6,6 l-6,6 v-4 h-6 z",
                    style: "fill:\(filled ? stroke : "white");stroke:\(stroke)")
            }
            if element["isCollection"] == "true" {
                drawParallelBars(centerX: b.midX, bottom: b.maxY - 3, vertical: true, into: &svg)
            }
        case .dataStore:
            let ry = min(8, b.height / 6)
            svg.path(
                "M\(n(b.x)),\(n(b.y + ry)) A\(n(b.width / 2)),\(n(ry)) 0 0 0 \(n(b.maxX)),\(n(b.y + ry)) V\(n(b.maxY - ry)) A\(n(b.width / 2)),\(n(ry)) 0 0 1 \(n(b.x)),\(n(b.maxY - ry)) Z",
                style: "fill:white;stroke:\(stroke);stroke-width:1.5")
            for offset in [1.0, 2.0] {
                svg.path(
                    "M\(n(b.x)),\(n(b.y + ry * offset)) A\(n(b.width / 2)),\(n(ry)) 0 0 0 \(n(b.maxX)),\(n(b.y + ry * offset))",
                    style: lineStyle)
            }
            svg.path(
                "M\(n(b.x)),\(n(b.y + ry)) A\(n(b.width / 2)),\(n(ry)) 0 0 1 \(n(b.maxX)),\(n(b.y + ry))",
                style: lineStyle)
        case .annotation:
            svg.path("M\(n(b.x + 10)),\(n(b.y)) H\(n(b.x)) V\(n(b.maxY)) H\(n(b.x + 10))", style: lineStyle)
        case .group:
            svg.rect(b, radius: 10, style: "fill:none;stroke:\(stroke);stroke-width:1.5;stroke-dasharray:8,3,1,3")
        case .message:
            drawEnvelope(in: b, filled: false, into: &svg)
        case .other:
            svg.rect(b, style: "fill:none;stroke:#888;stroke-dasharray:4,4")
        }
    }

    static func drawActivity(_ shape: DiagramGeometry.Shape, into svg: inout SVGBuilder) {
        let b = shape.bounds, element = shape.element, kind = element.kind
        var style = "fill:white;stroke:\(stroke);stroke-width:\(kind == "model:callActivity" ? 4 : 1.5)"
        if element["triggeredByEvent"] == "true" { style += ";stroke-dasharray:2,3" }
        svg.rect(b, radius: 10, style: style)
        if kind == "model:transaction" {
            svg.rect(
                Bounds(x: b.x + 3, y: b.y + 3, width: b.width - 6, height: b.height - 6), radius: 8, style: lineStyle)
        }
        drawTaskIcon(kind, at: Point(x: b.x + 8, y: b.y + 8), into: &svg)
        // Markers along the bottom centre: loop or multi-instance, collapsed sub-process, ad-hoc, compensation.
        var markers: [String] = []
        if let loop = element.children.first(where: { $0.kind.hasSuffix("LoopCharacteristics") }) {
            if loop.kind == "model:standardLoopCharacteristics" {
                markers.append("loop")
            } else {
                markers.append(loop["isSequential"] == "true" ? "sequential" : "parallel")
            }
        }
        let isSubProcess = ["model:subProcess", "model:transaction", "model:adHocSubProcess", "model:callActivity"]
            .contains(kind)
        if isSubProcess && shape.isExpanded != true && kind != "model:callActivity"
            || kind == "model:callActivity" && element.children.isEmpty && shape.isExpanded == false
        {
            markers.append("collapsed")
        }
        if kind == "model:adHocSubProcess" { markers.append("adhoc") }
        if element["isForCompensation"] == "true" { markers.append("compensation") }
        let size = 12.0, gap = 3.0
        var x = b.midX - (Double(markers.count) * size + Double(max(0, markers.count - 1)) * gap) / 2
        let y = b.maxY - size - 4
        for marker in markers {
            let box = Bounds(x: x, y: y, width: size, height: size)
            switch marker {
            case "loop":
                svg.path(
                    "M\(n(box.x + 3)),\(n(box.maxY - 1)) A5,5 0 1 1 \(n(box.maxX - 3)),\(n(box.maxY - 1)) M\(n(box.x + 3)),\(n(box.maxY - 1)) l-2,-3 M\(n(box.x + 3)),\(n(box.maxY - 1)) l3,-1",
                    style: lineStyle)
            case "sequential": drawParallelBars(centerX: box.midX, bottom: box.maxY, vertical: false, into: &svg)
            case "parallel": drawParallelBars(centerX: box.midX, bottom: box.maxY, vertical: true, into: &svg)
            case "collapsed":
                svg.rect(box, style: lineStyle)
                svg.path(
                    "M\(n(box.midX)),\(n(box.y + 3)) V\(n(box.maxY - 3)) M\(n(box.x + 3)),\(n(box.midY)) H\(n(box.maxX - 3))",
                    style: lineStyle)
            case "adhoc":
                svg.path("M\(n(box.x)),\(n(box.midY)) q3,-4 6,0 t6,0", style: lineStyle)
            default:
                svg.path(
                    "M\(n(box.x)),\(n(box.midY)) l6,-5 v10 z M\(n(box.x + 6)),\(n(box.midY)) l6,-5 v10 z",
                    style: "fill:none;stroke:\(stroke)")
            }
            x += size + gap
        }
    }

    static func drawParallelBars(centerX: Double, bottom: Double, vertical: Bool, into svg: inout SVGBuilder) {
        for offset in [-4.0, 0, 4] {
            if vertical {
                svg.path(
                    "M\(n(centerX + offset)),\(n(bottom - 10)) V\(n(bottom))", style: "stroke:\(stroke);stroke-width:2")
            } else {
                svg.path(
                    "M\(n(centerX - 5)),\(n(bottom - 5 + offset)) H\(n(centerX + 5))",
                    style: "stroke:\(stroke);stroke-width:2")
            }
        }
    }

    static func drawGateway(_ shape: DiagramGeometry.Shape, into svg: inout SVGBuilder) {
        let b = shape.bounds, kind = shape.element.kind
        svg.path(
            "M\(n(b.midX)),\(n(b.y)) L\(n(b.maxX)),\(n(b.midY)) L\(n(b.midX)),\(n(b.maxY)) L\(n(b.x)),\(n(b.midY)) Z",
            style: "fill:white;stroke:\(stroke);stroke-width:1.5")
        let r = min(b.width, b.height) / 4
        let thick = "fill:none;stroke:\(stroke);stroke-width:3"
        switch kind {
        case "model:exclusiveGateway" where shape.isMarkerVisible == true:
            svg.path(
                "M\(n(b.midX - r * 0.7)),\(n(b.midY - r * 0.7)) L\(n(b.midX + r * 0.7)),\(n(b.midY + r * 0.7)) M\(n(b.midX + r * 0.7)),\(n(b.midY - r * 0.7)) L\(n(b.midX - r * 0.7)),\(n(b.midY + r * 0.7))",
                style: thick)
        case "model:parallelGateway":
            svg.path(
                "M\(n(b.midX)),\(n(b.midY - r)) V\(n(b.midY + r)) M\(n(b.midX - r)),\(n(b.midY)) H\(n(b.midX + r))",
                style: thick)
        case "model:inclusiveGateway":
            svg.circle(b.midX, b.midY, r * 0.9, style: "fill:none;stroke:\(stroke);stroke-width:2.5")
        case "model:complexGateway":
            svg.path(
                "M\(n(b.midX)),\(n(b.midY - r)) V\(n(b.midY + r)) M\(n(b.midX - r)),\(n(b.midY)) H\(n(b.midX + r)) M\(n(b.midX - r * 0.7)),\(n(b.midY - r * 0.7)) L\(n(b.midX + r * 0.7)),\(n(b.midY + r * 0.7)) M\(n(b.midX + r * 0.7)),\(n(b.midY - r * 0.7)) L\(n(b.midX - r * 0.7)),\(n(b.midY + r * 0.7))",
                style: thick)
        case "model:eventBasedGateway":
            svg.circle(b.midX, b.midY, r * 1.1, style: lineStyle)
            svg.circle(b.midX, b.midY, r * 0.9, style: lineStyle)
            drawPolygon(sides: 5, center: Point(x: b.midX, y: b.midY), radius: r * 0.6, filled: false, into: &svg)
        default:
            break
        }
    }

    static func drawPolygon(
        sides: Int, center: Point, radius: Double, filled: Bool, rotation: Double = -Double.pi / 2,
        into svg: inout SVGBuilder
    ) {
        let points = (0..<sides).map { index -> String in
            let angle = rotation + 2 * Double.pi * Double(index) / Double(sides)
            return "\(n(center.x + radius * cos(angle))),\(n(center.y + radius * sin(angle)))"
        }
        svg.path(
            "M" + points.joined(separator: " L") + " Z",
            style: "fill:\(filled ? stroke : "none");stroke:\(stroke);stroke-width:1.2")
    }

    static func drawEnvelope(in b: Bounds, filled: Bool, into svg: inout SVGBuilder) {
        svg.rect(b, style: "fill:\(filled ? stroke : "white");stroke:\(stroke);stroke-width:1.2")
        svg.path(
            "M\(n(b.x)),\(n(b.y)) L\(n(b.midX)),\(n(b.midY)) L\(n(b.maxX)),\(n(b.y))",
            style: "fill:none;stroke:\(filled ? "white" : stroke);stroke-width:1.2")
    }

    static func n(_ value: Double) -> String { SVGBuilder.number(value) }
}
