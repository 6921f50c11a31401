import AmtswegCore

/// The schedule as a Gantt chart (SVG): one row per placed initiative, grouped by field of action, a column per
/// quarter, a line for today, a diamond for each deadline, and an arrow for each dependency. Each row has its
/// own label, so labels never overlap; arrows leave a bar's end and turn in their own lane of the gap before the
/// next quarter, so two arrows do not share a line. The page shows the same plan as a table.
struct GanttChart {
    struct Row {
        var id: ID<Initiative>
        var label: String
        var start: Quarter
        var end: Quarter
        var isFixed: Bool
        var hasConflict: Bool
        var deadline: Day?
    }

    struct Group {
        var title: String
        var rows: [Row]
    }

    let svg: String
    let width: Double
    let height: Double

    static let labelWidth = 300.0, quarterWidth = 80.0, rowHeight = 26.0, top = 64.0
    /// Room left at the end of each bar for the arrows that leave it.
    static let arrowGap = 18.0

    init(
        title: String, groups: [Group], first: Quarter, quarters: Int, today: Day,
        dependencies: [(ID<Initiative>, ID<Initiative>)]
    ) {
        let n = SVGText.number, escape = SVGText.escape
        let labelWidth = Self.labelWidth, quarterWidth = Self.quarterWidth, rowHeight = Self.rowHeight
        let rowCount = groups.reduce(0) { $0 + 1 + $1.rows.count }
        width = labelWidth + quarterWidth * Double(quarters) + 20
        height = Self.top + rowHeight * Double(rowCount) + 16
        func x(_ quarter: Quarter) -> Double { labelWidth + quarterWidth * Double(first.distance(to: quarter)) }
        func x(_ day: Day) -> Double {
            let quarter = Quarter(day)
            let span = Double(quarter.lastDay.ordinal - quarter.firstDay.ordinal + 1)
            return x(quarter) + quarterWidth * Double(day.ordinal - quarter.firstDay.ordinal) / span
        }
        var parts = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" class=\"chart gantt\" "
                + "role=\"img\" aria-label=\"\(escape(title)); die Tabelle darunter enthält denselben Plan.\" "
                + "font-family=\"Arial, Helvetica, sans-serif\" font-size=\"13\">",
            "<defs><marker id=\"gantt-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
                + "orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#4a4a4a\"/></marker></defs>",
        ]
        // Legend.
        parts.append(
            "<rect x=\"0\" y=\"6\" width=\"16\" height=\"12\" fill=\"#0b4f8a\"/><text x=\"22\" y=\"17\" fill=\"#1a1a1a\">geplant</text>"
                + "<rect x=\"90\" y=\"6\" width=\"16\" height=\"12\" fill=\"#2e7d32\"/><text x=\"112\" y=\"17\" fill=\"#1a1a1a\">in Arbeit (fest)</text>"
                + "<rect x=\"230\" y=\"6\" width=\"16\" height=\"12\" fill=\"#0b4f8a\" stroke=\"#b3261e\" stroke-width=\"3\"/>"
                + "<text x=\"252\" y=\"17\" fill=\"#1a1a1a\">mit Konflikt</text>"
                + "<path d=\"M372,6 L378,12 L372,18 L366,12 z\" fill=\"#b3261e\"/><text x=\"384\" y=\"17\" fill=\"#1a1a1a\">Frist</text>"
                + "<line x1=\"440\" y1=\"4\" x2=\"440\" y2=\"20\" stroke=\"#c77700\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/>"
                + "<text x=\"446\" y=\"17\" fill=\"#1a1a1a\">heute</text>"
                + "<line x1=\"500\" y1=\"12\" x2=\"530\" y2=\"12\" stroke=\"#4a4a4a\" marker-end=\"url(#gantt-arrow)\"/>"
                + "<text x=\"536\" y=\"17\" fill=\"#1a1a1a\">Abhängigkeit</text>")
        // Quarter columns.
        for offset in 0..<quarters {
            let quarter = first.adding(offset)
            let left = x(quarter)
            parts.append(
                "<rect x=\"\(n(left))\" y=\"\(n(Self.top - 22))\" width=\"\(n(quarterWidth))\" height=\"\(n(height - Self.top + 6))\" "
                    + "fill=\"\(offset % 2 == 0 ? "#f4f6f8" : "#ffffff")\"/>"
                    + "<text x=\"\(n(left + quarterWidth / 2))\" y=\"\(n(Self.top - 8))\" text-anchor=\"middle\" fill=\"#1a1a1a\">"
                    + "\(escape(quarter.label))</text>")
        }
        var rowY: [ID<Initiative>: Double] = [:]
        var placed: [ID<Initiative>: Row] = [:]
        var y = Self.top
        for group in groups {
            parts.append(
                "<text x=\"4\" y=\"\(n(y + 17))\" font-weight=\"bold\" fill=\"#1a1a1a\">\(escape(Display.clipped(group.title, to: 40)))</text>"
            )
            y += rowHeight
            for row in group.rows {
                rowY[row.id] = y
                placed[row.id] = row
                let left = x(row.start), right = x(row.end) + quarterWidth - Self.arrowGap
                let fill = row.isFixed ? "#2e7d32" : "#0b4f8a"
                let stroke = row.hasConflict ? " stroke=\"#b3261e\" stroke-width=\"3\"" : ""
                parts.append(
                    "<text x=\"16\" y=\"\(n(y + 17))\" fill=\"#1a1a1a\">\(escape(Display.clipped(row.label, to: 38)))</text>"
                        + "<rect x=\"\(n(left + 3))\" y=\"\(n(y + 5))\" width=\"\(n(right - left - 3))\" height=\"16\" rx=\"3\" fill=\"\(fill)\"\(stroke)>"
                        + "<title>\(escape(row.label)): \(escape(row.start.label)) bis \(escape(row.end.label))</title></rect>"
                )
                if let deadline = row.deadline, Quarter(deadline) < first.adding(quarters), Quarter(deadline) >= first {
                    let dx = x(deadline), cy = y + 13
                    parts.append(
                        "<path d=\"M\(n(dx)),\(n(cy - 7)) L\(n(dx + 6)),\(n(cy)) L\(n(dx)),\(n(cy + 7)) L\(n(dx - 6)),\(n(cy)) z\" "
                            + "fill=\"#b3261e\"><title>Frist \(escape(deadline.description))</title></path>")
                }
                y += rowHeight
            }
        }
        // Dependencies: from the end of the earlier bar to the start of the later one. Each arrow turns in a lane of
        // its own in the gap left at the end of every bar, and arrows leaving (or entering) one bar do so at
        // different heights, so no two arrows share a line.
        var lanes: [Double: Int] = [:]
        var leaving: [ID<Initiative>: Int] = [:]
        var entering: [ID<Initiative>: Int] = [:]
        for (dependency, dependent) in dependencies {
            guard let from = placed[dependency], let to = placed[dependent], let fromY = rowY[dependency],
                let toY = rowY[dependent]
            else { continue }
            let gap = x(from.end) + quarterWidth - Self.arrowGap
            let lane = lanes[gap, default: 0]
            lanes[gap] = lane + 1
            let out = leaving[dependency, default: 0], into = entering[dependent, default: 0]
            leaving[dependency] = out + 1
            entering[dependent] = into + 1
            let turn = gap + 3 + Double(lane % 5) * 3
            let endX = x(to.start) + 3
            let startY = fromY + 8 + Double(out % 4) * 3.5, endY = toY + 8 + Double(into % 4) * 3.5
            let path =
                endX > turn + 4
                ? "M\(n(gap)),\(n(startY)) L\(n(turn)),\(n(startY)) L\(n(turn)),\(n(endY)) L\(n(endX)),\(n(endY))"
                : "M\(n(gap)),\(n(startY)) L\(n(turn)),\(n(startY)) L\(n(turn)),\(n(endY - 11)) L\(n(endX - 6)),\(n(endY - 11)) L\(n(endX - 6)),\(n(endY)) L\(n(endX)),\(n(endY))"
            parts.append(
                "<path d=\"\(path)\" fill=\"none\" stroke=\"#4a4a4a\" stroke-width=\"1.3\" marker-end=\"url(#gantt-arrow)\"/>"
            )
        }
        if Quarter(today) >= first, Quarter(today) < first.adding(quarters) {
            let tx = x(today)
            parts.append(
                "<line x1=\"\(n(tx))\" y1=\"\(n(Self.top - 22))\" x2=\"\(n(tx))\" y2=\"\(n(height - 6))\" stroke=\"#c77700\" "
                    + "stroke-width=\"2\" stroke-dasharray=\"4 3\"><title>heute, \(escape(today.description))</title></line>"
            )
        }
        parts.append("</svg>")
        svg = parts.joined(separator: "\n")
    }
}
