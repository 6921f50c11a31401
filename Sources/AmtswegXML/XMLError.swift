/// A problem in an XML document: where it is (file, line, column) and what is wrong, in plain German.
public struct XMLError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The bytes break the XML grammar.
        case malformed
        /// The bytes are not valid in the document's encoding.
        case encoding
        /// A document type declaration declares entities: refused to guard against XXE and entity bombs.
        case forbiddenDeclaration
        /// The document is larger or deeper than the configured limits.
        case limitExceeded
        /// The file cannot be read.
        case unreadable
    }

    public var kind: Kind
    public var file: String
    /// 1-based line; 0 when the problem concerns the whole file.
    public var line: Int
    /// 1-based column in characters; 0 when the problem concerns the whole file.
    public var column: Int
    public var message: String

    public init(_ kind: Kind, file: String, line: Int, column: Int, message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        line > 0 ? "\(file):\(line):\(column): \(message)" : "\(file): \(message)"
    }
}
