/// The textual form "kind:id" shared by references that can point at several kinds of object
/// (a flow endpoint, a RACI assignee). Used in JSON and accepted in CSV files.
public enum PrefixedReference {
    public static func split(_ text: String) -> (kind: String, id: String)? {
        // By scalar, not by character: an id may begin with a combining mark or an emoji modifier, which would
        // join the colon into one character and hide it.
        let scalars = text.unicodeScalars
        guard let colon = scalars.firstIndex(of: ":") else { return nil }
        let kind = String(scalars[..<colon])
        let id = String(scalars[scalars.index(after: colon)...])
        guard !kind.isEmpty, !id.isEmpty else { return nil }
        return (kind, id)
    }
}

/// Coding through a "kind:id" string for types that have one.
protocol PrefixedReferenceCodable: Codable, CustomStringConvertible {
    init?(reference: String)
}

extension PrefixedReferenceCodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(reference: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Unbekannter Verweis '\(text)'")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
