import AmtswegCore
/// A plain-text table for terminal output: columns padded to their widest cell, numbers right-aligned.
public struct TextTable {
    public var headers: [String]
    public var rows: [[String]]
    /// Columns whose cells are right-aligned (numbers).
    public var numericColumns: Set<Int>

    public init(headers: [String], rows: [[String]], numericColumns: Set<Int> = []) {
        self.headers = headers
        self.rows = rows
        self.numericColumns = numericColumns
    }

    public func render() -> String {
        let widths = headers.indices.map { column in
            ([headers[column]] + rows.map { column < $0.count ? $0[column] : "" }).map(\.count).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            headers.indices.map { column in
                let cell = column < cells.count ? cells[column] : ""
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return numericColumns.contains(column) ? padding + cell : cell + padding
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
        return ([line(headers), rule] + rows.map(line)).joined(separator: "\n")
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
