/// The impact/effort matrix (SVG): each open initiative as a point, effort (person-days) to the right, impact
/// (saving, goals, citizens, deadline; 0–100 %) upwards, with the four quadrants named. Labels are placed beside
/// their point where they overlap no other label or point, else left out; the table beside the chart lists every
/// initiative.
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
        // Points closer than a dot's width are one cluster with one label naming all ("M06, M11, M12"); each
        // label goes right, left, above or below its point, wherever it overlaps no label, point or quadrant name
        // placed so far. Where no place is free the point keeps only its tooltip: an overlapping label is
        // unreadable, and the table beside the chart names every initiative.
        var taken = BoxGrid(width: width, height: height)
        for fixed in [
            (left + 6, top + 14, "start", "Schnelle Erfolge"), (width - right - 6, top + 14, "end", "Große Vorhaben"),
            (left + 6, height - bottom - 8, "start", "Nebenbei"),
            (width - right - 6, height - bottom - 8, "end", "Zurückstellen"),
        ] {
            let textWidth = SVGText.width(fixed.3) * 1.1
            let x0 = fixed.2 == "start" ? fixed.0 : fixed.0 - textWidth
            taken.insert(BoxGrid.Box(x0: x0, y0: fixed.1 - 11, x1: x0 + textWidth, y1: fixed.1 + 2))
        }
        var clusters: [(x: Double, y: Double, labels: [String])] = []
        for point in points {
            let px = x(min(point.effort, maxEffort)), py = y(point.impact)
            taken.insert(BoxGrid.Box(x0: px - 5, y0: py - 5, x1: px + 5, y1: py + 5))
            parts.append(
                "<circle cx=\"\(n(px))\" cy=\"\(n(py))\" r=\"5\" fill=\"#0b4f8a\"><title>\(escape(point.label)) \(escape(point.title))</title></circle>"
            )
            if let index = clusters.firstIndex(where: { abs($0.x - px) < 10 && abs($0.y - py) < 10 }) {
                clusters[index].labels.append(point.label)
            } else {
                clusters.append((px, py, [point.label]))
            }
        }
        for cluster in clusters {
            let (px, py) = (cluster.x, cluster.y)
            let text = cluster.labels.joined(separator: ", ")
            let textWidth = SVGText.width(text)
            let candidates = [
                (px + 8, py + 4, "start"), (px - 8, py + 4, "end"), (px, py - 9, "middle"), (px, py + 17, "middle"),
                (px + 8, py - 8, "start"), (px - 8, py + 16, "end"), (px + 8, py + 16, "start"),
                (px - 8, py - 8, "end"),
                (px, py - 22, "middle"), (px, py + 30, "middle"), (px + 22, py + 4, "start"), (px - 22, py + 4, "end"),
            ]
            func box(_ candidate: (Double, Double, String)) -> BoxGrid.Box {
                let x0 =
                    candidate.2 == "start"
                    ? candidate.0 : candidate.2 == "end" ? candidate.0 - textWidth : candidate.0 - textWidth / 2
                return BoxGrid.Box(x0: x0, y0: candidate.1 - 11, x1: x0 + textWidth, y1: candidate.1 + 2)
            }
            if let free = candidates.first(where: { candidate in
                let box = box(candidate)
                return box.x0 >= 0 && box.x1 <= width && box.y0 >= 0 && box.y1 <= height && !taken.overlaps(box)
            }) {
                taken.insert(box(free))
                parts.append(
                    "<text class=\"point-label\" x=\"\(n(free.0))\" y=\"\(n(free.1))\" text-anchor=\"\(free.2)\" fill=\"#1a1a1a\">\(escape(text))</text>"
                )
            }
        }
        parts.append("</svg>")
        svg = parts.joined(separator: "\n")
    }
}
