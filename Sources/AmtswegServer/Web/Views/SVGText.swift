/// What the server's own drawings (charts, networks) need to write SVG: escaped text and short numbers.
enum SVGText {
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// A coordinate with one decimal.
    static func number(_ value: Double) -> String { String(format: "%.1f", value) }
}
