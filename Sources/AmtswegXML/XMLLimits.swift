/// Bounds a reader enforces so that hostile or broken input ends in an error, not in exhausted memory.
public struct XMLLimits: Sendable, Hashable {
    /// Largest document in bytes.
    public var maxBytes: Int
    /// Deepest element nesting.
    public var maxDepth: Int
    /// Most attributes on one element.
    public var maxAttributes: Int
    /// Longest element or attribute name in bytes.
    public var maxNameLength: Int
    /// Longest text, comment, CDATA section or processing instruction in bytes: no model or log needs one
    /// larger, and a file that is one huge comment only costs time.
    public var maxTextLength: Int

    public init(
        maxBytes: Int = 64 << 20, maxDepth: Int = 256, maxAttributes: Int = 256, maxNameLength: Int = 1_024,
        maxTextLength: Int = 16 << 20
    ) {
        self.maxTextLength = maxTextLength
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxAttributes = maxAttributes
        self.maxNameLength = maxNameLength
    }

    public static let `default` = XMLLimits()
}
