/// A document's bytes in memory the parser owns, followed by one zero byte.
///
/// The parser reads through a pointer, not an array: an array read in a mutating method is bounds-checked and
/// often re-fetched from the struct for every byte, and that was a tenth of parsing. The zero byte after the
/// end is no delimiter of any kind, so a scan that looks one byte past the end stops instead of reading on.
final class XMLBuffer {
    let base: UnsafeMutablePointer<UInt8>
    let count: Int

    init(_ bytes: [UInt8]) {
        count = bytes.count
        base = .allocate(capacity: bytes.count + 1)
        bytes.withUnsafeBufferPointer { source in
            if let address = source.baseAddress { base.initialize(from: address, count: source.count) }
        }
        base[bytes.count] = 0
    }

    deinit { base.deallocate() }
}

/// What kind of byte each byte is for the lexer, one table lookup instead of a chain of comparisons.
enum XMLByteClass {
    static let nameStart: UInt8 = 1
    static let nameChar: UInt8 = 2
    static let whitespace: UInt8 = 4
    /// Ends the fast path of character data: `<`, `&`, carriage return, and the zero byte after the end.
    static let textStop: UInt8 = 8
    /// Ends the fast path of an attribute value: quotes, `<`, `&`, control characters (tab, line ends).
    static let valueStop: UInt8 = 16

    /// Allocated once for the process and never freed; read through a pointer the parser keeps, so that the
    /// lazy global's check is paid once per document, not per byte.
    nonisolated(unsafe) static let table: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for byte in 0..<256 {
            var bits: UInt8 = 0
            let isLetter = (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte)
            if isLetter || byte == 0x5F || byte == 0x3A || byte >= 0x80 { bits |= nameStart | nameChar }
            if (0x30...0x39).contains(byte) || byte == 0x2D || byte == 0x2E { bits |= nameChar }
            if byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A { bits |= whitespace }
            if byte == 0x3C || byte == 0x26 || byte == 0x0D || byte == 0 { bits |= textStop }
            if byte == 0x22 || byte == 0x27 || byte == 0x3C || byte == 0x26 || byte < 0x20 { bits |= valueStop }
            table[byte] = bits
        }
        return UnsafePointer(table)
    }()
}
