import AmtswegCore
import Foundation

/// The interaction network drawn as SVG: units on a circle, lines as thick as the flows between them, hubs
/// filled. A picture only (`role=img`, no links inside): the table beside it links every unit. Presentation attributes only (no `style`), so the page's Content-Security-Policy holds.
struct NetworkDiagram {
    let svg: String

    init(_ network: InteractionNetwork) {
        let nodes = network.nodes
        let width = 960.0, height = 600.0, centre = width / 2, middle = height / 2, radius = 250.0
        var position: [ID<OrgUnit>: (x: Double, y: Double)] = [:]
        for (index, node) in nodes.enumerated() {
            let angle = 2 * Double.pi * Double(index) / Double(max(nodes.count, 1)) - Double.pi / 2
            position[node.unit.id] = (centre + radius * 1.2 * cos(angle), middle + radius * sin(angle))
        }
        let maxFlows = Double(network.edges.map(\.flowCount).max() ?? 1)
        func n(_ value: Double) -> String { String(format: "%.1f", value) }
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        var parts: [String] = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" class=\"network\" "
                + "role=\"img\" aria-labelledby=\"network-title\"><title id=\"network-title\">Interaktionsnetz: "
                + "\(nodes.count) Einheiten, \(network.edges.count) Verbindungen. Die Tabelle darunter enthält dieselben Angaben.</title>"
        ]
        for edge in network.edges {
            guard let a = position[edge.a], let b = position[edge.b] else { continue }
            let width = 1 + 5 * Double(edge.flowCount) / maxFlows
            parts.append(
                "<line x1=\"\(n(a.x))\" y1=\"\(n(a.y))\" x2=\"\(n(b.x))\" y2=\"\(n(b.y))\" stroke=\"#6b7a90\" "
                    + "stroke-width=\"\(n(width))\" stroke-opacity=\"0.6\"/>")
        }
        for node in nodes {
            guard let p = position[node.unit.id] else { continue }
            let r = 8 + min(14, Double(node.degree) * 1.5)
            let fill = node.isHub ? "#b3261e" : "#0b4f8a"
            // Labels sit outside the circle: right-aligned on the left half, left-aligned on the right half.
            let anchor = p.x < centre - 1 ? "end" : (p.x > centre + 1 ? "start" : "middle")
            let dx = p.x < centre - 1 ? -(r + 6) : (p.x > centre + 1 ? r + 6 : 0)
            let dy = abs(p.x - centre) <= 1 ? (p.y < middle ? -(r + 8) : r + 16) : 4
            parts.append(
                "<circle cx=\"\(n(p.x))\" cy=\"\(n(p.y))\" r=\"\(n(r))\" "
                    + "fill=\"\(fill)\" stroke=\"#ffffff\" stroke-width=\"2\"/>"
                    + "<text x=\"\(n(p.x + dx))\" y=\"\(n(p.y + dy))\" text-anchor=\"\(anchor)\" font-size=\"12\" "
                    + "font-family=\"Arial, Helvetica, sans-serif\" fill=\"#1a1a1a\""
                    + (node.isHub ? " font-weight=\"bold\"" : "") + ">\(escape(node.unit.name))</text>")
        }
        parts.append("</svg>")
        svg = parts.joined(separator: "\n")
    }
}
