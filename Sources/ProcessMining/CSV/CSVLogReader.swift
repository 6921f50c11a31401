import AmtswegXML
public import Foundation

/// Reads event logs from CSV files as specialist applications export them: delimiter (`,` `;` tab `|`),
/// encoding (UTF-8 with or without byte-order mark, else Windows-1252) and timestamp format detected; columns
/// found by their usual names in English, German or pm4py's spelling, or named explicitly.
///
/// Hand-written rather than a general CSV package: a log has millions of rows, and repeated values (case ids,
/// activities, resources) are interned from bytes without making a string per row.
public enum CSVLogReader {
    /// Which columns hold what; `nil` means: find it by name.
    public struct Columns: Sendable {
        public var caseID: String?
        public var activity: String?
        public var timestamp: String?
        public var resource: String?
        public var startTimestamp: String?

        public init(
            caseID: String? = nil, activity: String? = nil, timestamp: String? = nil, resource: String? = nil,
            startTimestamp: String? = nil
        ) {
            self.caseID = caseID
            self.activity = activity
            self.timestamp = timestamp
            self.resource = resource
            self.startTimestamp = startTimestamp
        }
    }

    static let caseNames = [
        "case:concept:name", "case id", "caseid", "case_id", "case", "fall", "fallnummer", "vorgang", "vorgangsnummer",
        "aktenzeichen",
    ]
    static let activityNames = [
        "concept:name", "activity", "activity name", "aktivität", "aktivitaet", "tätigkeit", "schritt", "event", "task",
    ]
    static let timestampNames = [
        "time:timestamp", "timestamp", "complete timestamp", "end timestamp", "zeitstempel", "zeitpunkt", "ende",
        "datum",
    ]
    static let resourceNames = ["org:resource", "resource", "ressource", "user", "bearbeiter", "sachbearbeiter"]
    static let startNames = ["start_timestamp", "start timestamp", "start", "beginn"]

    public static func read(contentsOf url: URL, columns: Columns = Columns()) throws(MiningError) -> EventLog {
        let data = try MiningError.contents(of: url)
        return try read(data, file: url.path, columns: columns)
    }

