/// A table row as the templates render it (partial `row`): a row header, optionally linked, then cells.
struct TableRow: Sendable {
    struct Cell: Sendable {
        var text: String
        var isNumber: Bool
    }
    var head: String
    var href: String?
    var cells: [Cell]
    var highlight: Bool

    init(_ head: String, href: String? = nil, text: [String] = [], numbers: [String] = [], highlight: Bool = false) {
        self.head = head
        self.href = href
        cells = text.map { Cell(text: $0, isNumber: false) } + numbers.map { Cell(text: $0, isNumber: true) }
        self.highlight = highlight
    }

    init(_ head: String, href: String? = nil, cells: [Cell], highlight: Bool = false) {
        self.head = head
        self.href = href
        self.cells = cells
        self.highlight = highlight
    }
}
