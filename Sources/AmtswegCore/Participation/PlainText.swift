/// Text people type into comments and proposals: plain text, no markup, with web addresses shown as links.
///
/// Checked where it comes in (length, no control characters but line breaks and tabs) and split into pieces
/// for showing: the view escapes every piece, and only `http` and `https` addresses become links — never
/// `javascript:` or `data:`, whatever the text says.
public enum PlainText {
    /// A piece of a text as shown: words as they are, or a web address to link.
    public enum Piece: Hashable, Sendable {
        case text(String)
        case link(String)
    }

    /// Why a text was refused, in plain German for the form.
    public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
        case empty
        case tooLong(characters: Int, limit: Int)

        public var description: String {
            switch self {
            case .empty: "Bitte einen Text eingeben."
            case .tooLong(let characters, let limit):
                "Der Text ist zu lang: \(GermanFormat.integer(characters)) Zeichen, erlaubt sind \(GermanFormat.integer(limit))."
            }
        }
    }

    /// The text trimmed, its line breaks as "\n", control characters other than line breaks and tabs removed;
    /// refused when empty or longer than `limit` characters.
    public static func checked(_ text: String, limit: Int) throws(Problem) -> String {
        var cleaned = String.UnicodeScalarView()
        var scalars = text.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            if scalar == "\r" {
                if scalars.first == "\n" { scalars.removeFirst() }
                cleaned.append("\n")
            } else if scalar == "\n" || scalar == "\t" || !Self.isControl(scalar) {
                cleaned.append(scalar)
            }
        }
        let trimmed = String(cleaned).trimmingSpaces
        guard !trimmed.isEmpty else { throw .empty }
        let count = trimmed.count
        guard count <= limit else { throw .tooLong(characters: count, limit: limit) }
        return trimmed
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    /// The text as pieces, each `http://` or `https://` address a link of its own. An address ends at white space
    /// or at a character that cannot be in one; punctuation that usually ends a sentence ("…/seite." or
    /// "(siehe https://…)") is left outside the link.
    public static func pieces(_ text: String) -> [Piece] {
        var pieces: [Piece] = []
        var rest = text[...]
        while let start = Self.nextAddress(in: rest) {
            if start > rest.startIndex { pieces.append(.text(String(rest[..<start]))) }
            var end = rest[start...].firstIndex { $0.isWhitespace || Self.endsAddress.contains($0) } ?? rest.endIndex
            while end > start, let last = rest[..<end].last, Self.trailingPunctuation.contains(last) {
                end = rest.index(before: end)
            }
            let address = String(rest[start..<end])
            // "https://" alone is no address.
            if address.hasSuffix("//") {
                pieces.append(.text(address))
            } else {
                pieces.append(.link(address))
            }
            rest = rest[end...]
        }
        if !rest.isEmpty { pieces.append(.text(String(rest))) }
        return pieces
    }

    private static func nextAddress(in text: Substring) -> Substring.Index? {
        var search = text[...]
        while let range = search.firstRange(of: "http") {
            let after = search[range.upperBound...]
            let atWordStart =
                range.lowerBound == text.startIndex || !text[text.index(before: range.lowerBound)].isLetter
            if atWordStart, after.hasPrefix("://") || after.hasPrefix("s://") { return range.lowerBound }
            search = search[range.upperBound...]
        }
        return nil
    }

    private static let endsAddress: Set<Character> = ["<", ">", "\"", "'", "`", "{", "}", "|", "\\", "^"]
    private static let trailingPunctuation: Set<Character> = [
        ".", ",", ";", ":", "!", "?", ")", "]", "“", "”", "‘", "’",
    ]
}
