/// The impact/effort matrix (SVG): each open initiative as a point, effort (person-days) to the right, impact
/// (saving, goals, citizens, deadline; 0–100 %) upwards, with the four quadrants named. Labels are placed beside
/// their point where they overlap no other label or point; the table beside the chart lists every initiative.
struct PriorityMatrix {
    struct Point {
        var label: String
        var title: String
        var effort: Double
        var impact: Double
    }

    let svg: String

    init(title: String, points: [Point]) {
        let n = SVGText.number, escape = SVGText.escape
        let width = 600.0, height = 420.0, left = 60.0, right = 20.0, top = 20.0, bottom = 50.0
        let maxEffort = max(points.map(\.effort).max() ?? 1, 1) * 1.08
        func x(_ effort: Double) -> Double { left + (width - left - right) * effort / maxEffort }
        func y(_ impact: Double) -> Double { top + (height - top - bottom) * (1 - impact) }
        let midX = x(maxEffort / 2), midY = y(0.5)
        var parts = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" class=\"chart matrix\" "
                + "role=\"img\" aria-label=\"\(escape(title)); die Tabelle daneben enthält dieselben Werte.\" "
                + "font-family=\"Arial, Helvetica, sans-serif\" font-size=\"12\">",
            "<rect x=\"\(n(left))\" y=\"\(n(top))\" width=\"\(n(midX - left))\" height=\"\(n(midY - top))\" fill=\"#e8f3ea\"/>",
            "<line x1=\"\(n(midX))\" y1=\"\(n(top))\" x2=\"\(n(midX))\" y2=\"\(n(height - bottom))\" stroke=\"#9e9e9e\" stroke-dasharray=\"4 4\"/>",
            "<line x1=\"\(n(left))\" y1=\"\(n(midY))\" x2=\"\(n(width - right))\" y2=\"\(n(midY))\" stroke=\"#9e9e9e\" stroke-dasharray=\"4 4\"/>",
            "<line x1=\"\(n(left))\" y1=\"\(n(top))\" x2=\"\(n(left))\" y2=\"\(n(height - bottom))\" stroke=\"#4a4a4a\"/>",
            "<line x1=\"\(n(left))\" y1=\"\(n(height - bottom))\" x2=\"\(n(width - right))\" y2=\"\(n(height - bottom))\" stroke=\"#4a4a4a\"/>",
            "<text x=\"\(n(left + 6))\" y=\"\(n(top + 14))\" fill=\"#1b5e20\" font-weight=\"bold\">Schnelle Erfolge</text>",
            "<text x=\"\(n(width - right - 6))\" y=\"\(n(top + 14))\" text-anchor=\"end\" fill=\"#4a4a4a\" font-weight=\"bold\">Große Vorhaben</text>",
            "<text x=\"\(n(left + 6))\" y=\"\(n(height - bottom - 8))\" fill=\"#4a4a4a\" font-weight=\"bold\">Nebenbei</text>",
            "<text x=\"\(n(width - right - 6))\" y=\"\(n(height - bottom - 8))\" text-anchor=\"end\" fill=\"#4a4a4a\" font-weight=\"bold\">Zurückstellen</text>",
            "<text x=\"\(n((left + width - right) / 2))\" y=\"\(n(height - 12))\" text-anchor=\"middle\" fill=\"#1a1a1a\">Aufwand in Personentagen (0 bis \(escape(Display.integer(Int(maxEffort.rounded())))))</text>",
            "<text x=\"16\" y=\"\(n((top + height - bottom) / 2))\" text-anchor=\"middle\" fill=\"#1a1a1a\" transform=\"rotate(-90 16 \(n((top + height - bottom) / 2)))\">Wirkung (0 bis 100 %)</text>",
        ]
        // Labels go right, left, above or below their point, whichever overlaps nothing placed so far.
        struct Box {
            var x0, y0, x1, y1: Double
            func overlaps(_ other: Box) -> Bool { x0 < other.x1 && other.x0 < x1 && y0 < other.y1 && other.y0 < y1 }
        }
        let dots = points.map {
            Box(
                x0: x(min($0.effort, maxEffort)) - 5, y0: y($0.impact) - 5, x1: x(min($0.effort, maxEffort)) + 5,
                y1: y($0.impact) + 5)
        }
        var taken = dots
        for point in points {
            let px = x(min(point.effort, maxEffort)), py = y(point.impact)
            let textWidth = Double(point.label.count) * 7.2
            let candidates = [
                (px + 8, py + 4, "start"), (px - 8, py + 4, "end"), (px, py - 9, "middle"), (px, py + 17, "middle"),
                (px + 8, py - 8, "start"), (px - 8, py + 16, "end"), (px + 8, py + 16, "start"),
                (px - 8, py - 8, "end"),
                (px, py - 22, "middle"), (px, py + 30, "middle"), (px + 22, py + 4, "start"), (px - 22, py + 4, "end"),
            ]
            // The first free place; where every place is taken, the one that covers the fewest labels and points.
            func box(_ candidate: (Double, Double, String)) -> Box {
                let x0 =
                    candidate.2 == "start"
                    ? candidate.0 : candidate.2 == "end" ? candidate.0 - textWidth : candidate.0 - textWidth / 2
                return Box(x0: x0, y0: candidate.1 - 11, x1: x0 + textWidth, y1: candidate.1 + 2)
            }
            let inside = candidates.filter { box($0).x0 >= 0 && box($0).x1 <= width && box($0).y0 >= 0 }
            let free = inside.first { candidate in !taken.contains { $0.overlaps(box(candidate)) } }
            let chosen =
                free
                ?? inside.min { a, b in
                    taken.filter { $0.overlaps(box(a)) }.count < taken.filter { $0.overlaps(box(b)) }.count
                } ?? candidates[0]
            taken.append(box(chosen))
            parts.append(
                "<circle cx=\"\(n(px))\" cy=\"\(n(py))\" r=\"5\" fill=\"#0b4f8a\"><title>\(escape(point.title))</title></circle>"
                    + "<text x=\"\(n(chosen.0))\" y=\"\(n(chosen.1))\" text-anchor=\"\(chosen.2)\" fill=\"#1a1a1a\">\(escape(point.label))</text>"
            )
        }
        parts.append("</svg>")
        svg = parts.joined(separator: "\n")
    }
}
