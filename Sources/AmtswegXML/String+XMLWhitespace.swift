extension StringProtocol {
    /// Whether the text is empty or only XML white space (space, tab, CR, LF). Looks at bytes: cheaper than
    /// `Character.isWhitespace`, and XML knows no other white space.
    @inlinable
    public var isXMLWhitespace: Bool {
        utf8.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }
    }
}

extension String {
    /// The same test on a `String`'s contiguous bytes: called for every text node while reading and writing.
    @inlinable
    public var isXMLWhitespace: Bool {
        var text = self
        return text.withUTF8 { bytes in
            for byte in bytes where byte != 0x20 && byte != 0x0A && byte != 0x09 && byte != 0x0D { return false }
            return true
        }
    }
}
