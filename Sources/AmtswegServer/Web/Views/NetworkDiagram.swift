import AmtswegCore
import AmtswegSupport
import Foundation
import ProcessMaps
import ProcessMining

/// A network drawn as SVG: units as named boxes placed by ``NetworkLayout`` (partners close together, no box
/// over another), lines as thick as the traffic between them, highlighted units filled red, directed lines
/// with an arrowhead (A → B and B → A side by side, never on one line), and a legend. A picture only
/// (`role=img`, no links inside): the table beside it holds the same figures and the links. Presentation
/// attributes only (no `style`), so the page's Content-Security-Policy holds.
struct NetworkDiagram {
    struct Node {
        var name: String
        /// Ranks the node when the picture must leave some out (number of partners).
        var weight: Int
        var isHighlighted: Bool
    }
    struct Edge {
        var from: String
        var to: String
        var weight: Int
    }

    /// At most this many units are drawn, those with the most partners; the table lists all.
    static let drawnNodes = 60
    static let fontSize = 12.0, lineHeight = 14.0, padding = 8.0, maxTextWidth = 130.0

    let svg: String

    init(title: String, nodes allNodes: [Node], edges allEdges: [Edge], directed: Bool, legend: [String]) {
        let nodes = Array(
            allNodes.sorted { ($1.weight, $0.name) < ($0.weight, $1.name) }.prefix(Self.drawnNodes))
        var index: [String: Int] = [:]
        for (offset, node) in nodes.enumerated() { index[node.name] = offset }
        let edges = allEdges.filter { index[$0.from] != nil && index[$0.to] != nil && $0.from != $0.to }
        let lines = nodes.map {
            TextLines.wrap($0.name, width: Self.maxTextWidth, fontSize: Self.fontSize, lines: 2)
        }
        let specs = lines.map { text -> NetworkLayout.Node in
            let widest = text.map { TextMetrics.width($0, fontSize: Self.fontSize) }.max() ?? 0
            return NetworkLayout.Node(
                width: max(56, widest + 2 * Self.padding), height: Double(text.count) * Self.lineHeight + Self.padding)
        }
        let legendHeight = 28.0
        let layout = NetworkLayout.draw(
            nodes: specs, edges: edges.map { (index[$0.from]!, index[$0.to]!) })
        let width = max(layout.width, 640), height = layout.height + legendHeight
        let n = SVGText.number, escape = SVGText.escape
        var parts: [String] = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\" class=\"network\" "
                + "role=\"img\" aria-label=\"\(escape(title))\" font-family=\"Arial, Helvetica, sans-serif\">",
            "<defs><marker id=\"network-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" "
                + "markerHeight=\"8\" markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" "
                + "fill=\"#4a5260\"/></marker></defs>",
        ]
        // Legend: a box, a highlighted box, a line, each with its meaning.
        var x = 12.0
        parts.append("<g class=\"legend\" font-size=\"11\" fill=\"#1a1a1a\">")
        for (offset, text) in legend.enumerated() where !text.isEmpty {
            switch offset {
            case 0:
                parts.append(
                    "<rect x=\"\(n(x))\" y=\"6\" width=\"20\" height=\"14\" rx=\"3\" fill=\"#e3edf7\" stroke=\"#0b4f8a\"/>"
                )
            case 1:
                parts.append("<rect x=\"\(n(x))\" y=\"6\" width=\"20\" height=\"14\" rx=\"3\" fill=\"#b3261e\"/>")
            default:
                parts.append(
                    "<path d=\"M\(n(x)),13 L\(n(x + 20)),13\" stroke=\"#4a5260\" stroke-width=\"3\""
                        + (directed ? " marker-end=\"url(#network-arrow)\"" : "") + "/>")
            }
            parts.append("<text x=\"\(n(x + 26))\" y=\"17\">\(escape(text))</text>")
            x += 26 + TextMetrics.width(text, fontSize: 11) + 18
        }
        parts.append("</g><g transform=\"translate(0,\(n(legendHeight)))\">")
        let maxWeight = Double(edges.map(\.weight).max() ?? 1)
        let pairs = Set(edges.map { "\($0.from)\u{1}\($0.to)" })
        for edge in edges {
            let a = layout.boxes[index[edge.from]!], b = layout.boxes[index[edge.to]!]
            var start = a.center, end = b.center
            // Two directions between one pair run side by side, three pixels each way from the middle.
            if directed, pairs.contains("\(edge.to)\u{1}\(edge.from)") {
                let dx = end.x - start.x, dy = end.y - start.y, length = max((dx * dx + dy * dy).squareRoot(), 1)
                let offset = Point(-dy / length * 3, dx / length * 3)
                start = Point(start.x + offset.x, start.y + offset.y)
                end = Point(end.x + offset.x, end.y + offset.y)
            }
            let from = Self.border(of: a, from: start, towards: end), to = Self.border(of: b, from: end, towards: start)
            let stroke = 1 + 4 * Double(edge.weight) / maxWeight
            parts.append(
                "<line class=\"edge\" x1=\"\(n(from.x))\" y1=\"\(n(from.y))\" x2=\"\(n(to.x))\" y2=\"\(n(to.y))\" "
                    + "stroke=\"#4a5260\" stroke-width=\"\(n(stroke))\" stroke-opacity=\"0.75\""
                    + (directed ? " marker-end=\"url(#network-arrow)\"" : "") + "/>")
        }
        for (offset, node) in nodes.enumerated() {
            let box = layout.boxes[offset]
            let fill = node.isHighlighted ? "#b3261e" : "#e3edf7", ink = node.isHighlighted ? "#ffffff" : "#1a1a1a"
            var text = ""
            for (row, line) in lines[offset].enumerated() {
                let y = box.y + Self.padding / 2 + Double(row + 1) * Self.lineHeight - 3
                text +=
                    "<text x=\"\(n(box.center.x))\" y=\"\(n(y))\" text-anchor=\"middle\" font-size=\"12\" fill=\"\(ink)\""
                    + (node.isHighlighted ? " font-weight=\"bold\"" : "") + ">\(escape(line))</text>"
            }
            parts.append(
                "<g class=\"node\"><title>\(escape(node.name))</title><rect x=\"\(n(box.x))\" y=\"\(n(box.y))\" "
                    + "width=\"\(n(box.width))\" height=\"\(n(box.height))\" rx=\"4\" fill=\"\(fill)\" stroke=\"#0b4f8a\"/>"
                    + text + "</g>")
        }
        parts.append("</g></svg>")
        svg = parts.joined(separator: "\n")
    }

    /// Where the line from `inside` (a point in `box`) towards `outside` leaves the box.
    static func border(of box: Rect, from inside: Point, towards outside: Point) -> Point {
        let dx = outside.x - inside.x, dy = outside.y - inside.y
        var t = 1.0
        if dx > 0 { t = min(t, (box.maxX - inside.x) / dx) }
        if dx < 0 { t = min(t, (box.x - inside.x) / dx) }
        if dy > 0 { t = min(t, (box.maxY - inside.y) / dy) }
        if dy < 0 { t = min(t, (box.y - inside.y) / dy) }
        return Point(inside.x + dx * max(t, 0), inside.y + dy * max(t, 0))
    }

    /// The Ist-Analyse's interaction network, hubs highlighted.
    init(_ network: InteractionNetwork) {
        let names = Dictionary(network.nodes.map { ($0.unit.id, $0.unit.name) }) { a, _ in a }
        self.init(
            title: "Interaktionsnetz: \(network.nodes.count) Einheiten, \(network.edges.count) Verbindungen"
                + (network.nodes.count > Self.drawnNodes
                    ? ", gezeichnet die \(Self.drawnNodes) mit den meisten Partnern" : "")
                + ". Die Tabelle darunter enthält dieselben Angaben.",
            nodes: network.nodes.map { Node(name: $0.unit.name, weight: $0.degree, isHighlighted: $0.isHub) },
            edges: network.edges.compactMap { edge in
                guard let a = names[edge.a], let b = names[edge.b] else { return nil }
                return Edge(from: a, to: b, weight: edge.flowCount)
            }, directed: false,
            legend: ["Organisationseinheit", "Drehscheibe (viele Verbindungen)", "Informationsflüsse, dicker: mehr"])
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
            edges: network.handovers.map { Edge(from: $0.from, to: $0.to, weight: $0.count) }, directed: true,
            legend: ["Organisationseinheit", "", "übergibt an, dicker: häufiger"])
    }
}
