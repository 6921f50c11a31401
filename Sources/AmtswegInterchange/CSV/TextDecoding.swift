import AmtswegCore
package import Foundation

/// Turns the bytes of a spreadsheet export into text, as municipalities' files come: UTF-8 with or without
/// byte-order mark, UTF-16 with mark (Excel's "Unicode text"), or Windows-1252 (Excel's default "CSV" on
/// German Windows).
package enum TextDecoding {
    package enum Failure: Error, Equatable {
        /// A byte that no supported encoding allows, at this 1-based line.
        case undecodable(line: Int, byte: UInt8)
        /// Valid UTF-8 and invalid bytes in one file: decoding either way would corrupt some text.
        case mixed(line: Int)
        /// NUL bytes: a binary file (a spreadsheet saved as .xlsx, say), not text.
        case binary
    }

    package static func decode(_ data: Data) throws(Failure) -> String {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return try utf8(Array(bytes.dropFirst(3)))
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            guard let text = String(data: data, encoding: .utf16) else { throw .binary }
            return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        }
        if bytes.contains(0) { throw .binary }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        // Not UTF-8. If it holds well-formed multi-byte UTF-8 sequences anyway, it is a mixed file.
        if containsUTF8MultiByteSequence(bytes), let bad = firstInvalidUTF8Line(bytes) {
            throw .mixed(line: bad)
        }
        return try windows1252(bytes)
    }

    private static func utf8(_ bytes: [UInt8]) throws(Failure) -> String {
        if bytes.contains(0) { throw .binary }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .undecodable(line: firstInvalidUTF8Line(bytes) ?? 1, byte: 0)
        }
        return text
    }

    /// Windows-1252: Latin-1 with typographic characters in 0x80–0x9F; five of those bytes are undefined.
    private static func windows1252(_ bytes: [UInt8]) throws(Failure) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        var line = 1
        for byte in bytes {
            if byte == 0x0A { line += 1 }
            if byte < 0x80 || byte >= 0xA0 {
                scalars.append(Unicode.Scalar(byte))
            } else if let scalar = cp1252High[Int(byte - 0x80)] {
                scalars.append(scalar)
            } else {
                throw .undecodable(line: line, byte: byte)
            }
        }
        return String(scalars)
    }

    private static let cp1252High: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
    ]

    /// The line of the first byte that does not fit UTF-8.
    private static func firstInvalidUTF8Line(_ bytes: [UInt8]) -> Int? {
        var line = 1
        var index = 0
        while index < bytes.count {
            let length = utf8SequenceLength(bytes, at: index)
            if length == 0 { return line }
            if bytes[index] == 0x0A { line += 1 }
            index += length
        }
        return nil
    }

    /// Whether the bytes hold at least one well-formed multi-byte UTF-8 sequence.
    private static func containsUTF8MultiByteSequence(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index < bytes.count {
            let length = utf8SequenceLength(bytes, at: index)
            if length > 1 { return true }
            index += max(length, 1)
        }
        return false
    }

    /// Length of the well-formed UTF-8 sequence at `index`, or 0 if the bytes there are not one.
    private static func utf8SequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { return 0 }
        return String(validating: bytes[index..<index + length], as: UTF8.self) == nil ? 0 : length
    }
}
