import AmtswegCore
/// One record of a CSV file with its canonical column keys, collecting the problems found in it.
struct CSVRow {
    var file: String
    var line: Int
    var values: [String: String] = [:]
    var problems: [InterchangeError] = []

    init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    /// A required value (checked present before conversion).
    subscript(key: String) -> String { values[key] ?? "" }

    func optional(_ key: String) -> String? { values[key] }

    mutating func fail(_ message: String) {
        problems.append(InterchangeError(file: file, line: line, message: message))
    }

    mutating func decimal(_ text: String, field: String) -> Double? {
        guard let value = GermanNumber.decimal(text) else {
            fail("'\(text)' ist keine Zahl (Feld '\(field)').")
            return nil
        }
        return value
    }

    mutating func integer(_ text: String, field: String) -> Int? {
        guard let value = GermanNumber.integer(text) else {
            fail("'\(text)' ist keine ganze Zahl (Feld '\(field)').")
            return nil
        }
        return value
    }

    mutating func enumValue<E: CaseIterable>(_ key: String, _ type: E.Type, spell: (String) -> E?) -> E? {
        let text = self[key]
        guard let value = spell(text) else {
            fail("'\(text)' ist kein zulässiger Wert für '\(key)'.")
            return nil
        }
        return value
    }
}
