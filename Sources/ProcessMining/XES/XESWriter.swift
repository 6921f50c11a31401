import AmtswegXML
public import Foundation

/// Writes event logs as XES (IEEE 1849-2016) that pm4py, ProM and Disco read: the concept, time, lifecycle and
/// organisational extensions declared, an activity classifier, every case and event attribute with its type
/// (lists nested). Valid against the IEEE schema, except that containers — which OpenXES and pm4py write but
/// the standard lacks — are written as OpenXES writes them. `.xes.gz` files are gzip-compressed.
public enum XESWriter {
    static let extensions = [
        ("Concept", "concept"), ("Time", "time"), ("Lifecycle", "lifecycle"), ("Organizational", "org"),
    ]

    public static func write(_ log: EventLog) -> Data {
        var output = XMLOutput()
        output.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        // No namespace and a decimal version, as the IEEE 1849-2016 schema declares them.
        output.openStartTag(
            XMLName(localName: "log"),
            attributes: [
                XMLAttribute(name: XMLName(localName: "xes.version"), value: "1849.2016"),
                XMLAttribute(name: XMLName(localName: "xes.features"), value: "nested-attributes"),
            ])
        output.closeStartTag(empty: false)
        for (name, prefix) in extensions {
            output.indent(1)
            element(
                "extension", ["name": name, "prefix": prefix, "uri": "http://www.xes-standard.org/\(prefix).xesext"],
                into: &output)
        }
        output.indent(1)
        element("classifier", ["name": "Activity", "keys": "concept:name"], into: &output)
        let eventKeys = log.eventAttributes.keys.sorted()
        let lifecycleColumn = log.eventAttributes["lifecycle:transition"]
        for c in 0..<log.caseCount {
            output.indent(1)
            open("trace", into: &output)
            attribute("concept:name", .string(log.caseIDs[c]), depth: 2, into: &output)
            for key in log.caseAttributes[c].keys.sorted() {
                attribute(key, log.caseAttributes[c][key]!, depth: 2, into: &output)
            }
            for event in log.events(ofCase: c) {
                output.indent(2)
                open("event", into: &output)
                attribute("concept:name", .string(log.activities[log.activity[event]]), depth: 3, into: &output)
                if log.resource[event] >= 0 {
                    attribute("org:resource", .string(log.resources[log.resource[event]]), depth: 3, into: &output)
                }
                // Transitions other than start and complete are kept as written, among the event's attributes.
                let lifecycle = log.lifecycle[event]
                if lifecycle == .complete || lifecycle == .start, lifecycleColumn?[event] == nil {
                    attribute(
                        "lifecycle:transition", .string(lifecycle == .start ? "start" : "complete"), depth: 3,
                        into: &output)
                }
                if log.timestamp[event] != EventLog.noTimestamp {
                    attribute("time:timestamp", .date(log.timestamp[event]), depth: 3, into: &output)
                }
                for key in eventKeys {
                    if let value = log.eventAttributes[key]![event] { attribute(key, value, depth: 3, into: &output) }
                }
                output.indent(2)
                output.endTag(XMLName(localName: "event"))
            }
            output.indent(1)
            output.endTag(XMLName(localName: "trace"))
        }
        output.indent(0)
        output.endTag(XMLName(localName: "log"))
        output.append("\n")
        return output.data
    }

    /// The log as gzip-compressed XES (what `.xes.gz` files hold).
    public static func writeCompressed(_ log: EventLog, file: String) throws(MiningError) -> Data {
        try Gzip.compress([UInt8](write(log)), file: file)
    }

    /// Writes the log to `url`, compressed if the name ends in `.gz`.
    public static func write(_ log: EventLog, to url: URL) throws(MiningError) {
        let xml = write(log)
        let data = url.pathExtension.lowercased() == "gz" ? try Gzip.compress([UInt8](xml), file: url.path) : xml
        do { try data.write(to: url, options: .atomic) } catch {
            throw MiningError(
                file: url.path, message: "Die Datei lässt sich nicht schreiben (\(error.localizedDescription)).")
        }
    }

    private static func open(_ name: String, into output: inout XMLOutput) {
        output.openStartTag(XMLName(localName: name), attributes: [])
        output.closeStartTag(empty: false)
    }

    private static func element(
        _ name: String, _ attributes: KeyValuePairs<String, String>, into output: inout XMLOutput
    ) {
        output.openStartTag(
            XMLName(localName: name),
            attributes: attributes.map { XMLAttribute(name: XMLName(localName: $0.key), value: $0.value) })
        output.closeStartTag(empty: true)
    }

    /// One typed attribute; lists and containers with their children one level deeper.
    private static func attribute(_ key: String, _ value: AttributeValue, depth: Int, into output: inout XMLOutput) {
        output.indent(depth)
        let (tag, text): (String, String?) =
            switch value {
            case .string(let text): ("string", text)
            case .id(let text): ("id", text)
            case .date(let millis): ("date", Timestamp.iso(millis))
            case .int(let number): ("int", String(number))
            case .float(let number): ("float", String(number))
            case .boolean(let flag): ("boolean", flag ? "true" : "false")
            case .list: ("list", nil)
            case .container: ("container", nil)
            }
        var attributes = [XMLAttribute(name: XMLName(localName: "key"), value: key)]
        if let text { attributes.append(XMLAttribute(name: XMLName(localName: "value"), value: text)) }
        output.openStartTag(XMLName(localName: tag), attributes: attributes)
        switch value {
        case .list(let items):
            output.closeStartTag(empty: false)
            output.indent(depth + 1)
            // The schema gives `values` the attribute type, key included.
            output.openStartTag(
                XMLName(localName: "values"), attributes: [XMLAttribute(name: XMLName(localName: "key"), value: key)])
            output.closeStartTag(empty: false)
            for item in items { attribute(key, item, depth: depth + 2, into: &output) }
            output.indent(depth + 1)
            output.endTag(XMLName(localName: "values"))
            output.indent(depth)
            output.endTag(XMLName(localName: tag))
        case .container(let children):
            output.closeStartTag(empty: false)
            for child in children.keys.sorted() { attribute(child, children[child]!, depth: depth + 1, into: &output) }
            output.indent(depth)
            output.endTag(XMLName(localName: tag))
        default:
            output.closeStartTag(empty: true)
        }
    }
}
