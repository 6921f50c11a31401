/// The load of each unit per quarter against its capacity (SVG): a row per unit, a column per quarter, in each
/// cell a bar of the load with a line at the capacity; red where the load exceeds it. The table below the chart
/// holds the same numbers.
struct UnitLoadChart {
    struct Row {
        var unit: String
        /// Load and capacity per quarter, in the columns' order.
        var cells: [(load: Double, capacity: Double)]
    }

    let svg: String

    init(title: String, quarters: [String], rows: [Row]) {
        let n = SVGText.number, escape = SVGText.escape
        let labelWidth = 240.0, cellWidth = 58.0, rowHeight = 40.0, top = 44.0
        let width = labelWidth + cellWidth * Double(quarters.count) + 10
        let height = top + rowHeight * Double(rows.count) + 8
        var parts = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" class=\"chart load\" "
                + "role=\"img\" aria-label=\"\(escape(title)); die Tabelle darunter enthält dieselben Zahlen.\" "
                + "font-family=\"Arial, Helvetica, sans-serif\" font-size=\"12\">",
            "<rect x=\"0\" y=\"4\" width=\"14\" height=\"12\" fill=\"#0b4f8a\"/><text x=\"20\" y=\"15\" fill=\"#1a1a1a\">Auslastung</text>"
                + "<rect x=\"100\" y=\"4\" width=\"14\" height=\"12\" fill=\"#b3261e\"/><text x=\"120\" y=\"15\" fill=\"#1a1a1a\">über der Kapazität</text>"
                + "<line x1=\"250\" y1=\"10\" x2=\"274\" y2=\"10\" stroke=\"#1a1a1a\" stroke-width=\"2\"/>"
                + "<text x=\"280\" y=\"15\" fill=\"#1a1a1a\">Kapazität</text>",
        ]
        for (index, quarter) in quarters.enumerated() {
            parts.append(
                "<text x=\"\(n(labelWidth + cellWidth * (Double(index) + 0.5)))\" y=\"\(n(top - 8))\" text-anchor=\"middle\" "
                    + "fill=\"#1a1a1a\">\(escape(quarter))</text>")
        }
        let barArea = rowHeight - 10
        for (rowIndex, row) in rows.enumerated() {
            let y = top + rowHeight * Double(rowIndex)
            let clipped = Display.clipped(row.unit, to: 32)
            parts.append(
                "<text x=\"\(n(labelWidth - 8))\" y=\"\(n(y + rowHeight / 2 + 4))\" text-anchor=\"end\" fill=\"#1a1a1a\">\(escape(clipped))</text>"
                    + "<line x1=\"\(n(labelWidth))\" y1=\"\(n(y + rowHeight))\" x2=\"\(n(width - 10))\" y2=\"\(n(y + rowHeight))\" stroke=\"#e0e0e0\"/>"
            )
            // The capacity line sits at 75 % of the bar area, so overload up to a third more stays visible.
            for (index, cell) in row.cells.enumerated() {
                let left = labelWidth + cellWidth * Double(index) + 10
                let scale = cell.capacity > 0 ? barArea * 0.75 / cell.capacity : 0
                let barHeight = min(barArea, cell.load * scale)
                let over = cell.load > cell.capacity + 1e-6
                if cell.load > 0 {
                    parts.append(
                        "<rect x=\"\(n(left))\" y=\"\(n(y + 5 + barArea - barHeight))\" width=\"\(n(cellWidth - 20))\" "
                            + "height=\"\(n(max(barHeight, 1.5)))\" fill=\"\(over ? "#b3261e" : "#0b4f8a")\"><title>"
                            + "\(escape(Display.decimal(cell.load))) von \(escape(Display.decimal(cell.capacity))) Personentagen</title></rect>"
                    )
                }
                if cell.capacity > 0 {
                    let cy = y + 5 + barArea * 0.25
                    parts.append(
                        "<line x1=\"\(n(left - 4))\" y1=\"\(n(cy))\" x2=\"\(n(left + cellWidth - 16))\" y2=\"\(n(cy))\" "
                            + "stroke=\"#1a1a1a\" stroke-width=\"2\"/>")
                }
            }
        }
        parts.append("</svg>")
        svg = parts.joined(separator: "\n")
    }
}
