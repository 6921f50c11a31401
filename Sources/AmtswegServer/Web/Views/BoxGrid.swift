/// The rectangles already placed on a chart, bucketed in a grid of cells, so that asking whether a new label
/// overlaps any of them looks only at its neighbours: placing n labels costs about n instead of n² checks.
struct BoxGrid {
    struct Box {
        var x0, y0, x1, y1: Double

        func overlaps(_ other: Box) -> Bool { x0 < other.x1 && other.x0 < x1 && y0 < other.y1 && other.y0 < y1 }
    }

    private let cellWidth = 40.0, cellHeight = 20.0
    private let columns: Int, rows: Int
    private var cells: [[Box]]

    /// A grid over `width` × `height`; boxes reaching outside are kept in the border cells.
    init(width: Double, height: Double) {
        columns = max(1, Int((width / cellWidth).rounded(.up)))
        rows = max(1, Int((height / cellHeight).rounded(.up)))
        cells = Array(repeating: [], count: columns * rows)
    }

    private func cellRange(_ box: Box) -> (columns: ClosedRange<Int>, rows: ClosedRange<Int>) {
        func clamp(_ value: Double, _ size: Double, _ count: Int) -> Int {
            value.isFinite ? min(count - 1, max(0, Int((value / size).rounded(.down)))) : 0
        }
        let c0 = clamp(box.x0, cellWidth, columns), c1 = clamp(box.x1, cellWidth, columns)
        let r0 = clamp(box.y0, cellHeight, rows), r1 = clamp(box.y1, cellHeight, rows)
        return (min(c0, c1)...max(c0, c1), min(r0, r1)...max(r0, r1))
    }

    mutating func insert(_ box: Box) {
        let range = cellRange(box)
        for row in range.rows { for column in range.columns { cells[row * columns + column].append(box) } }
    }

    func overlaps(_ box: Box) -> Bool {
        let range = cellRange(box)
        for row in range.rows {
            for column in range.columns where cells[row * columns + column].contains(where: { $0.overlaps(box) }) {
                return true
            }
        }
        return false
    }
}
