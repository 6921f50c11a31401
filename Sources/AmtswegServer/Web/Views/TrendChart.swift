import AmtswegCore

/// A goal's trend as a line chart (SVG): the measured values, the baseline and the target as marked points with
/// the planned path between them dashed, a legend and labelled axes. The page shows the values as a table too.
struct TrendChart {
    let svg: String

    init(title: String, unit: String, baseline: Goal.Point, target: Goal.Point, series: [(day: Day, value: Double)]) {
        let n = SVGText.number, escape = SVGText.escape
        let width = 560.0, height = 240.0, left = 64.0, right = 20.0, top = 52.0, bottom = 36.0
        let days = [baseline.day, target.day] + series.map(\.day)
        let firstDay = days.min()!.ordinal, lastDay = max(days.max()!.ordinal, firstDay + 1)
        let values = [baseline.value, target.value] + series.map(\.value)
        var low = values.min()!, high = values.max()!
        if high - low < 1e-9 { high += 1; low -= 1 }
        let padding = (high - low) * 0.1
        low -= padding
        high += padding
        if values.allSatisfy({ $0 >= 0 }) { low = max(0, low) }
        func x(_ day: Day) -> Double {
            left + (width - left - right) * Double(day.ordinal - firstDay) / Double(lastDay - firstDay)
        }
        func y(_ value: Double) -> Double { top + (height - top - bottom) * (high - value) / (high - low) }
        var parts = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" class=\"chart trend\" "
                + "role=\"img\" aria-label=\"\(escape(title)); die Tabelle daneben enthält dieselben Werte.\" "
                + "font-family=\"Arial, Helvetica, sans-serif\" font-size=\"12\">",
            // Legend.
            "<line x1=\"\(n(left))\" y1=\"12\" x2=\"\(n(left + 24))\" y2=\"12\" stroke=\"#0b4f8a\" stroke-width=\"2.5\"/>"
                + "<text x=\"\(n(left + 30))\" y=\"16\" fill=\"#1a1a1a\">gemessen</text>"
                + "<line x1=\"\(n(left + 110))\" y1=\"12\" x2=\"\(n(left + 134))\" y2=\"12\" stroke=\"#6b6b6b\" stroke-width=\"1.5\" stroke-dasharray=\"5 4\"/>"
                + "<text x=\"\(n(left + 140))\" y=\"16\" fill=\"#1a1a1a\">geplanter Weg</text>"
                + "<rect x=\"\(n(left + 246))\" y=\"7\" width=\"10\" height=\"10\" fill=\"#6b6b6b\"/>"
                + "<text x=\"\(n(left + 262))\" y=\"16\" fill=\"#1a1a1a\">Ausgangswert</text>"
                + "<circle cx=\"\(n(left + 360))\" cy=\"12\" r=\"6\" fill=\"none\" stroke=\"#2e7d32\" stroke-width=\"2.5\"/>"
                + "<text x=\"\(n(left + 372))\" y=\"16\" fill=\"#1a1a1a\">Ziel</text>",
            // Axes.
            "<line x1=\"\(n(left))\" y1=\"\(n(top))\" x2=\"\(n(left))\" y2=\"\(n(height - bottom))\" stroke=\"#6b6b6b\"/>"
                + "<line x1=\"\(n(left))\" y1=\"\(n(height - bottom))\" x2=\"\(n(width - right))\" y2=\"\(n(height - bottom))\" stroke=\"#6b6b6b\"/>",
        ]
        for value in [low, (low + high) / 2, high] {
            parts.append(
                "<text x=\"\(n(left - 6))\" y=\"\(n(y(value) + 4))\" text-anchor=\"end\" fill=\"#1a1a1a\">"
                    + "\(escape(Display.decimal(value, digits: high - low < 10 ? 1 : 0)))</text>"
                    + "<line x1=\"\(n(left))\" y1=\"\(n(y(value)))\" x2=\"\(n(width - right))\" y2=\"\(n(y(value)))\" stroke=\"#e0e0e0\"/>"
            )
        }
        parts.append(
            "<text x=\"4\" y=\"\(n(top - 14))\" fill=\"#1a1a1a\">\(escape(unit))</text>")
        parts.append(
            "<text x=\"\(n(left))\" y=\"\(n(height - bottom + 18))\" fill=\"#1a1a1a\">\(escape(GermanFormat.date(Day(ordinal: firstDay))))</text>"
                + "<text x=\"\(n(width - right))\" y=\"\(n(height - bottom + 18))\" text-anchor=\"end\" fill=\"#1a1a1a\">"
                + "\(escape(GermanFormat.date(Day(ordinal: lastDay))))</text>")
        parts.append(
            "<line x1=\"\(n(x(baseline.day)))\" y1=\"\(n(y(baseline.value)))\" x2=\"\(n(x(target.day)))\" y2=\"\(n(y(target.value)))\" "
                + "stroke=\"#6b6b6b\" stroke-width=\"1.5\" stroke-dasharray=\"5 4\"/>")
        parts.append(
            "<rect x=\"\(n(x(baseline.day) - 5))\" y=\"\(n(y(baseline.value) - 5))\" width=\"10\" height=\"10\" fill=\"#6b6b6b\">"
                + "<title>Ausgangswert \(escape(Display.decimal(baseline.value))) am \(escape(GermanFormat.date(baseline.day)))</title></rect>"
                + "<circle cx=\"\(n(x(target.day)))\" cy=\"\(n(y(target.value)))\" r=\"6\" fill=\"none\" stroke=\"#2e7d32\" stroke-width=\"2.5\">"
                + "<title>Ziel \(escape(Display.decimal(target.value))) bis \(escape(GermanFormat.date(target.day)))</title></circle>"
        )
        if !series.isEmpty {
            let points = series.map { "\(n(x($0.day))),\(n(y($0.value)))" }.joined(separator: " ")
            parts.append("<polyline points=\"\(points)\" fill=\"none\" stroke=\"#0b4f8a\" stroke-width=\"2.5\"/>")
            for point in series {
                parts.append(
                    "<circle cx=\"\(n(x(point.day)))\" cy=\"\(n(y(point.value)))\" r=\"3.5\" fill=\"#0b4f8a\">"
                        + "<title>\(escape(Display.decimal(point.value))) am \(escape(GermanFormat.date(point.day)))</title></circle>"
                )
            }
        }
        parts.append("</svg>")
        svg = parts.joined(separator: "\n")
    }
}
