/// Draws a BPMN diagram as a self-contained SVG from its diagram interchange: no external fonts, images or
/// scripts, so it prints and embeds anywhere.
///
/// Draw order follows what modellers do: pools and lanes, then expanded sub-processes and groups, then the
/// other shapes, then edges, then labels on top.
public enum SVGRenderer {
    static let stroke = "#1a1a1a"
    static let lineStyle = "fill:none;stroke:\(stroke);stroke-width:1.5"

    public static func render(_ model: BPMNModel, diagram index: Int = 0) -> String? {
        guard let geometry = DiagramGeometry(model, diagram: index) else { return nil }
        return render(geometry)
    }

    public static func render(_ geometry: DiagramGeometry) -> String {
        let extent = geometry.extent
        let margin = 20.0
        let window = Bounds(
            x: extent.x - margin, y: extent.y - margin, width: extent.width + 2 * margin,
            height: extent.height + 2 * margin)
        return header(geometry, window: window) + body(geometry) + "</svg>\n"
    }

    /// The drawing cut into windows onto the diagram's plane, each a whole SVG of its own with the same markers
    /// and shapes: for print, where a wide diagram scaled to one page would be too small to read.
    public static func render(_ geometry: DiagramGeometry, windows: [Bounds]) -> [String] {
        let body = body(geometry)
        return windows.map { header(geometry, window: $0) + body + "</svg>\n" }
    }

    private static func header(_ geometry: DiagramGeometry, window: Bounds) -> String {
        let viewBox = [window.x, window.y, window.width, window.height].map(SVGBuilder.number).joined(separator: " ")
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="\(viewBox)" width="\(SVGBuilder.number(window.width))" \
            height="\(SVGBuilder.number(window.height))" role="img" aria-label="\(SVGBuilder.escape(geometry.name ?? "BPMN-Diagramm"))" \
            font-family="Arial,Helvetica,sans-serif">

            """
    }

    /// Everything inside the root element: markers, shapes in their layers, edges, labels on top.
    private static func body(_ geometry: DiagramGeometry) -> String {
        var svg = SVGBuilder()
        svg.raw(
            """
            <defs>
            <marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="\(stroke)"/></marker>
            <marker id="open-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="white" stroke="\(stroke)"/></marker>
            <marker id="open-circle" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="7" markerHeight="7"><circle cx="5" cy="5" r="4" fill="white" stroke="\(stroke)"/></marker>
            <marker id="line-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10" fill="none" stroke="\(stroke)"/></marker>
            </defs>

            """)
        if let name = geometry.name { svg.element("title", [], content: SVGBuilder.escape(name)) }
        let layers: [(DiagramGeometry.Shape) -> Bool] = [
            { $0.element.kind == "model:participant" }, { $0.element.kind == "model:lane" },
            { isContainer($0) }, { _ in true },
        ]
        var drawn = Set<Int>()
        for layer in layers {
            for (index, shape) in geometry.shapes.enumerated() where !drawn.contains(index) && layer(shape) {
                drawShape(shape, into: &svg)
                drawn.insert(index)
            }
        }
        for edge in geometry.edges { drawEdge(edge, into: &svg) }
        for shape in geometry.shapes { drawShapeLabel(shape, into: &svg) }
        return svg.markup
    }

    static func isContainer(_ shape: DiagramGeometry.Shape) -> Bool {
        let kind = shape.element.kind
        return kind == "model:group" || (kind == "model:callActivity" && shape.isExpanded == true)
            || (["model:subProcess", "model:transaction", "model:adHocSubProcess"].contains(kind)
                && shape.isExpanded != false)
    }

    // MARK: - Labels

    static func drawShapeLabel(_ shape: DiagramGeometry.Shape, into svg: inout SVGBuilder) {
        let element = shape.element
        let text =
            element.kind == "model:textAnnotation"
            ? element.children("model:text").first?.text ?? "" : element.name ?? ""
        guard !text.isEmpty else { return }
        switch category(of: element.kind) {
        case .pool, .lane:
            let horizontal = shape.isHorizontal ?? true
            let band =
                horizontal
                ? Bounds(x: shape.bounds.x, y: shape.bounds.y, width: 30, height: shape.bounds.height)
                : Bounds(x: shape.bounds.x, y: shape.bounds.y, width: shape.bounds.width, height: 30)
            svg.label(text, in: band, size: 12, rotated: horizontal, inside: true)
        case .activity:
            if isContainer(shape) {
                svg.label(
                    text,
                    in: Bounds(x: shape.bounds.x + 5, y: shape.bounds.y + 5, width: shape.bounds.width - 10, height: 20)
                )
            } else {
                svg.label(
                    text,
                    in: Bounds(
                        x: shape.bounds.x + 5, y: shape.bounds.y + 5, width: shape.bounds.width - 10,
                        height: shape.bounds.height - 10), inside: true)
            }
        case .annotation:
            svg.label(
                text,
                in: Bounds(
                    x: shape.bounds.x + 4, y: shape.bounds.y, width: shape.bounds.width - 4, height: shape.bounds.height
                ))
        default:
            // Events, gateways, data: below the shape unless the file placed the label.
            let bounds =
                shape.labelBounds
                ?? Bounds(x: shape.bounds.midX - 50, y: shape.bounds.maxY + 4, width: 100, height: 28)
            svg.label(text, in: bounds)
        }
    }
}
