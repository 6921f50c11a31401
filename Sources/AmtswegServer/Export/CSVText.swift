/// CSV as German spreadsheets read it: semicolons, CRLF, quotes where needed.
enum CSVText {
    /// A CSV field, quoted when needed; a leading `=`, `+`, `-` or `@` is defused so that a spreadsheet does not
    /// run it as a formula.
    static func field(_ value: String) -> String {
        var value = value
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        guard value.contains(where: { ";\"\r\n".contains($0) }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func line(_ fields: [String]) -> String { fields.map(field).joined(separator: ";") + "\r\n" }
}
