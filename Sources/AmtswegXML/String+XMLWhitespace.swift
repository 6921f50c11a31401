extension StringProtocol {
    /// Whether the text is empty or only XML white space (space, tab, CR, LF). Looks at bytes: cheaper than
    /// `Character.isWhitespace`, and XML knows no other white space.
    public var isXMLWhitespace: Bool {
        utf8.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }
    }
}