    public static func read(_ data: Data, file: String, columns: Columns = Columns()) throws(MiningError) -> EventLog {
        let bytes = utf8Bytes(data)
        guard !bytes.isEmpty else { throw MiningError(file: file, line: 1, message: "Die Datei ist leer.") }
        var parser = CSVRecordParser(bytes: bytes, delimiter: detectDelimiter(bytes))
        guard let header = try parser.next(file: file) else {
            throw MiningError(file: file, line: 1, message: "Die Datei ist leer.")
        }
        let names = header.map { parser.string($0).trimmingCharacters(in: .whitespaces) }
        func column(_ given: String?, _ candidates: [String], required: String?) throws(MiningError) -> Int? {
            let lowered = names.map { $0.lowercased() }
            if let given {
                guard let index = names.firstIndex(of: given) ?? lowered.firstIndex(of: given.lowercased()) else {
                    throw MiningError(
                        file: file, line: 1,
                        message: "Spalte „\(given)“ fehlt. Vorhanden: \(names.joined(separator: ", ")).")
                }
                return index
            }
            if let index = candidates.lazy.compactMap({ lowered.firstIndex(of: $0) }).first { return index }
            if let required {
                throw MiningError(
                    file: file, line: 1,
                    message:
                        "Keine Spalte für \(required) gefunden (mit --\(required == "Fall" ? "case" : required == "Aktivität" ? "activity" : "timestamp") angeben). Vorhanden: \(names.joined(separator: ", "))."
                )
            }
            return nil
        }
        let caseColumn = try column(columns.caseID, caseNames, required: "Fall")!
        let activityColumn = try column(columns.activity, activityNames, required: "Aktivität")!
        let timestampColumn = try column(columns.timestamp, timestampNames, required: "Zeitstempel")!
        let resourceColumn = try column(columns.resource, resourceNames, required: nil)
        let startColumn = try column(
            columns.startTimestamp, columns.startTimestamp == nil ? [] : startNames, required: nil)
        let lifecycleColumn = try column(nil, ["lifecycle:transition", "lifecycle", "lebenszyklus"], required: nil)
        let used = Set(
            [caseColumn, activityColumn, timestampColumn, resourceColumn, startColumn, lifecycleColumn].compactMap {
                $0
            })
        let extra = names.indices.filter { !used.contains($0) && !names[$0].isEmpty }

        var builder = EventLogBuilder()
        var interner = ByteInterner(capacity: 4_096)
        while let fields = try parser.next(file: file) {
            let line = parser.recordLine
            if fields.count == 1 && parser.isEmpty(fields[0]) { continue }  // an empty line
            guard fields.count == names.count else {
                throw MiningError(
                    file: file, line: line,
                    message: "\(fields.count) Felder statt \(names.count) wie in der Kopfzeile.")
            }
            let caseID = parser.interned(fields[caseColumn], &interner)
            guard !caseID.isEmpty else { throw MiningError(file: file, line: line, message: "Die Fallnummer fehlt.") }
            let activity = parser.interned(fields[activityColumn], &interner)
            let stamp = try parser.timestamp(
                fields[timestampColumn], file: file, line: line, column: names[timestampColumn])
            var attributes: [String: AttributeValue] = [:]
            var caseAttributes: [String: AttributeValue] = [:]
            for index in extra where !parser.isEmpty(fields[index]) {
                let value = AttributeValue.string(parser.interned(fields[index], &interner))
                if names[index].hasPrefix("case:") {
                    caseAttributes[String(names[index].dropFirst(5))] = value
                } else {
                    attributes[names[index]] = value
                }
            }
            if let startColumn, !parser.isEmpty(fields[startColumn]) {
                let start = try parser.timestamp(
                    fields[startColumn], file: file, line: line, column: names[startColumn])
                attributes["start_timestamp"] = .date(start)
            }
            let c = builder.addCase(caseID, attributes: caseAttributes)
            let resource = resourceColumn.flatMap {
                parser.isEmpty(fields[$0]) ? nil : parser.interned(fields[$0], &interner)
            }
            var lifecycle = Lifecycle.unknown
            if let lifecycleColumn, !parser.isEmpty(fields[lifecycleColumn]) {
                let text = parser.interned(fields[lifecycleColumn], &interner)
                lifecycle = Lifecycle(text)
                // As from XES: transitions other than start and complete are kept as written.
                if lifecycle == .other { attributes["lifecycle:transition"] = .string(text) }
            }
            builder.addEvent(
                case: c, activity: activity, timestamp: stamp, resource: resource, lifecycle: lifecycle,
                attributes: attributes)
        }
        return builder.build()
    }

    /// The file's bytes as UTF-8: without a byte-order mark, and transcoded from Windows-1252 if they are not
    /// valid UTF-8 (what spreadsheet programs on Windows write).
    static func utf8Bytes(_ data: Data) -> [UInt8] {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if String(validating: bytes, as: UTF8.self) == nil { bytes = windows1252ToUTF8(bytes) }
        return bytes
    }

    /// The delimiter that splits the header line into the most fields (outside quotes).
    static func detectDelimiter(_ bytes: [UInt8]) -> UInt8 {
        var counts: [UInt8: Int] = [0x2C: 0, 0x3B: 0, 0x09: 0, 0x7C: 0]
        var quoted = false
        for byte in bytes {
            if byte == 0x22 { quoted.toggle() }
            if !quoted && (byte == 0x0A || byte == 0x0D) { break }
            if !quoted, counts[byte] != nil { counts[byte]! += 1 }
        }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key
    }

    static func windows1252ToUTF8(_ bytes: [UInt8]) -> [UInt8] {
        let high: [UInt16] = [
            0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
            0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
            0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
        ]
        var text = ""
        text.unicodeScalars.reserveCapacity(bytes.count)
        for byte in bytes {
            let value = byte >= 0x80 && byte < 0xA0 ? UInt32(high[Int(byte - 0x80)]) : UInt32(byte)
            text.unicodeScalars.append(Unicode.Scalar(value)!)
        }
        return Array(text.utf8)
    }
}
