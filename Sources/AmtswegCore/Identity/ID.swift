/// A typed identifier: `ID<OrgUnit>` and `ID<Position>` cannot be mixed up.
///
/// Identifiers are the keys a municipality already uses (an HR export's unit number, a position code),
/// so they are strings, not UUIDs. They are compared and sorted by their raw value, which keeps exports stable.
public struct ID<Entity>: RawRepresentable, Hashable, Comparable, Sendable, Codable,
    CustomStringConvertible, ExpressibleByStringLiteral
{
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { rawValue }

    /// Whether the identifier is usable: not empty, at most 200 characters, no surrounding blanks, no control
    /// characters. Checked on every id of every import, so it looks at scalars directly.
    public var isWellFormed: Bool {
        guard let first = rawValue.unicodeScalars.first, let last = rawValue.unicodeScalars.last,
            !first.properties.isWhitespace, !last.properties.isWhitespace, rawValue.utf8.count <= 800
        else { return false }
        return rawValue.count <= 200
            && !rawValue.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
    }
}
