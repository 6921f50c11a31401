import AmtswegXML
public import Foundation

/// Reads XES (IEEE 1849) event logs, plain or gzip-compressed, from an event stream — never a document tree —
/// into a columnar ``EventLog``.
///
/// Tolerant as pm4py is: any namespace (the standard's, with or without trailing slash, or none); attributes
/// of every XES type, nested ones too; traces without `concept:name` get their position as case id. The
/// standard extensions give activity (`concept:name`), timestamp (`time:timestamp`), resource (`org:resource`)
/// and lifecycle (`lifecycle:transition`). Hostile input is refused by the XML layer (no DTD entities, size
/// and depth limits) and here (a timestamp that is not a date), always with file, line and column.
public enum XESReader {
    /// Decompressed logs may be at most this large.
    public static let defaultMaxBytes = 4 << 30

    public static func read(contentsOf url: URL, maxBytes: Int = defaultMaxBytes) throws(MiningError) -> EventLog {
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw MiningError(
                file: url.path, message: "Die Datei lässt sich nicht lesen (\(error.localizedDescription)).")
        }
        return try read(data, file: url.path, maxBytes: maxBytes)
    }

    public static func read(_ data: Data, file: String, maxBytes: Int = defaultMaxBytes) throws(MiningError) -> EventLog
    {
        let xml = Gzip.isCompressed(data) ? try Gzip.decompress(data, file: file, limit: maxBytes) : data
        var reader = Reader(file: file)
        do {
            var parser = try XMLPullParser(data: xml, file: file, limits: XMLLimits(maxBytes: maxBytes, maxDepth: 64))
            while let event = try parser.next() { try reader.handle(event) }
        } catch let error as XMLError {
            throw MiningError(file: file, line: error.line, column: error.column, message: error.message)
        } catch let error as MiningError {
            throw error
        } catch {
            throw MiningError(file: file, message: "\(error)")
        }
        guard reader.sawLog else {
            throw MiningError(file: file, message: "Das ist keine XES-Datei (kein <log>-Element).")
        }
        return reader.builder.build()
    }

    /// The state of one read: where in the log we are and the attributes collected so far.
    private struct Reader {
        let file: String
        var builder = EventLogBuilder()
        var sawLog = false
        var depthInLog = 0
        var traceCount = 0
        /// Attributes of the current trace and event, and nested attributes being read (innermost last).
        var traceAttributes: [String: AttributeValue]?
        var traceCase: Int?
        var eventAttributes: [String: AttributeValue]?
        var eventLine = 0
        var eventColumn = 0
        var attributeStack:
            [(key: String, value: AttributeValue, children: [String: AttributeValue], list: [AttributeValue]?)] = []
        var pendingEvents: [(attributes: [String: AttributeValue], line: Int)] = []

        init(file: String) { self.file = file }

        mutating func handle(_ event: XMLEvent) throws(MiningError) {
            switch event {
            case .startElement(let start):
                try open(start)
            case .endElement(let name):
                try close(name.localName)
            default:
                break
            }
        }

        private mutating func open(_ start: XMLStartElement) throws(MiningError) {
            let name = start.name.localName
            if !sawLog {
                guard name == "log" else {
                    throw MiningError(
                        file: file, line: start.line, column: start.column,
                        message: "Das ist keine XES-Datei: Wurzelelement <\(start.name.qualified)> statt <log>.")
                }
                sawLog = true
                return
            }
            func attribute(_ key: String) -> String? {
                start.attributes.first { $0.name.localName == key && $0.name.prefix == nil }?.value
            }
            func refuse(_ message: String) -> MiningError {
                MiningError(file: file, line: start.line, column: start.column, message: message)
            }
            switch name {
            case "log":
                throw refuse("Ein zweites <log> im Protokoll.")
            case "trace":
                guard traceAttributes == nil, eventAttributes == nil, attributeStack.isEmpty else {
                    throw refuse("<trace> steht innerhalb eines anderen Elements (<trace> oder <event>).")
                }
                traceAttributes = [:]
                pendingEvents = []
            case "event":
                guard eventAttributes == nil, attributeStack.isEmpty else {
                    throw refuse("<event> steht innerhalb eines anderen <event> oder Attributs.")
                }
                eventAttributes = [:]
                eventLine = start.line
                eventColumn = start.column
            case "string", "date", "int", "float", "boolean", "id", "list", "container":
                let key = attribute("key") ?? ""
                let text = attribute("value") ?? ""
                let value: AttributeValue
                switch name {
                case "date":
                    if let millis = Timestamp.parseISO(text) {
                        value = .date(millis)
                    } else if key == "time:timestamp" && eventAttributes != nil && attributeStack.isEmpty {
                        throw refuse("„\(text)“ ist kein Zeitpunkt (time:timestamp, erwartet ISO 8601).")
                    } else {
                        value = .string(text)  // as pm4py keeps it: an unreadable date elsewhere is text
                    }
                case "int": value = Int(text.trimmingCharacters(in: .whitespaces)).map { .int($0) } ?? .string(text)
                case "float":
                    value = Double(text.trimmingCharacters(in: .whitespaces)).map { .float($0) } ?? .string(text)
                case "boolean":
                    switch text.trimmingCharacters(in: .whitespaces).lowercased() {
                    case "true": value = .boolean(true)
                    case "false": value = .boolean(false)
                    default: value = .string(text)
                    }
                case "id": value = .id(text)
                case "list": value = .list([])
                case "container": value = .container([:])
                default: value = .string(text)
                }
                attributeStack.append((key, value, [:], name == "list" ? [] : nil))
            default:
                // extension, global, classifier, values (inside a list), and vendor elements: nothing to keep.
                break
            }
        }

        private mutating func close(_ name: String) throws(MiningError) {
            switch name {
            case "string", "date", "int", "float", "boolean", "id", "list", "container":
                guard let top = attributeStack.popLast() else { return }
                var value = top.value
                if let list = top.list {
                    value = .list(list + top.children.keys.sorted().map { top.children[$0]! })
                } else if case .container = value {
                    value = .container(top.children)
                }
                if !attributeStack.isEmpty {
                    // A nested attribute: part of a list, a container, or a meta-attribute (kept as child).
                    if attributeStack[attributeStack.count - 1].list != nil {
                        attributeStack[attributeStack.count - 1].list!.append(value)
                    } else {
                        attributeStack[attributeStack.count - 1].children[top.key] = value
                    }
                } else if eventAttributes != nil {
                    eventAttributes![top.key] = value
                } else if traceAttributes != nil {
                    traceAttributes![top.key] = value
                }
            case "event":
                guard let attributes = eventAttributes else { return }
                eventAttributes = nil
                if traceAttributes != nil {
                    pendingEvents.append((attributes, eventLine))
                } else if !attributes.isEmpty {
                    // pm4py refuses such files too; an empty <event/> outside a trace it ignores, and so do we.
                    throw MiningError(
                        file: file, line: eventLine, column: eventColumn,
                        message: "<event> steht außerhalb eines <trace>.")
                }
            case "trace":
                guard var attributes = traceAttributes else { return }
                traceAttributes = nil
                traceCount += 1
                let id: String
                if case .string(let name)? = attributes.removeValue(forKey: "concept:name") {
                    id = name
                } else if case .id(let name)? = attributes["concept:name"] {
                    id = name
                } else {
                    id = "\(traceCount)"
                }
                let c = builder.addCase(id, attributes: attributes)
                for (event, line) in pendingEvents { try add(event, line: line, toCase: c) }
                pendingEvents = []
            default:
                break
            }
        }

        private mutating func add(_ attributes: [String: AttributeValue], line: Int, toCase c: Int) throws(MiningError)
        {
            var attributes = attributes
            let activity: String
            switch attributes.removeValue(forKey: "concept:name") {
            case .string(let name)?, .id(let name)?: activity = name
            case let other?: activity = Self.text(other)
            case nil: activity = ""
            }
            var timestamp = EventLog.noTimestamp
            if let value = attributes.removeValue(forKey: "time:timestamp") {
                guard case .date(let millis) = value else {
                    throw MiningError(file: file, line: line, message: "time:timestamp ist kein <date>-Attribut.")
                }
                timestamp = millis
            }
            var resource: String?
            if let value = attributes.removeValue(forKey: "org:resource") { resource = Self.text(value) }
            var lifecycle = Lifecycle.unknown
            if let value = attributes.removeValue(forKey: "lifecycle:transition") {
                lifecycle = Lifecycle(Self.text(value))
            }
            builder.addEvent(
                case: c, activity: activity, timestamp: timestamp, resource: resource, lifecycle: lifecycle,
                attributes: attributes)
        }

        static func text(_ value: AttributeValue) -> String {
            switch value {
            case .string(let text), .id(let text): text
            case .int(let number): String(number)
            case .float(let number): String(number)
            case .boolean(let flag): String(flag)
            case .date(let millis): String(millis)
            case .list, .container: ""
            }
        }
    }
}
