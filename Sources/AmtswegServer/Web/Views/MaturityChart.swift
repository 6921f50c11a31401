/// Current and target maturity per group (Themenfeld) as SVG: for each group a bar for the mean current level
/// and one for the mean target, on the scale of the model's levels with a line at the level from which a
/// service counts as online. Presentation attributes only; the table beside it holds the same numbers.
struct MaturityChart {
    struct Group {
        var label: String
        var current: Double?
        var target: Double?
    }

    let svg: String

    init(title: String, groups: [Group], topLevel: Int, onlineFrom: Int) {
        let labelWidth = 250.0, scaleWidth = 480.0, rowHeight = 40.0, top = 56.0
        let height = top + rowHeight * Double(groups.count) + 30
        let width = labelWidth + scaleWidth + 40
        let n = SVGText.number, escape = SVGText.escape
        let unit = scaleWidth / Double(max(topLevel, 1))
        func x(_ level: Double) -> Double { labelWidth + level * unit }
        var parts = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" class=\"chart\" "
                + "role=\"img\" aria-label=\"\(escape(title)); die Tabelle daneben enthält dieselben Zahlen.\" "
                + "font-family=\"Arial, Helvetica, sans-serif\" font-size=\"13\">",
            // Legend.
            "<rect x=\"\(n(labelWidth))\" y=\"6\" width=\"14\" height=\"14\" fill=\"#0b4f8a\"/>"
                + "<text x=\"\(n(labelWidth + 20))\" y=\"18\" fill=\"#1a1a1a\">Reifegrad heute (Mittel)</text>"
                + "<rect x=\"\(n(labelWidth + 230))\" y=\"6\" width=\"14\" height=\"14\" fill=\"#ffffff\" "
                + "stroke=\"#a35200\" stroke-width=\"2\"/>"
                + "<text x=\"\(n(labelWidth + 250))\" y=\"18\" fill=\"#1a1a1a\">Ziel (Mittel)</text>",
        ]
        // The scale: one line per level, the online level marked.
        for level in 0...max(topLevel, 1) {
            let online = level == onlineFrom
            parts.append(
                "<line x1=\"\(n(x(Double(level))))\" y1=\"\(n(top - 6))\" x2=\"\(n(x(Double(level))))\" "
                    + "y2=\"\(n(height - 24))\" stroke=\"\(online ? "#2e7d32" : "#c8c8c8")\" "
                    + "stroke-width=\"\(online ? 2 : 1)\"\(online ? "" : " stroke-dasharray=\"3 3\"")/>"
                    + "<text x=\"\(n(x(Double(level))))\" y=\"\(n(top - 12))\" text-anchor=\"middle\" "
                    + "fill=\"#1a1a1a\">Stufe \(level)</text>")
        }
        parts.append(
            "<text x=\"\(n(x(Double(onlineFrom)) + 4))\" y=\"\(n(height - 8))\" fill=\"#2e7d32\">online ab hier</text>")
        for (index, group) in groups.enumerated() {
            let y = top + rowHeight * Double(index)
            parts.append(
                "<text x=\"\(n(labelWidth - 8))\" y=\"\(n(y + 22))\" text-anchor=\"end\" fill=\"#1a1a1a\">"
                    + "\(escape(Display.clipped(group.label, to: 34)))</text>")
            if let current = group.current {
                parts.append(
                    "<rect x=\"\(n(labelWidth))\" y=\"\(n(y + 6))\" width=\"\(n(max(current * unit, 2)))\" "
                        + "height=\"12\" fill=\"#0b4f8a\"/>")
            } else {
                parts.append(
                    "<text x=\"\(n(labelWidth + 4))\" y=\"\(n(y + 22))\" fill=\"#5a5a5a\">nicht bewertet</text>")
            }
            if let target = group.target {
                parts.append(
                    "<rect x=\"\(n(labelWidth))\" y=\"\(n(y + 21))\" width=\"\(n(max(target * unit, 2)))\" "
                        + "height=\"10\" fill=\"#ffffff\" stroke=\"#a35200\" stroke-width=\"2\"/>")
            }
        }
        parts.append("</svg>")
        svg = parts.joined(separator: "\n")
    }
}
