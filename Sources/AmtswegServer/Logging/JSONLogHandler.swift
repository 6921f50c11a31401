public import Logging

/// Log lines as JSON objects, one per line on standard output (`amtsweg serve --log-format json`), for a data
/// centre's log collector: time (ISO 8601 with milliseconds, UTC), level, logger label, message and the
/// metadata — among it `hb.request.id`, which ties every line of one request together. Keys are sorted, so
/// equal events give equal lines. Written through ``LogOutput``, encoded here: `JSONSerialization` and
/// `Date.formatted` per line cost more than the request the line is about.
public struct JSONLogHandler: LineLogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    let label: String

    public init(label: String) { self.label = label }

    public func line(for event: LogEvent) -> [UInt8] {
        var all = fields(of: event)
        all["level"] = .string(event.level.rawValue)
        all["logger"] = .string(label)
        all["message"] = .string("\(event.message)")
        var line: [UInt8] = []
        line.reserveCapacity(256)
        line.append(UInt8(ascii: "{"))
        Self.appendString("time", to: &line)
        line.append(contentsOf: #":""#.utf8)
        LogTimestamp.append(to: &line)
        line.append(UInt8(ascii: "\""))
        for key in all.keys.sorted() where key != "time" {
            line.append(UInt8(ascii: ","))
            Self.appendString(key, to: &line)
            line.append(UInt8(ascii: ":"))
            Self.append(all[key]!, to: &line)
        }
        line.append(contentsOf: "}\n".utf8)
        return line
    }

    static func append(_ value: Logger.MetadataValue, to line: inout [UInt8]) {
        switch value {
        case .string(let text): appendString(text, to: &line)
        case .stringConvertible(let value): appendString(value.description, to: &line)
        case .array(let values):
            line.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { line.append(UInt8(ascii: ",")) }
                append(value, to: &line)
            }
            line.append(UInt8(ascii: "]"))
        case .dictionary(let values):
            line.append(UInt8(ascii: "{"))
            for (index, key) in values.keys.sorted().enumerated() {
                if index > 0 { line.append(UInt8(ascii: ",")) }
                appendString(key, to: &line)
                line.append(UInt8(ascii: ":"))
                append(values[key]!, to: &line)
            }
            line.append(UInt8(ascii: "}"))
        }
    }

    /// A JSON string: quotes, backslashes and control characters escaped (RFC 8259, section 7); the rest as UTF-8.
    static func appendString(_ text: String, to line: inout [UInt8]) {
        line.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): line.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): line.append(contentsOf: #"\\"#.utf8)
            case 0x0A: line.append(contentsOf: #"\n"#.utf8)
            case 0x0D: line.append(contentsOf: #"\r"#.utf8)
            case 0x09: line.append(contentsOf: #"\t"#.utf8)
            case 0..<0x20:
                line.append(contentsOf: #"\u00"#.utf8)
                let hex = Array("0123456789abcdef".utf8)
                line.append(hex[Int(byte >> 4)])
                line.append(hex[Int(byte & 0x0F)])
            default: line.append(byte)
            }
        }
        line.append(UInt8(ascii: "\""))
    }
}
