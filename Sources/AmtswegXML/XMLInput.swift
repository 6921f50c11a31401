import Foundation

/// Brings a document's bytes to validated UTF-8, the only form the parser reads.
///
/// UTF-8 (with or without byte-order mark) is used as it is; UTF-16 with a byte-order mark and the
/// single-byte encodings found in real BPMN and XES files (ISO-8859-1, Windows-1252) are transcoded.
/// Line breaks stay where they were, so positions in errors point into the original file.
enum XMLInput {
    static func utf8Bytes(_ data: Data, file: String) throws(XMLError) -> [UInt8] {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3)
        } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            guard let text = String(data: data, encoding: .utf16) else {
                throw XMLError(.encoding, file: file, line: 0, column: 0, message: "Ungültiges UTF-16.")
            }
            bytes = Array(text.utf8)
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            return bytes
        }
        switch declaredEncoding(bytes)?.lowercased() {
        case nil, "utf-8", "utf8", "us-ascii", "ascii":
            try validateUTF8(bytes, file: file)
            return bytes
        case "iso-8859-1", "latin1", "latin-1", "iso8859-1", "iso_8859-1":
            return latin1ToUTF8(bytes, windows1252: false)
        case "windows-1252", "cp1252":
            return latin1ToUTF8(bytes, windows1252: true)
        case let other?:
            throw XMLError(
                .encoding, file: file, line: 1, column: 1,
                message:
                    "Die Zeichenkodierung '\(other)' wird nicht unterstützt (UTF-8, UTF-16, ISO-8859-1, Windows-1252).")
        }
    }

    /// The `encoding` of an XML declaration at the very start, if any.
    static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        guard bytes.starts(with: Array("<?xml".utf8)) else { return nil }
        let end = bytes.prefix(512).firstIndex(of: UInt8(ascii: ">")) ?? min(bytes.count, 512)
        let declaration = String(decoding: bytes[..<end], as: UTF8.self)
        guard let range = declaration.range(of: "encoding") else { return nil }
        let rest = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return String(rest.dropFirst().prefix { $0 != quote })
    }

    private static func latin1ToUTF8(_ bytes: [UInt8], windows1252: Bool) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                output.append(byte)
            } else {
                let scalar =
                    windows1252 && (0x80...0x9F).contains(byte)
                    ? cp1252[Int(byte - 0x80)] : Unicode.Scalar(byte)
                output.append(contentsOf: Array(String(Character(scalar)).utf8))
            }
        }
        return output
    }

    /// Windows-1252's characters in 0x80–0x9F; its five undefined bytes map to the C1 controls as in Latin-1.
    private static let cp1252: [Unicode.Scalar] = [
        "\u{20AC}", "\u{81}", "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", "\u{8D}", "\u{017D}", "\u{8F}",
        "\u{90}", "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", "\u{9D}", "\u{017E}", "\u{0178}",
    ]

    /// Checks the whole buffer at once (fast); on failure finds the first bad byte for the message.
    private static func validateUTF8(_ bytes: [UInt8], file: String) throws(XMLError) {
        if String(validating: bytes, as: UTF8.self) != nil { return }
        var line = 1, column = 1, index = 0
        while index < bytes.count {
            let length = sequenceLength(bytes, at: index)
            if length == 0 {
                throw XMLError(
                    .encoding, file: file, line: line, column: column,
                    message: String(
                        format: "Ungültiges UTF-8-Byte 0x%02X (Datei in einer anderen Kodierung gespeichert?).",
                        bytes[index]))
            }
            if bytes[index] == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += length
        }
    }

    private static func sequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return 0
        }
        guard index + length <= bytes.count, (low...high).contains(bytes[index + 1]) else { return 0 }
        for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { return 0 }
        return length
    }
}
