import AmtswegXML
import Foundation

/// A fast path for the common shape of XES files: UTF-8, no document type declaration, no CDATA, unprefixed
/// element names, attribute values without line breaks or entities other than the predefined ones. It reads
/// bytes directly — names compared as bytes, keys and repeated values interned, timestamps parsed in place —
/// and hands the same element stream to ``XESLogAssembler`` as the general XML parser would.
///
/// Anything outside that shape — and anything malformed or refused by the assembler — makes it give up: the
/// caller then reads the file with the general parser, which either reads it or reports the error with line
/// and column. So the fast path never decides what is an error, and it needs no line count of its own.
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
    /// For a segment cut after a trace's end: the scan may end with `<log>` still open.
    private var endsInsideLog = false

    init() {}

    /// A scanner for one segment of a log cut at trace ends: all but the first start inside `<log>`, all but
    /// the last end inside it.
    init(segmentStartsInsideLog: Bool, endsInsideLog: Bool) {
        self.endsInsideLog = endsInsideLog
        if segmentStartsInsideLog {
            seenRoot = true
            started = true
            let log: StaticString = "log"
            stack = [(.log, Self.nameHash(UnsafeBufferPointer(start: log.utf8Start, count: 3), 0, 3), 3)]
        }
    }

    /// Whether the scan ended where it may: after the root, or inside `<log>` for a segment that may.
    private var endedWell: Bool {
        seenRoot && (stack.isEmpty || (endsInsideLog && stack.count == 1 && stack[0].element == .log))
    }
    /// Scans as many complete constructs of `b` as there are and returns how many bytes it used; the rest
    /// must be passed again, followed by more bytes. With `final`, everything must be used.
    mutating func feed(
        _ b: UnsafeBufferPointer<UInt8>, final: Bool, assembler: inout XESLogAssembler
    ) throws -> Int {
        let count = b.count
        guard count > 0 else {
            if final && !endedWell { throw GiveUp() }
            return 0
        }
        var i = 0
        if !started {
            if count < 3 && !final { return 0 }
            started = true
            if count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { i = 3 }  // byte-order mark
        }
        var done = i
        do {
            try scan(b, from: &i, done: &done, assembler: &assembler)
        } catch is NeedMore {
            if final { throw GiveUp() }
        } catch is MiningError {
            throw GiveUp()  // the general parser reports it, with line and column
        }
        if final && !endedWell { throw GiveUp() }
        return done
    }

    private mutating func scan(
        _ b: UnsafeBufferPointer<UInt8>, from i: inout Int, done: inout Int, assembler: inout XESLogAssembler
    ) throws {
        let count = b.count
        let base = b.baseAddress!
        // Read once: a static is initialised lazily, and every access would check that it is.
        let classes = Self.byteClasses
        @inline(__always) func isSpace(_ byte: UInt8) -> Bool { classes[Int(byte)] & Self.space != 0 }
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
        func nameHash(_ start: Int, _ length: Int) -> UInt64 { Self.nameHash(b, start, length) }
        var keyBuffer: [UInt8] = []
        var valueBuffer: [UInt8] = []

        while true {
            done = i
            // Text between tags: XES has none but white space; anything else is for the general parser.
            i = Self.skip(Self.space, classes, base, from: i, to: count)
            if i < count && b[i] != 0x3C { throw GiveUp() }
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
                j = Self.skip(Self.nameByte, classes, base, from: j, to: count)
                let nameLength = j - nameStart
                j = Self.skip(Self.space, classes, base, from: j, to: count)
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
            var j = i + 1
            let nameStart = j
            j = Self.skip(Self.nameByte, classes, base, from: j, to: count)
            let nameLength = j - nameStart
            guard j < count else { throw NeedMore() }
            guard nameLength > 0 else { throw GiveUp() }
            if b[j] == 0x3A { throw GiveUp() }  // a prefixed name: let the namespace-aware parser have it
            if stack.isEmpty && seenRoot { throw GiveUp() }
            let element = Self.element(b, nameStart, nameLength)
            // Key and value as interned indices (-1: none, or the value is not interned); other values as text.
            var key = -1, value = -1
            var text: String?
            var date: Int64?
            var selfClosing = false
            while true {
                let hadSpace = j < count && isSpace(b[j])
                j = Self.skip(Self.space, classes, base, from: j, to: count)
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
                j = Self.skip(Self.nameByte, classes, base, from: j, to: count)
                let attributeLength = j - attributeStart
                guard j < count else { throw NeedMore() }
                guard attributeLength > 0 else { throw GiveUp() }
                if b[j] == 0x3A { throw GiveUp() }  // xmlns:… or prefixed attribute
                j = Self.skip(Self.space, classes, base, from: j, to: count)
                guard j < count else { throw NeedMore() }
                guard b[j] == 0x3D else { throw GiveUp() }
                j += 1
                j = Self.skip(Self.space, classes, base, from: j, to: count)
                guard j < count else { throw NeedMore() }
                guard b[j] == 0x22 || b[j] == 0x27 else { throw GiveUp() }
                let quote = b[j]
                j += 1
                let valueStart = j
                let (end, hasEntity) = Self.valueEnd(classes, base, from: j, to: count, quote: quote)
                guard end >= 0 else { throw GiveUp() }  // '<', or a line break or tab (the parser normalises them)
                j = end
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
                    guard let index = buffer.withUnsafeBufferPointer({ interner.index($0) }) else { throw GiveUp() }
                    if isKey { key = index } else { (value, text, date) = (-1, interner.strings[index], nil) }
                    continue
                }
                if isKey {
                    guard let index = interner.index(raw) else { throw GiveUp() }
                    key = index
                } else if type == .date {
                    date = Timestamp.parseISO(bytes: raw)
                    if date == nil {
                        guard let string = String(validating: raw, as: UTF8.self) else { throw GiveUp() }
                        text = string
                    }
                } else if (type == .string || type == .id) && raw.count <= 64 {
                    // Values repeat (activities, resources, lifecycles); long unique ones are not worth a slot.
                    guard let index = interner.index(raw) else { throw GiveUp() }
                    value = index
                } else {
                    raw = UnsafeBufferPointer(rebasing: b[valueStart..<valueEnd])
                    guard let string = String(validating: raw, as: UTF8.self) else { throw GiveUp() }
                    text = string
                }
            }
            // The standard attributes of an event take the fast path, without strings; the rest the general one.
            if selfClosing, key >= 0, case .attribute(let type) = element, !stack.isEmpty,
                assembler.eventAttribute(type, key: key, value: value, date: date, strings: interner.strings)
            {
                i = j
                continue
            }
            if stack.isEmpty { seenRoot = true }
            let keyText = key >= 0 ? interner.strings[key] : ""
            let valueText = text ?? (value >= 0 ? interner.strings[value] : "")
            try assembler.open(element, key: keyText, text: valueText, date: date, line: 0, column: 0)
            if selfClosing {
                try assembler.close(element)
            } else {
                stack.append((element, nameHash(nameStart, nameLength), nameLength))
                if stack.count > 64 { throw GiveUp() }
            }
            i = j
        }
    }

    /// FNV-1a of a name, to match end tags with start tags without keeping the bytes.
    private static func nameHash(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in start..<(start + length) { hash = (hash ^ UInt64(b[index])) &* 0x100_0000_01b3 }
        return hash
    }

    // MARK: - Byte classes

    /// The first index from `start` whose byte is not of `byteClass` (or `count`). Out of line, so that its
    /// loop keeps its index in a register.
    @inline(never)
    private static func skip(
        _ byteClass: UInt8, _ classes: UnsafePointer<UInt8>, _ base: UnsafePointer<UInt8>, from start: Int,
        to count: Int
    ) -> Int {
        var index = start
        while index < count && classes[Int(base[index])] & byteClass != 0 { index += 1 }
        return index
    }

    /// The index of the closing `quote` of an attribute value starting at `start` (`count` if the buffer ends
    /// first) and whether the value has references; index -1 for a value the fast path does not read.
    @inline(never)
    private static func valueEnd(
        _ classes: UnsafePointer<UInt8>, _ base: UnsafePointer<UInt8>, from start: Int, to count: Int, quote: UInt8
    ) -> (index: Int, hasEntity: Bool) {
        var index = start
        var hasEntity = false
        while index < count {
            let byte = base[index]
            if classes[Int(byte)] & valueStop != 0 {
                if byte == quote { break }
                if byte == 0x26 {
                    hasEntity = true
                } else if byte != 0x22 && byte != 0x27 {
                    return (-1, false)
                }
            }
            index += 1
        }
        return (index, hasEntity)
    }

    /// Bytes of names: ASCII letters, digits, `_ - .` (a `:` or any non-ASCII byte sends the tag elsewhere).
    private static let nameByte: UInt8 = 1
    /// XML white space.
    private static let space: UInt8 = 2
    /// Bytes that end or need a look inside an attribute value: quotes, `&`, `<`, line breaks and tabs.
    private static let valueStop: UInt8 = 4

    /// Each byte's classes: the scanning loops test one table entry per byte instead of a chain of comparisons.
    /// Written once, read only, hence safe to share.
    nonisolated(unsafe) private static let byteClasses: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for byte in 0..<256 {
            var classes: UInt8 = 0
            switch UInt8(byte) {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."):
                classes |= nameByte
            case 0x20, 0x0A, 0x09, 0x0D:
                classes |= space
            default: break
            }
            switch UInt8(byte) {
            case 0x22, 0x27, 0x26, 0x3C, 0x0A, 0x0D, 0x09: classes |= valueStop
            default: break
            }
            table[byte] = classes
        }
        return UnsafePointer(table)
    }()

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
