import Foundation

/// The lexical layer: names, character data, attribute values, references, markup other than tags.
extension XMLPullParser {
    /// The column at the current position (for errors, which are rare).
    var column: Int { column(at: position) }

    /// The column of a byte offset on the current line, in characters: bytes that start a UTF-8 sequence.
    func column(at offset: Int, from start: (position: Int, column: Int)? = nil) -> Int {
        var count = start?.column ?? 1
        var index = start?.position ?? lineStart
        while index < offset {
            if input[index] & 0xC0 != 0x80 { count += 1 }
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
        let length = literal.utf8CodeUnitCount
        guard position + length <= count else { return false }
        return memcmp(input + position, literal.utf8Start, length) == 0
    }

    /// The bytes from `start` to `end` as a string (the input is valid UTF-8 and split only at ASCII delimiters).
    func string(from start: Int, to end: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: input + start, count: end - start), as: UTF8.self)
    }

    /// Moves forward `count` bytes that contain no line break.
    mutating func advance(_ count: Int) { position += count }

    /// Moves forward one byte, keeping line and column.
    mutating func step() {
        if input[position] == 0x0A {
            line += 1
            lineStart = position + 1
        }
        position += 1
    }

    @discardableResult
    mutating func skipWhitespace() -> Bool {
        let start = position
        // The zero byte after the end is no white space: the loop needs no bounds check.
        while classes[Int(input[position])] & XMLByteClass.whitespace != 0 { step() }
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
        guard position < count, classes[Int(input[position])] & XMLByteClass.nameStart != 0 else {
            throw error(
                .malformed, position < count ? "Hier wird ein Name erwartet." : "Die Datei endet unerwartet.")
        }
        while classes[Int(input[position])] & XMLByteClass.nameChar != 0 { position += 1 }
        if position - start > limits.maxNameLength {
            throw error(.limitExceeded, "Ein Name ist länger als \(limits.maxNameLength) Bytes.")
        }
        let written = UnsafeBufferPointer(start: input + start, count: position - start)
        // A document uses a few dozen names over and over: a small table by length and end bytes remembers the
        // last name seen in each slot, and a byte comparison confirms it without hashing.
        let slot = (written.count &* 31 &+ Int(input[start]) &* 7 &+ Int(input[position - 1])) & 63
        let recent = Int(recentNames[slot])
        if recent >= 0, names.holds(recent, written) { return recent }
        // The input was validated as UTF-8 and a name never ends inside a multi-byte character.
        guard let index = names.index(written) else { throw error(.encoding, "Ein Name ist kein gültiges UTF-8.") }
        recentNames[slot] = Int32(index)
        if index == nameFacts.count {
            var facts = NameFacts(names.strings[index])
            facts.prefixID = prefixID(facts.prefix ?? "")
            nameFacts.append(facts)
        }
        return index
    }

    /// Text up to the next `<`, with references resolved and line ends normalised.
    mutating func characterData() throws(XMLError) -> String {
        // Fast path: most text (indentation, names) has no reference and no carriage return.
        var end = position
        var lines = 0, lastNewline = -1
        while true {
            let byte = input[end]
            if classes[Int(byte)] & XMLByteClass.textStop != 0 {
                // '<', or the zero byte: the end of the input or a zero byte in it (which the slow path keeps).
                if byte == UInt8(ascii: "<") || (byte == 0 && end == count) { break }
                end = -1
                break
            }
            if byte == 0x0A {
                lines += 1
                lastNewline = end
            }
            end += 1
        }
        if end - position > limits.maxTextLength { throw textTooLong() }
        if end >= 0 {
            let text = string(from: position, to: end)
            if lines > 0 {
                line += lines
                lineStart = lastNewline + 1
            }
            position = end
            return text
        }
        var output: [UInt8] = []
        while position < count {
            let byte = input[position]
            switch byte {
            case UInt8(ascii: "<"):
                return String(decoding: output, as: UTF8.self)
            case UInt8(ascii: "&"):
                output.append(contentsOf: try reference())
            case 0x0D:
                output.append(0x0A)
                position += 1
                if position < count, input[position] == 0x0A { step() } else { line += 1; lineStart = position }
            default:
                output.append(byte)
                step()
            }
            if output.count > limits.maxTextLength { throw textTooLong() }
        }
        return String(decoding: output, as: UTF8.self)
    }

    func textTooLong() -> XMLError {
        error(.limitExceeded, "Ein Text ist länger als \(limits.maxTextLength) Bytes.")
    }

    /// A quoted attribute value, normalised as XML 1.0 §3.3.3 says for CDATA attributes.
    mutating func attributeValue() throws(XMLError) -> String {
        guard position < count, input[position] == 0x22 || input[position] == 0x27 else {
            throw error(.malformed, "Ein Attributwert muss in Anführungszeichen stehen.")
        }
        let quote = input[position]
        // Fast path: a value without references, '<' or white space other than the space character. It stops
        // at either quote (and at the zero byte after the end); the other quote is taken by the slow path.
        var end = position + 1
        while classes[Int(input[end])] & XMLByteClass.valueStop == 0 { end += 1 }
        if input[end] == quote && end < count {
            let value = string(from: position + 1, to: end)
            position = end + 1
            return value
        }
        let startLine = line, startColumn = trackedColumn()
        position += 1
        var output: [UInt8] = []
        while position < count {
            let byte = input[position]
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
                if position < count, input[position] == 0x0A { step() } else { line += 1; lineStart = position }
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
        while position < count, input[position] != UInt8(ascii: ";"), position - start < 32 { position += 1 }
        guard position < count, input[position] == UInt8(ascii: ";") else {
            throw error(
                .malformed, "Ein '&' ohne abschließendes ';' (als Text bitte '&amp;' schreiben).",
                line: startLine, column: startColumn)
        }
        let body = string(from: start, to: position)
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
        while position < count {
            if position - start > limits.maxTextLength {
                throw error(
                    .limitExceeded, "Ein Kommentar oder Abschnitt ist länger als \(limits.maxTextLength) Bytes.",
                    line: startLine, column: startColumn)
            }
            if starts(with: terminator) {
                let content = Array(UnsafeBufferPointer(start: input + start, count: position - start))
                position += terminator.utf8CodeUnitCount
                return content
            }
            step()
        }
        throw error(.malformed, unterminated, line: startLine, column: startColumn)
    }

    mutating func comment() throws(XMLError) -> XMLToken {
        advance(4)  // <!--
        let content = try until("-->", unterminated: "Ein Kommentar wird nie geschlossen (Datei abgeschnitten?).")
        return .comment(String(decoding: content, as: UTF8.self))
    }

    mutating func cdata() throws(XMLError) -> XMLToken {
        advance(9)  // <![CDATA[
        let content = try until("]]>", unterminated: "Ein CDATA-Abschnitt wird nie geschlossen (Datei abgeschnitten?).")
        return .cdata(String(decoding: content, as: UTF8.self))
    }

    mutating func processingInstruction() throws(XMLError) -> XMLToken? {
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
        while position < count {
            let byte = input[position]
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
