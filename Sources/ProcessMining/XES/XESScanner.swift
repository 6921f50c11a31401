import AmtswegXML
import Foundation

/// A fast path for the common shape of XES files: UTF-8, no document type declaration, no CDATA, unprefixed
/// element names, attribute values without line breaks or entities other than the predefined ones. It reads
/// bytes directly — names compared as bytes, keys and repeated values interned, timestamps parsed in place —
/// and hands the same element stream to ``XESLogAssembler`` as the general XML parser would.
///
/// Anything outside that shape — and anything malformed — makes it give up (`nil`): the caller then reads
/// the file with the general parser, which either reads it or reports the error with line and column. So
/// the fast path never decides what is an error.
struct XESScanner {
    /// Not the usual shape, or malformed: the general parser takes over.
    struct GiveUp: Error {}
    /// The buffer ends inside a construct: call again with more bytes.
    private struct NeedMore: Error {}

    private var interner = ByteInterner()
    /// Open elements with a hash of their name, to check end tags without keeping the bytes.
    private var stack: [(element: XESElement, nameHash: UInt64, nameLength: Int)] = []
    private var seenRoot = false
    private var started = false
    /// Lines and the start of the current line in the bytes already consumed (for error positions).
    private var consumedLines = 1
    private var consumedBytes = 0
    private var consumedLineStart = 0

    /// Scans as many complete constructs of `b` as there are and returns how many bytes it used; the rest
    /// must be passed again, followed by more bytes. With `final`, everything must be used.
    mutating func feed(
        _ b: UnsafeBufferPointer<UInt8>, final: Bool, assembler: inout XESLogAssembler
    ) throws -> Int {
        let count = b.count
        guard count > 0 else {
            if final && !(seenRoot && stack.isEmpty) { throw GiveUp() }
            return 0
        }
        var i = 0
        if !started {
            if count < 3 && !final { return 0 }
            started = true
            if count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { i = 3 }  // byte-order mark
        }
        let base = b.baseAddress!
        let (linesBefore, bytesBefore, lineStartBefore) = (consumedLines, consumedBytes, consumedLineStart)
        assembler.locate = { offset in
            var line = linesBefore, lineStart = lineStartBefore
            for index in 0..<min(offset, count) where base[index] == 0x0A {
                line += 1
                lineStart = bytesBefore + index + 1
            }
            return (line, bytesBefore + offset - lineStart + 1)
        }
        defer { assembler.locate = { ($0, 0) } }
        var done = i
        do {
            try scan(b, from: &i, done: &done, assembler: &assembler)
        } catch is NeedMore {
            if final { throw GiveUp() }
        }
        if final && !(seenRoot && stack.isEmpty) { throw GiveUp() }
        let newlines = Self.countNewlines(base, done)
        if newlines > 0 {
            consumedLines += newlines
            var last = done - 1
            while base[last] != 0x0A { last -= 1 }
            consumedLineStart = consumedBytes + last + 1
        }
        consumedBytes += done
        return done
    }

    private mutating func scan(
        _ b: UnsafeBufferPointer<UInt8>, from i: inout Int, done: inout Int, assembler: inout XESLogAssembler
    ) throws {
        let count = b.count
        @inline(__always) func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
        }
        @inline(__always) func isNameByte(_ byte: UInt8) -> Bool {
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
                || byte == 0x5F || byte == 0x2D || byte == 0x2E
        }
        func find(_ pattern: [UInt8], from start: Int) throws -> Int {
            var j = start
            while j + pattern.count <= count {
                if b[j] == pattern[0] {
                    var k = 1
                    while k < pattern.count && b[j + k] == pattern[k] { k += 1 }
                    if k == pattern.count { return j }
                }
                j += 1
            }
            throw NeedMore()
        }
        func nameHash(_ start: Int, _ length: Int) -> UInt64 {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for index in start..<(start + length) { hash = (hash ^ UInt64(b[index])) &* 0x100_0000_01b3 }
            return hash
        }
        var keyBuffer: [UInt8] = []
        var valueBuffer: [UInt8] = []

