import AmtswegXML
/// Splits CSV bytes into records of field ranges (RFC 4180: quotes, doubled quotes, line breaks inside
/// quotes, CRLF), remembering the line each record starts on.
struct CSVRecordParser {
    let bytes: [UInt8]
    let delimiter: UInt8
    private var position = 0
    private var line = 1
    private(set) var recordLine = 1
    /// Unquoted field contents, for fields that contained doubled quotes.
    private var unescaped: [[UInt8]] = []

    /// A field: a range of `bytes`, or (with a negative `start`) the unescaped copy number `-start - 1`.
    struct Field {
        var start: Int
        var end: Int
    }

    func isEmpty(_ field: Field) -> Bool {
        field.start < 0 ? unescaped[-field.start - 1].isEmpty : field.end <= field.start
    }

    init(bytes: [UInt8], delimiter: UInt8) {
        self.bytes = bytes
        self.delimiter = delimiter
    }

    mutating func next(file: String) throws(MiningError) -> [Field]? {
        guard position < bytes.count else { return nil }
        recordLine = line
        unescaped.removeAll(keepingCapacity: true)
        var fields: [Field] = []
        while true {
            if position < bytes.count && bytes[position] == 0x22 {
                // Quoted: up to the closing quote; "" is a quote.
                position += 1
                let start = position
                var copy: [UInt8]?
                while true {
                    guard position < bytes.count else {
                        throw MiningError(
                            file: file, line: recordLine,
                            message: "Ein Anführungszeichen wird nie geschlossen (Datei abgeschnitten?).")
                    }
                    let byte = bytes[position]
                    if byte == 0x22 {
                        if position + 1 < bytes.count && bytes[position + 1] == 0x22 {
                            if copy == nil { copy = Array(bytes[start..<position]) }
                            copy!.append(0x22)
                            position += 2
                            continue
                        }
                        break
                    }
                    if byte == 0x0A { line += 1 }
                    copy?.append(byte)
                    position += 1
                }
                if let copy {
                    unescaped.append(copy)
                    fields.append(Field(start: -unescaped.count, end: 0))
                } else {
                    fields.append(Field(start: start, end: position))
                }
                position += 1  // closing quote
                guard
                    position >= bytes.count || bytes[position] == delimiter || bytes[position] == 0x0A
                        || bytes[position] == 0x0D
                else {
                    throw MiningError(
                        file: file, line: line, message: "Text nach einem schließenden Anführungszeichen.")
                }
            } else {
                let start = position
                while position < bytes.count, bytes[position] != delimiter, bytes[position] != 0x0A,
                    bytes[position] != 0x0D
                {
                    position += 1
                }
                fields.append(Field(start: start, end: position))
            }
            guard position < bytes.count else { return fields }
            let byte = bytes[position]
            position += 1
            if byte == delimiter { continue }
            if byte == 0x0D, position < bytes.count, bytes[position] == 0x0A { position += 1 }
            line += 1
            return fields
        }
    }

    private func withBytes<R>(_ field: Field, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if field.start < 0 {
            return unescaped[-field.start - 1].withUnsafeBufferPointer(body)
        }
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[field.start..<field.end])) }
    }

    func string(_ field: Field) -> String { withBytes(field) { String(decoding: $0, as: UTF8.self) } }

    func interned(_ field: Field, _ interner: inout ByteInterner) -> String {
        withBytes(field) { interner.string($0) ?? String(decoding: $0, as: UTF8.self) }
    }

    /// A timestamp in any of the formats logs use: ISO 8601 (also with a space and a zone), German
    /// `dd.MM.yyyy HH:mm[:ss]`, Disco's `yyyy/MM/dd HH:mm:ss.SSS`, or seconds or milliseconds since 1970.
    func timestamp(_ field: Field, file: String, line: Int, column: String) throws(MiningError) -> Int64 {
        let text = string(field).trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return EventLog.noTimestamp }
        if let millis = Timestamp.parse(text) { return millis }
        throw MiningError(file: file, line: line, message: "„\(text)“ in Spalte „\(column)“ ist kein Zeitpunkt.")
    }
}

extension Timestamp {
    /// ISO 8601, `dd.MM.yyyy HH:mm[:ss]`, `yyyy/MM/dd HH:mm:ss[.SSS]`, or a number of seconds (up to 10¹¹)
    /// or milliseconds (up to 10¹⁵, past the year 30000) since 1970; a larger number is no point in time.
    public static func parse(_ text: String) -> Int64? {
        if let millis = parseISO(text) { return millis }
        if text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), let number = Double(text) {
            // Found by fuzzing (fuzz/crashes/csv-log): 60 digits do not fit in 64 bits.
            guard number < 1e15 else { return nil }
            return number < 1e11 ? Int64((number * 1_000).rounded()) : Int64(number.rounded())
        }
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "T" })
        guard let date = parts.first else { return nil }
        let time = parts.count > 1 ? String(parts[1]) : "00:00"
        let fields: [Substring]
        let year: Int?, month: Int?, day: Int?
        if date.contains(".") {
            fields = date.split(separator: ".")
            guard fields.count == 3 else { return nil }
            (day, month, year) = (Int(fields[0]), Int(fields[1]), Int(fields[2]))
        } else if date.contains("/") {
            fields = date.split(separator: "/")
            guard fields.count == 3 else { return nil }
            (year, month, day) = (Int(fields[0]), Int(fields[1]), Int(fields[2]))
        } else {
            return nil
        }
        guard let year, let month, let day, year >= 1_000 else { return nil }
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let clock = time.split(separator: ":").count == 2 ? time + ":00" : time
        return parseISO("\(year)-\(two(month))-\(two(day))T\(clock)")
    }
}
