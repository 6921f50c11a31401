import Foundation

/// A horizontal bar chart as SVG with two stacked parts per bar (e.g. handling and waiting time). Presentation
/// attributes only; the page shows the same numbers in a table beside it.
struct BarChart {
    struct Bar {
        var label: String
        var first: Double
        var second: Double
    }

    let svg: String

    init(title: String, bars: [Bar], firstLabel: String, secondLabel: String, unit: String) {
        let rowHeight = 26.0, labelWidth = 300.0, chartWidth = 520.0, top = 36.0
        let height = top + rowHeight * Double(bars.count) + 10
        let maximum = max(bars.map { $0.first + $0.second }.max() ?? 1, 1e-9)
        let n = SVGText.number, escape = SVGText.escape
        var parts = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(labelWidth + chartWidth + 80)) \(Int(height))\" "
                + "class=\"chart\" role=\"img\" aria-label=\"\(escape(title)); die Tabelle darunter enthält dieselben Zahlen.\" "
                + "font-family=\"Arial, Helvetica, sans-serif\" font-size=\"13\">",
            "<rect x=\"\(n(labelWidth))\" y=\"8\" width=\"14\" height=\"14\" fill=\"#0b4f8a\"/>"
                + "<text x=\"\(n(labelWidth + 20))\" y=\"20\" fill=\"#1a1a1a\">\(escape(firstLabel))</text>"
                + "<rect x=\"\(n(labelWidth + 200))\" y=\"8\" width=\"14\" height=\"14\" fill=\"#c77700\"/>"
                + "<text x=\"\(n(labelWidth + 220))\" y=\"20\" fill=\"#1a1a1a\">\(escape(secondLabel))</text>",
        ]
        for (index, bar) in bars.enumerated() {
            let y = top + rowHeight * Double(index)
            let a = chartWidth * bar.first / maximum, b = chartWidth * bar.second / maximum
            let short = Display.clipped(bar.label, to: 41)
            parts.append(
                "<text x=\"\(n(labelWidth - 8))\" y=\"\(n(y + 16))\" text-anchor=\"end\" fill=\"#1a1a1a\">\(escape(short))</text>"
                    + "<rect x=\"\(n(labelWidth))\" y=\"\(n(y + 4))\" width=\"\(n(a))\" height=\"18\" fill=\"#0b4f8a\"/>"
                    + "<rect x=\"\(n(labelWidth + a))\" y=\"\(n(y + 4))\" width=\"\(n(b))\" height=\"18\" fill=\"#c77700\"/>"
                    + "<text x=\"\(n(labelWidth + a + b + 6))\" y=\"\(n(y + 17))\" fill=\"#1a1a1a\">"
                    + "\(escape(Display.decimal(bar.first + bar.second, digits: 1))) \(escape(unit))</text>")
        }
        parts.append("</svg>")
        svg = parts.joined(separator: "\n")
    }
}
