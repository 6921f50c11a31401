/// A key of the Leistungskatalog (LeiKa): 14 digits starting with `99`.
///
/// The initialiser validates, so a `LeiKaKey` in hand is always well-formed.
public struct LeiKaKey: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    /// Creates a key from its 14 digits; spaces (as in "99050012 104000") are ignored. `nil` if malformed.
    public init?(_ text: String) {
        let digits = text.filter { $0 != " " }
        guard digits.count == 14, digits.hasPrefix("99"), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return nil
        }
        rawValue = digits
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let key = LeiKaKey(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' ist kein LeiKa-Schlüssel (14 Ziffern, beginnend mit 99)")
        }
        self = key
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
