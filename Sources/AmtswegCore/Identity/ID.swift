import Foundation

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

    /// Whether the identifier is usable: not empty, no surrounding blanks, no control characters.
    public var isWellFormed: Bool {
        !rawValue.isEmpty && rawValue.count <= 200
            && rawValue.trimmingCharacters(in: .whitespacesAndNewlines) == rawValue
            && !rawValue.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }
}
