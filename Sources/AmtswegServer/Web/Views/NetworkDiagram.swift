import AmtswegCore
import Foundation
import ProcessMining

/// A network drawn as SVG: nodes on an ellipse, lines as thick as the traffic between them, highlighted nodes
/// filled red, directed lines with an arrowhead. A picture only (`role=img`, no links inside): the table beside
/// it holds the same figures and the links. Presentation attributes only (no `style`), so the page's
/// Content-Security-Policy holds.
struct NetworkDiagram {
    struct Node {
        var name: String
        /// Grows the circle (number of partners).
        var weight: Int
        var isHighlighted: Bool
    }
    struct Edge {
        var from: String
        var to: String
        var weight: Int
    }

    let svg: String

    init(title: String, nodes: [Node], edges: [Edge], directed: Bool) {
        let width = 960.0, height = 600.0, centre = width / 2, middle = height / 2, radius = 250.0
        var position: [String: (x: Double, y: Double)] = [:]
        for (index, node) in nodes.enumerated() {
            let angle = 2 * Double.pi * Double(index) / Double(max(nodes.count, 1)) - Double.pi / 2
            position[node.name] = (centre + radius * 1.2 * cos(angle), middle + radius * sin(angle))
        }
        let radiusOf = Dictionary(nodes.map { ($0.name, 8 + min(14, Double($0.weight) * 1.5)) }) { a, _ in a }
        let maxWeight = Double(edges.map(\.weight).max() ?? 1)
        let n = SVGText.number, escape = SVGText.escape
        var parts: [String] = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" class=\"network\" "
                + "role=\"img\" aria-label=\"\(escape(title))\">"
        ]
        if directed {
            parts.append(
                "<defs><marker id=\"network-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"6\" "
                    + "markerHeight=\"6\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#4a5260\"/></marker></defs>"
            )
        }
        for edge in edges {
            guard let a = position[edge.from], let b = position[edge.to], edge.from != edge.to else { continue }
            let stroke = 1 + 5 * Double(edge.weight) / maxWeight
            // Directed lines end at the target's rim and bend slightly, so that A→B and B→A stay apart.
            let dx = b.x - a.x, dy = b.y - a.y, length = max(1, (dx * dx + dy * dy).squareRoot())
            let end = (
                x: b.x - dx / length * (radiusOf[edge.to] ?? 10), y: b.y - dy / length * (radiusOf[edge.to] ?? 10)
            )
            if directed {
                let bend = (x: (a.x + end.x) / 2 - dy / length * 24, y: (a.y + end.y) / 2 + dx / length * 24)
                parts.append(
                    "<path d=\"M\(n(a.x)),\(n(a.y)) Q\(n(bend.x)),\(n(bend.y)) \(n(end.x)),\(n(end.y))\" fill=\"none\" "
                        + "stroke=\"#4a5260\" stroke-width=\"\(n(stroke))\" stroke-opacity=\"0.7\" "
                        + "marker-end=\"url(#network-arrow)\"/>")
            } else {
                parts.append(
                    "<line x1=\"\(n(a.x))\" y1=\"\(n(a.y))\" x2=\"\(n(b.x))\" y2=\"\(n(b.y))\" stroke=\"#6b7a90\" "
                        + "stroke-width=\"\(n(stroke))\" stroke-opacity=\"0.6\"/>")
            }
        }
        for node in nodes {
            guard let p = position[node.name], let r = radiusOf[node.name] else { continue }
            let fill = node.isHighlighted ? "#b3261e" : "#0b4f8a"
            // Labels sit outside the circle: right-aligned on the left half, left-aligned on the right half.
            let anchor = p.x < centre - 1 ? "end" : (p.x > centre + 1 ? "start" : "middle")
            let dx = p.x < centre - 1 ? -(r + 6) : (p.x > centre + 1 ? r + 6 : 0)
            let dy = abs(p.x - centre) <= 1 ? (p.y < middle ? -(r + 8) : r + 16) : 4
            parts.append(
                "<circle cx=\"\(n(p.x))\" cy=\"\(n(p.y))\" r=\"\(n(r))\" fill=\"\(fill)\" stroke=\"#ffffff\" "
                    + "stroke-width=\"2\"/><text x=\"\(n(p.x + dx))\" y=\"\(n(p.y + dy))\" text-anchor=\"\(anchor)\" "
                    + "font-size=\"12\" font-family=\"Arial, Helvetica, sans-serif\" fill=\"#1a1a1a\""
                    + (node.isHighlighted ? " font-weight=\"bold\"" : "") + ">\(escape(node.name))</text>")
        }
        parts.append("</svg>")
        svg = parts.joined(separator: "\n")
    }

    /// The Ist-Analyse's interaction network, hubs highlighted.
    init(_ network: InteractionNetwork) {
        let names = Dictionary(network.nodes.map { ($0.unit.id, $0.unit.name) }) { a, _ in a }
        self.init(
            title: "Interaktionsnetz: \(network.nodes.count) Einheiten, \(network.edges.count) Verbindungen. "
                + "Die Tabelle darunter enthält dieselben Angaben.",
            nodes: network.nodes.map { Node(name: $0.unit.name, weight: $0.degree, isHighlighted: $0.isHub) },
            edges: network.edges.compactMap { edge in
                guard let a = names[edge.a], let b = names[edge.b] else { return nil }
                return Edge(from: a, to: b, weight: edge.flowCount)
            }, directed: false)
    }

    /// Who hands work to whom, as arrows between the units of a log.
    init(handovers network: HandoverNetwork) {
        var partners: [String: Set<String>] = [:]
        for handover in network.handovers {
            partners[handover.from, default: []].insert(handover.to)
            partners[handover.to, default: []].insert(handover.from)
        }
        self.init(
            title: "Übergaben zwischen \(partners.count) Einheiten; die Tabelle darunter nennt sie mit ihrer Anzahl.",
            nodes: partners.keys.sorted().map { Node(name: $0, weight: partners[$0]!.count, isHighlighted: false) },
            edges: network.handovers.map { Edge(from: $0.from, to: $0.to, weight: $0.count) }, directed: true)
    }
}
