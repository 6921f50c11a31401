public import Foundation

/// Writes event logs as CSV in the column names pm4py uses (`case:concept:name`, `concept:name`,
/// `time:timestamp`, `org:resource`, `lifecycle:transition`, event attributes by key, case attributes as
/// `case:key`), comma-separated, RFC 4180 quoting, UTF-8, timestamps in ISO 8601 (UTC). Lists and containers
/// have no place in a table and are left out.
public enum CSVLogWriter {
    public static func write(_ log: EventLog) -> Data {
        let eventKeys = log.eventAttributes.keys.sorted()
        let caseKeys = Set(log.caseAttributes.flatMap(\.keys)).sorted()
        let hasResources = log.resource.contains { $0 >= 0 }
        let hasLifecycle = log.lifecycle.contains { $0 != .unknown }
        var header = ["case:concept:name", "concept:name", "time:timestamp"]
        if hasResources { header.append("org:resource") }
        if hasLifecycle { header.append("lifecycle:transition") }
        header += eventKeys.filter { $0 != "lifecycle:transition" || !hasLifecycle } + caseKeys.map { "case:\($0)" }
        var text = header.map(field).joined(separator: ",") + "\r\n"
        for c in 0..<log.caseCount {
            for event in log.events(ofCase: c) {
                var row = [
                    log.caseIDs[c], log.activities[log.activity[event]],
                    log.timestamp[event] == EventLog.noTimestamp ? "" : Timestamp.iso(log.timestamp[event]),
                ]
                if hasResources { row.append(log.resource[event] >= 0 ? log.resources[log.resource[event]] : "") }
                if hasLifecycle {
                    let written = log.eventAttributes["lifecycle:transition"]?[event].flatMap(plain)
                    switch log.lifecycle[event] {
                    case .complete: row.append("complete")
                    case .start: row.append("start")
                    case .other: row.append(written ?? "")
                    case .unknown: row.append("")
                    }
                }
                for key in eventKeys where key != "lifecycle:transition" || !hasLifecycle {
                    row.append(log.eventAttributes[key]![event].flatMap(plain) ?? "")
                }
                for key in caseKeys { row.append(log.caseAttributes[c][key].flatMap(plain) ?? "") }
                text += row.map(field).joined(separator: ",") + "\r\n"
            }
        }
        return Data(text.utf8)
    }

    public static func write(_ log: EventLog, to url: URL) throws(MiningError) {
        do { try write(log).write(to: url, options: .atomic) } catch {
            throw MiningError(
                file: url.path, message: "Die Datei lässt sich nicht schreiben (\(error.localizedDescription)).")
        }
    }

    /// A value a table cell can hold, written as the XES reader reads it back.
    private static func plain(_ value: AttributeValue) -> String? {
        switch value {
        case .list, .container: nil
        default: XESLogAssembler.text(value)
        }
    }

    /// Quoted when it holds a comma, a quote or a line break; quotes doubled.
    private static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
