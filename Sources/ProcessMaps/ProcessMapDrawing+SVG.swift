import AmtswegXML

extension ProcessMapDrawing {
    /// Fill and text colour of a box by its frequency relative to the most frequent activity; every pair keeps
    /// a contrast of at least 4.5 : 1.
    static let shades: [(fill: String, text: String)] = [
        ("#f2f6fb", "#1a1a1a"), ("#d6e4f3", "#1a1a1a"), ("#b3cde9", "#1a1a1a"), ("#3a6ea5", "#ffffff"),
        ("#1f4e8c", "#ffffff"),
    ]

    static let legendHeight = 48.0

    /// The drawing as a standalone SVG document.
    public var svg: String {
        let legendWidth = 560.0
        let width = max(layout.width, legendWidth), height = layout.height + Self.legendHeight
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" class="process-map" viewBox="0 0 \(n(width)) \(n(height))" \
            width="\(n(width))" height="\(n(height))" role="img" font-family="Helvetica, Arial, sans-serif">
            <title>\(XMLText.escaped(words.title))</title>
            <defs><marker id="pm-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" \
            markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#4a4a4a"/></marker></defs>

            """
        out += legend()
        out += "<g transform=\"translate(0,\(n(Self.legendHeight)))\">\n"
        let maxEdge = Double(map.edges.map(\.count).max() ?? 1)
        out += "<g class=\"edges\" fill=\"none\" stroke=\"#4a4a4a\">\n"
        for (index, route) in layout.edges.enumerated() {
            let edge = map.edges[index]
            let stroke = 1 + 3 * (Double(edge.count) / maxEdge).squareRoot()
            var d = "M\(n(route.points[0].x)),\(n(route.points[0].y))"
            var cursor = 1
            while cursor + 2 < route.points.count {
                let c1 = route.points[cursor], c2 = route.points[cursor + 1], p = route.points[cursor + 2]
                d += " C\(n(c1.x)),\(n(c1.y)) \(n(c2.x)),\(n(c2.y)) \(n(p.x)),\(n(p.y))"
                cursor += 3
            }
            let name = "\(edge.from ?? words.start) → \(edge.to ?? words.end): \(edgeLabels[index])"
            out += "<path class=\"edge\" d=\"\(d)\" stroke-width=\"\(n(stroke))\" marker-end=\"url(#pm-arrow)\">"
            out += "<title>\(XMLText.escaped(name))</title></path>\n"
        }
        out += "</g>\n<g class=\"edge-labels\" font-size=\"\(n(Self.labelSize))\" fill=\"#1a1a1a\">\n"
        for (index, route) in layout.edges.enumerated() {
            guard let label = route.label else { continue }
            out += "<text class=\"edge-label\" x=\"\(n(label.x + 1))\" y=\"\(n(label.y + label.height - 3))\">"
            out += XMLText.escaped(edgeLabels[index]) + "</text>\n"
        }
        out += "</g>\n"
        out += terminal(layout.nodes[0], name: words.start, end: false)
        out += terminal(layout.nodes[1], name: words.end, end: true)
        let maxCount = Double(map.activities.map(\.count).max() ?? 1)
        for (offset, activity) in map.activities.enumerated() {
            let frame = layout.nodes[offset + 2]
            let share = Double(activity.count) / maxCount
            let shade = Self.shades[min(Self.shades.count - 1, Int(share * Double(Self.shades.count)))]
            out +=
                "<g class=\"activity\"><title>\(XMLText.escaped(activity.name)): \(words.number(activity.count))</title>"
            out +=
                "<rect x=\"\(n(frame.x))\" y=\"\(n(frame.y))\" width=\"\(n(frame.width))\" height=\"\(n(frame.height))\" "
            out += "rx=\"6\" fill=\"\(shade.fill)\" stroke=\"#1f4e8c\"/>"
            var baseline = frame.y + Self.padding + Self.lineHeight - 3
            for line in nameLines[offset + 2] {
                out += "<text x=\"\(n(frame.center.x))\" y=\"\(n(baseline))\" text-anchor=\"middle\" "
                out += "font-size=\"\(n(Self.nameSize))\" fill=\"\(shade.text)\">\(XMLText.escaped(line))</text>"
                baseline += Self.lineHeight
            }
            out += "<text x=\"\(n(frame.center.x))\" y=\"\(n(baseline))\" text-anchor=\"middle\" "
            out += "font-size=\"\(n(Self.figureSize))\" font-weight=\"bold\" fill=\"\(shade.text)\">"
            out += "\(words.number(activity.count))</text></g>\n"
        }
        out += "</g>\n</svg>\n"
        return out
    }

    private func terminal(_ frame: Rect, name: String, end: Bool) -> String {
        "<g class=\"terminal\"><title>\(XMLText.escaped(name))</title><rect x=\"\(n(frame.x))\" y=\"\(n(frame.y))\" "
            + "width=\"\(n(frame.width))\" height=\"\(n(frame.height))\" rx=\"\(n(frame.height / 2))\" "
            + "fill=\"\(end ? "#1a1a1a" : "#ffffff")\" stroke=\"#1a1a1a\" stroke-width=\"2\"/></g>\n"
    }

    /// One line of symbols with their meaning above the map.
    private func legend() -> String {
        var out = "<g class=\"legend\" font-size=\"11\" fill=\"#1a1a1a\">\n"
        out +=
            "<rect x=\"12\" y=\"8\" width=\"22\" height=\"14\" rx=\"3\" fill=\"\(Self.shades[1].fill)\" stroke=\"#1f4e8c\"/>"
        out += "<text x=\"40\" y=\"19\">\(XMLText.escaped(words.legendActivity))</text>\n"
        out += "<path d=\"M200,15 L228,15\" stroke=\"#4a4a4a\" stroke-width=\"2\" marker-end=\"url(#pm-arrow)\"/>"
        out += "<text x=\"234\" y=\"19\">\(XMLText.escaped(words.legendEdge))</text>\n"
        out += "<circle cx=\"19\" cy=\"36\" r=\"6\" fill=\"#ffffff\" stroke=\"#1a1a1a\" stroke-width=\"2\"/>"
        out += "<text x=\"30\" y=\"40\">\(XMLText.escaped(words.start))</text>"
        out += "<circle cx=\"99\" cy=\"36\" r=\"6\" fill=\"#1a1a1a\" stroke=\"#1a1a1a\" stroke-width=\"2\"/>"
        out += "<text x=\"110\" y=\"40\">\(XMLText.escaped(words.end))</text>"
        out += "<text x=\"200\" y=\"40\">\(XMLText.escaped(words.legendShading))</text>\n</g>\n"
        return out
    }

    private func n(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        guard tenths.isFinite, abs(tenths) < 1e15 else { return "0" }
        let whole = Int(tenths)
        return (whole < 0 ? "-" : "") + String(whole.magnitude / 10)
            + (whole.magnitude % 10 == 0 ? "" : ".\(whole.magnitude % 10)")
    }
}
