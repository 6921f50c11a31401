/// A calendar quarter ("2027-Q2"), the roadmap's unit of time: municipal planning and budgets think in quarters,
/// and capacities are given per unit and quarter.
public struct Quarter: Hashable, Comparable, Sendable, Codable, CodingKeyRepresentable, CustomStringConvertible {
    public let year: Int
    /// 1 to 4.
    public let number: Int

    public init?(year: Int, number: Int) {
        guard (1900...9999).contains(year), (1...4).contains(number) else { return nil }
        self.year = year
        self.number = number
    }

    /// The quarter a day lies in.
    public init(_ day: Day) {
        year = day.year
        number = (day.month - 1) / 3 + 1
    }

    /// Reads "2027-Q2", "2027 Q2" or "Q2/2027".
    public init?(_ text: String) {
        let upper = text.uppercased().replacingOccurrences(of: " ", with: "-")
        let parts = upper.split(whereSeparator: { $0 == "-" || $0 == "/" }).map(String.init)
        guard parts.count == 2 else { return nil }
        let (yearText, quarterText) = parts[0].hasPrefix("Q") ? (parts[1], parts[0]) : (parts[0], parts[1])
        guard yearText.count == 4, let year = Int(yearText), quarterText.hasPrefix("Q"),
            let number = Int(quarterText.dropFirst())
        else { return nil }
        self.init(year: year, number: number)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let quarter = Quarter(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' ist kein Quartal")
        }
        self = quarter
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// As a dictionary key too the quarter is its text, so capacity exceptions read `{"2027-Q3": 10}` in JSON.
    public var codingKey: any CodingKey { QuarterKey(stringValue: description) }

    public init?<T: CodingKey>(codingKey: T) { self.init(codingKey.stringValue) }

    private struct QuarterKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Quarters counted from year 0, so that differences and offsets are plain arithmetic.
    public var index: Int { year * 4 + number - 1 }

    public init(index: Int) {
        year = index / 4
        number = index % 4 + 1
    }

    public func adding(_ quarters: Int) -> Quarter { Quarter(index: index + quarters) }

    /// Quarters from `self` to `other` (negative when `other` is earlier).
    public func distance(to other: Quarter) -> Int { other.index - index }

    /// The first and the last day.
    public var firstDay: Day { Day(year: year, month: (number - 1) * 3 + 1, day: 1)! }
    public var lastDay: Day {
        let month = number * 3
        return Day(year: year, month: month, day: month == 6 || month == 9 ? 30 : 31)!
    }

    public var description: String { "\(year)-Q\(number)" }
    /// "Q2/2027", as German plans write it.
    public var label: String { "Q\(number)/\(year)" }

    public static func < (lhs: Quarter, rhs: Quarter) -> Bool { lhs.index < rhs.index }
}
