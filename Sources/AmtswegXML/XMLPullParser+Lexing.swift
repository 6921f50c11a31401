/// The lexical layer: names, character data, attribute values, references, markup other than tags.
extension XMLPullParser {
    /// The column at the current position (for errors, which are rare).
    var column: Int { column(at: position) }

    /// The column of a byte offset on the current line, in characters: bytes that start a UTF-8 sequence.
    func column(at offset: Int, from start: (position: Int, column: Int)? = nil) -> Int {
        var count = start?.column ?? 1
        var index = start?.position ?? lineStart
        while index < offset {
            if bytes[index] & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        return count
    }

    /// The column at the current position, counted on from the last call on the same line, so that
    /// reporting every element's position stays linear even on files written as one long line.
    mutating func trackedColumn() -> Int {
        let sameLine = columnCache.lineStart == lineStart && columnCache.position <= position
        let count = column(at: position, from: sameLine ? (columnCache.position, columnCache.column) : nil)
        columnCache = (lineStart, position, count)
        return count
    }

    func error(_ kind: XMLError.Kind, _ message: String, line: Int? = nil, column: Int? = nil) -> XMLError {
        XMLError(kind, file: file, line: line ?? self.line, column: column ?? self.column, message: message)
    }

    func starts(with literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        return literal.withUTF8Buffer { buffer in
            for offset in 0..<count where bytes[position + offset] != buffer[offset] { return false }
            return true
        }
    }

    /// Moves forward `count` bytes that contain no line break.
    mutating func advance(_ count: Int) { position += count }

    /// Moves forward one byte, keeping line and column.
    mutating func step() {
        if bytes[position] == 0x0A {
            line += 1
            lineStart = position + 1
        }
        position += 1
    }

    @discardableResult
    mutating func skipWhitespace() -> Bool {
        let start = position
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0D, 0x0A: step()
            default: return position > start
            }
        }
        return position > start
    }

    /// An XML name (element, attribute, PI target): ASCII letters, digits and `_ : . -`, and any non-ASCII.
    mutating func name() throws(XMLError) -> String {
        let index = try nameIndex()
        return names.strings[index]
    }

    /// The interned index of the name at the current position; new names get their facts recorded.
    mutating func nameIndex() throws(XMLError) -> Int {
        let start = position
        guard position < bytes.count, Self.isNameStart(bytes[position]) else {
            throw error(
                .malformed, position < bytes.count ? "Hier wird ein Name erwartet." : "Die Datei endet unerwartet.")
        }
        while position < bytes.count, Self.isNameChar(bytes[position]) { position += 1 }
        if position - start > limits.maxNameLength {
            throw error(.limitExceeded, "Ein Name ist länger als \(limits.maxNameLength) Bytes.")
        }
        let source = bytes
        let index = source.withUnsafeBufferPointer { names.index(UnsafeBufferPointer(rebasing: $0[start..<position])) }
        // The input was validated as UTF-8 and a name never ends inside a multi-byte character.
        guard let index else { throw error(.encoding, "Ein Name ist kein gültiges UTF-8.") }
        if index == nameFacts.count {
            var facts = NameFacts(names.strings[index])
            facts.prefixID = prefixID(facts.prefix ?? "")
            nameFacts.append(facts)
        }
        return index
    }

    static func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte == 0x5F || byte == 0x3A || byte >= 0x80
    }

    static func isNameChar(_ byte: UInt8) -> Bool {
        isNameStart(byte) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x2E
    }

    /// Text up to the next `<`, with references resolved and line ends normalised.
    mutating func characterData() throws(XMLError) -> String {
        // Fast path: most text (indentation, names) has no reference and no carriage return.
        var end = position
        var lines = 0, lastNewline = -1
        while end < bytes.count {
            let byte = bytes[end]
            if byte == UInt8(ascii: "<") { break }
            if byte == UInt8(ascii: "&") || byte == 0x0D { end = -1; break }
            if byte == 0x0A {
                lines += 1
                lastNewline = end
            }
            end += 1
        }
        if end >= 0 {
            let text = String(decoding: bytes[position..<end], as: UTF8.self)
            if lines > 0 {
                line += lines
                lineStart = lastNewline + 1
            }
            position = end
            return text
        }
        var output: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "<"):
                return String(decoding: output, as: UTF8.self)
            case UInt8(ascii: "&"):
                output.append(contentsOf: try reference())
            case 0x0D:
                output.append(0x0A)
                position += 1
                if position < bytes.count, bytes[position] == 0x0A { step() } else { line += 1; lineStart = position }
            default:
                output.append(byte)
                step()
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// A quoted attribute value, normalised as XML 1.0 §3.3.3 says for CDATA attributes.
    mutating func attributeValue() throws(XMLError) -> String {
        guard position < bytes.count, bytes[position] == 0x22 || bytes[position] == 0x27 else {
            throw error(.malformed, "Ein Attributwert muss in Anführungszeichen stehen.")
        }
        let quote = bytes[position]
        // Fast path: a value without references, '<' or white space other than the space character.
        var end = position + 1
        while end < bytes.count {
            let byte = bytes[end]
            if byte == quote { break }
            if byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte < 0x20 { end = -1; break }
            end += 1
        }
        if end > 0 && end < bytes.count {
            let value = String(decoding: bytes[(position + 1)..<end], as: UTF8.self)
            position = end + 1
            return value
        }
        let startLine = line, startColumn = trackedColumn()
        position += 1
        var output: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case quote:
                position += 1
                return String(decoding: output, as: UTF8.self)
            case UInt8(ascii: "<"):
                throw error(.malformed, "'<' ist in Attributwerten nicht erlaubt.")
            case UInt8(ascii: "&"):
                output.append(contentsOf: try reference())
            case 0x0D:
                output.append(0x20)
                position += 1
                if position < bytes.count, bytes[position] == 0x0A { step() } else { line += 1; lineStart = position }
            case 0x09, 0x0A:
                output.append(0x20)
                step()
            default:
                output.append(byte)
                position += 1
            }
        }
        throw error(
            .malformed, "Der Attributwert wird nie geschlossen (Datei abgeschnitten?).", line: startLine,
            column: startColumn)
    }

    /// `&amp;` and the other four predefined entities, `&#123;` and `&#x1F;`. Anything else is an error: there
    /// are no declared entities to expand.
    mutating func reference() throws(XMLError) -> [UInt8] {
        let startLine = line, startColumn = trackedColumn()
        position += 1  // &
        let start = position
        while position < bytes.count, bytes[position] != UInt8(ascii: ";"), position - start < 32 { position += 1 }
        guard position < bytes.count, bytes[position] == UInt8(ascii: ";") else {
            throw error(
                .malformed, "Ein '&' ohne abschließendes ';' (als Text bitte '&amp;' schreiben).",
                line: startLine, column: startColumn)
        }
        let body = String(decoding: bytes[start..<position], as: UTF8.self)
        position += 1
        switch body {
        case "amp": return [0x26]
        case "lt": return [0x3C]
        case "gt": return [0x3E]
        case "quot": return [0x22]
        case "apos": return [0x27]
        default:
            if body.hasPrefix("#") {
                let digits = body.dropFirst()
                let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
                guard let value, let scalar = Unicode.Scalar(value), Self.isXMLChar(scalar) else {
                    throw error(
                        .malformed, "Ungültige Zeichenreferenz '&\(body);'.", line: startLine, column: startColumn)
                }
                return Array(String(Character(scalar)).utf8)
            }
            throw error(
                .forbiddenDeclaration, "Unbekannte Entität '&\(body);' (eigene Entitäten werden nicht aufgelöst).",
                line: startLine, column: startColumn)
        }
    }

    static func isXMLChar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// Reads up to `terminator`, counting lines; returns the bytes before it.
    mutating func until(_ terminator: StaticString, unterminated: String) throws(XMLError) -> [UInt8] {
        let startLine = line, startColumn = trackedColumn()
        let start = position
        while position < bytes.count {
            if starts(with: terminator) {
                let content = Array(bytes[start..<position])
                position += terminator.utf8CodeUnitCount
                return content
            }
            step()
        }
        throw error(.malformed, unterminated, line: startLine, column: startColumn)
    }

    mutating func comment() throws(XMLError) -> XMLEvent {
        advance(4)  // <!--
        let content = try until("-->", unterminated: "Ein Kommentar wird nie geschlossen (Datei abgeschnitten?).")
        return .comment(String(decoding: content, as: UTF8.self))
    }

    mutating func cdata() throws(XMLError) -> XMLEvent {
        advance(9)  // <![CDATA[
        let content = try until("]]>", unterminated: "Ein CDATA-Abschnitt wird nie geschlossen (Datei abgeschnitten?).")
        return .cdata(String(decoding: content, as: UTF8.self))
    }

    mutating func processingInstruction() throws(XMLError) -> XMLEvent? {
        advance(2)  // <?
        let target = try name()
        let content = try until("?>", unterminated: "Eine Verarbeitungsanweisung wird nie geschlossen.")
        let data = String(decoding: content, as: UTF8.self).trimmingLeadingSpaces()
        // The XML declaration is read before parsing (encoding); it is not an event.
        if target.lowercased() == "xml" { return nil }
        return .processingInstruction(target: target, data: data)
    }

    /// Skips `<!DOCTYPE …>`. An internal subset that declares entities (or anything but comments and
    /// whitespace with parameter entities) is refused: that is where XXE and entity bombs live.
    mutating func skipDoctype() throws(XMLError) {
        let startLine = line, startColumn = trackedColumn()
        advance(9)  // <!DOCTYPE
        var quote: UInt8? = nil
        while position < bytes.count {
            let byte = bytes[position]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == 0x22 || byte == 0x27 {
                quote = byte
            } else if byte == UInt8(ascii: "[") {
                throw error(
                    .forbiddenDeclaration,
                    "Interne DTD-Deklarationen (z. B. <!ENTITY>) sind aus Sicherheitsgründen nicht erlaubt (XXE, Entity-Bomben)."
                )
            } else if byte == UInt8(ascii: ">") {
                position += 1
                return
            }
            step()
        }
        throw error(.malformed, "Die DOCTYPE-Deklaration wird nie geschlossen.", line: startLine, column: startColumn)
    }
}

extension String {
    func trimmingLeadingSpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
    }
}