        while true {
            done = i
            // Text between tags: XES has none but white space; anything else is for the general parser.
            while i < count && b[i] != 0x3C {
                if !isSpace(b[i]) { throw GiveUp() }
                i += 1
            }
            guard i < count else {
                done = i
                return
            }
            guard i + 1 < count else { throw NeedMore() }
            let next = b[i + 1]
            if next == 0x3F {  // <? … ?>: the XML declaration must say UTF-8 if it names an encoding
                let end = try find([0x3F, 0x3E], from: i + 2)
                let text = String(decoding: UnsafeBufferPointer(rebasing: b[i..<end]), as: UTF8.self).lowercased()
                if text.hasPrefix("<?xml"), let range = text.range(of: "encoding") {
                    let rest = text[range.upperBound...]
                    if !(rest.contains("utf-8") || rest.contains("utf8")) { throw GiveUp() }
                }
                i = end + 2
                continue
            }
            if next == 0x21 {  // <!-- … --> only; DOCTYPE and CDATA go to the general parser
                guard i + 3 < count else { throw NeedMore() }
                guard b[i + 2] == 0x2D, b[i + 3] == 0x2D else { throw GiveUp() }
                i = try find([0x2D, 0x2D, 0x3E], from: i + 4) + 3
                continue
            }
            if next == 0x2F {  // </name>
                var j = i + 2
                let nameStart = j
                while j < count && isNameByte(b[j]) { j += 1 }
                let nameLength = j - nameStart
                while j < count && isSpace(b[j]) { j += 1 }
                guard j < count else { throw NeedMore() }
                guard b[j] == 0x3E, let open = stack.last, open.nameLength == nameLength,
                    open.nameHash == nameHash(nameStart, nameLength)
                else { throw GiveUp() }
                stack.removeLast()
                try assembler.close(open.element)
                i = j + 1
                continue
            }
            // <name attributes… > or />
            let tagStart = i
            var j = i + 1
            let nameStart = j
            while j < count && isNameByte(b[j]) { j += 1 }
            let nameLength = j - nameStart
            guard j < count else { throw NeedMore() }
            guard nameLength > 0 else { throw GiveUp() }
            if b[j] == 0x3A { throw GiveUp() }  // a prefixed name: let the namespace-aware parser have it
            if stack.isEmpty && seenRoot { throw GiveUp() }
            let element = Self.element(b, nameStart, nameLength)
            var key: String?
            var text = ""
            var date: Int64?
            var selfClosing = false
            while true {
                let hadSpace = j < count && isSpace(b[j])
                while j < count && isSpace(b[j]) { j += 1 }
                guard j < count else { throw NeedMore() }
                if b[j] == 0x3E {
                    j += 1
                    break
                }
                if b[j] == 0x2F {
                    guard j + 1 < count else { throw NeedMore() }
                    guard b[j + 1] == 0x3E else { throw GiveUp() }
                    selfClosing = true
                    j += 2
                    break
                }
                guard hadSpace else { throw GiveUp() }
                let attributeStart = j
                while j < count && isNameByte(b[j]) { j += 1 }
                let attributeLength = j - attributeStart
                guard j < count else { throw NeedMore() }
                guard attributeLength > 0 else { throw GiveUp() }
                if b[j] == 0x3A { throw GiveUp() }  // xmlns:… or prefixed attribute
                while j < count && isSpace(b[j]) { j += 1 }
                guard j < count else { throw NeedMore() }
                guard b[j] == 0x3D else { throw GiveUp() }
                j += 1
                while j < count && isSpace(b[j]) { j += 1 }
                guard j < count else { throw NeedMore() }
                guard b[j] == 0x22 || b[j] == 0x27 else { throw GiveUp() }
                let quote = b[j]
                j += 1
                let valueStart = j
                var hasEntity = false
                while j < count && b[j] != quote {
                    let byte = b[j]
                    if byte == 0x3C || byte == 0x0A || byte == 0x0D || byte == 0x09 { throw GiveUp() }
                    if byte == 0x26 { hasEntity = true }
                    j += 1
                }
                guard j < count else { throw NeedMore() }
                let valueEnd = j
                j += 1
                guard case .attribute(let type) = element else { continue }
                let isKey =
                    attributeLength == 3 && b[attributeStart] == 0x6B && b[attributeStart + 1] == 0x65
                    && b[attributeStart + 2] == 0x79
                let isValue =
                    attributeLength == 5 && b[attributeStart] == 0x76 && b[attributeStart + 1] == 0x61
                    && b[attributeStart + 2] == 0x6C && b[attributeStart + 3] == 0x75 && b[attributeStart + 4] == 0x65
                guard isKey || isValue else { continue }
                var raw = UnsafeBufferPointer(rebasing: b[valueStart..<valueEnd])
                if hasEntity {
                    guard let decoded = Self.decodeEntities(raw) else { throw GiveUp() }
                    if isKey { keyBuffer = decoded } else { valueBuffer = decoded }
                    let buffer = isKey ? keyBuffer : valueBuffer
                    let string = buffer.withUnsafeBufferPointer { interner.string($0) }
                    guard let string else { throw GiveUp() }
                    if isKey { key = string } else { text = string }
                    continue
                }
                if isKey {
                    guard let string = interner.string(raw) else { throw GiveUp() }
                    key = string
                } else if type == .date {
                    date = Timestamp.parseISO(bytes: raw)
                    if date == nil {
                        guard let string = String(validating: raw, as: UTF8.self) else { throw GiveUp() }
                        text = string
                    }
                } else if type == .string || type == .id {
                    // Values repeat (activities, resources, lifecycles); long unique ones are not worth a slot.
                    if raw.count <= 64 {
                        guard let string = interner.string(raw) else { throw GiveUp() }
                        text = string
                    } else {
                        guard let string = String(validating: raw, as: UTF8.self) else { throw GiveUp() }
                        text = string
                    }
                } else {
                    raw = UnsafeBufferPointer(rebasing: b[valueStart..<valueEnd])
                    guard let string = String(validating: raw, as: UTF8.self) else { throw GiveUp() }
                    text = string
                }
            }
            if stack.isEmpty { seenRoot = true }
            try assembler.open(element, key: key ?? "", text: text, date: date, line: tagStart, column: 0)
            if selfClosing {
                try assembler.close(element)
            } else {
                stack.append((element, nameHash(nameStart, nameLength), nameLength))
                if stack.count > 64 { throw GiveUp() }
            }
            i = j
        }
    }

    /// Newlines in the first `count` bytes, eight at a time (SWAR: a zero byte after XOR with `\n`).
    static func countNewlines(_ base: UnsafePointer<UInt8>, _ count: Int) -> Int {
        var total = 0, index = 0
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let pattern = ones &* 0x0A
        while index + 8 <= count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) ^ pattern
            // A byte of `word` is zero exactly where the input had a newline; this marks each such byte's high bit.
            let zeros = ~(((word & ~highs) &+ ~highs) | word) & highs
            total += zeros.nonzeroBitCount
            index += 8
        }
        while index < count {
            if base[index] == 0x0A { total += 1 }
            index += 1
        }
        return total
    }

    private static func element(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int) -> XESElement {
        func equals(_ literal: StaticString) -> Bool {
            literal.utf8CodeUnitCount == length && memcmp(b.baseAddress! + start, literal.utf8Start, length) == 0
        }
        switch length {
        case 2: return equals("id") ? .attribute(.id) : .other
        case 3: return equals("log") ? .log : equals("int") ? .attribute(.int) : .other
        case 4: return equals("date") ? .attribute(.date) : equals("list") ? .attribute(.list) : .other
        case 5:
            return equals("trace") ? .trace : equals("event") ? .event : equals("float") ? .attribute(.float) : .other
        case 6: return equals("string") ? .attribute(.string) : equals("values") ? .values : .other
        case 7: return equals("boolean") ? .attribute(.boolean) : .other
        case 9: return equals("container") ? .attribute(.container) : .other
        default: return .other
        }
    }

    /// Resolves the predefined entities and character references; `nil` for anything else.
    private static func decodeEntities(_ raw: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = 0
        while i < raw.count {
            guard raw[i] == 0x26 else {
                out.append(raw[i])
                i += 1
                continue
            }
            guard let end = raw[i...].firstIndex(of: 0x3B) else { return nil }
            let name = String(decoding: UnsafeBufferPointer(rebasing: raw[(i + 1)..<end]), as: UTF8.self)
            switch name {
            case "lt": out.append(0x3C)
            case "gt": out.append(0x3E)
            case "amp": out.append(0x26)
            case "quot": out.append(0x22)
            case "apos": out.append(0x27)
            default:
                guard name.hasPrefix("#") else { return nil }
                let digits = name.dropFirst()
                let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
                guard let value, let scalar = Unicode.Scalar(value),
                    value >= 0x20 || value == 0x09 || value == 0x0A || value == 0x0D
                else { return nil }
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            }
            i = end + 1
        }
        return out
    }
}
