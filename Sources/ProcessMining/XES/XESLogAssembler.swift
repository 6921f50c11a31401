import Foundation

/// Turns the element stream of an XES file — from the fast scanner or from the general XML parser — into an
/// ``EventLog``: traces become cases, events their events, the standard extensions' attributes the log's
/// columns, every other attribute (nested ones too) typed values.
struct XESLogAssembler {
    let file: String
    var builder = EventLogBuilder()
    var sawLog = false
    private var traceCount = 0
    private var inTrace = false
    private var traceID: String?
    private var traceAttributes: [String: AttributeValue] = [:]
    private var pendingEvents: [PendingEvent] = []
    private var event: PendingEvent?
    /// Attributes being read, innermost last: nested attributes belong to the one below them.
    private var attributeStack: [OpenAttribute] = []

    private struct PendingEvent {
        var activity = ""
        var timestamp = EventLog.noTimestamp
        var resource: String?
        var lifecycle = Lifecycle.unknown
        var extras: [String: AttributeValue] = [:]
        var line: Int
        var column: Int
        var isEmpty = true
    }

    private struct OpenAttribute {
        var key: String
        var value: AttributeValue
        var children: [String: AttributeValue] = [:]
        var list: [AttributeValue]?
    }

    /// Turns a place into line and column, only when an error needs them: the fast scanner passes byte
    /// offsets (`place` with `column` 0) and resolves them here; the XML parser passes line and column.
    var locate: (Int) -> (line: Int, column: Int) = { ($0, 0) }

    init(file: String) { self.file = file }

    /// An element starts at `place` (a line with `column`, or a byte offset with `column` 0). `text` is its
    /// `value` attribute; for dates the scanner may pass `date` already read.
    mutating func open(
        _ element: XESElement, key: String, text: String, date: Int64?, line place: Int, column: Int
    ) throws(MiningError) {
        func refuse(_ message: String) -> MiningError {
            let (line, column) = column == 0 ? locate(place) : (place, column)
            return MiningError(file: file, line: line, column: column, message: message)
        }
        guard sawLog else {
            guard element == .log else { throw refuse("Das ist keine XES-Datei: Wurzelelement ist nicht <log>.") }
            sawLog = true
            return
        }
        switch element {
        case .log:
            throw refuse("Ein zweites <log> im Protokoll.")
        case .trace:
            guard !inTrace, event == nil, attributeStack.isEmpty else {
                throw refuse("<trace> steht innerhalb eines anderen Elements (<trace> oder <event>).")
            }
            inTrace = true
            traceID = nil
            traceAttributes = [:]
            pendingEvents = []
        case .event:
            guard event == nil, attributeStack.isEmpty else {
                throw refuse("<event> steht innerhalb eines anderen <event> oder Attributs.")
            }
            event = PendingEvent(line: place, column: column)
        case .attribute(let type):
            let value: AttributeValue
            switch type {
            case .date:
                if let millis = date ?? Timestamp.parseISO(text) {
                    value = .date(millis)
                } else if key == "time:timestamp" && event != nil && attributeStack.isEmpty {
                    throw refuse("„\(text)“ ist kein Zeitpunkt (time:timestamp, erwartet ISO 8601).")
                } else {
                    value = .string(text)  // as pm4py keeps it: an unreadable date elsewhere is text
                }
            case .int: value = Int(text.trimmingCharacters(in: .whitespaces)).map { .int($0) } ?? .string(text)
            case .float: value = Double(text.trimmingCharacters(in: .whitespaces)).map { .float($0) } ?? .string(text)
            case .boolean:
                switch text.trimmingCharacters(in: .whitespaces).lowercased() {
                case "true": value = .boolean(true)
                case "false": value = .boolean(false)
                default: value = .string(text)
                }
            case .id: value = .id(text)
            case .list: value = .list([])
            case .container: value = .container([:])
            case .string: value = .string(text)
            }
            attributeStack.append(OpenAttribute(key: key, value: value, list: type == .list ? [] : nil))
        case .values, .other:
            break  // extension, global, classifier, a list's <values>, vendor elements: nothing to keep
        }
    }

    mutating func close(_ element: XESElement) throws(MiningError) {
        switch element {
        case .attribute:
            guard let top = attributeStack.popLast() else { return }
            var value = top.value
            if let list = top.list {
                value = .list(list + top.children.keys.sorted().map { top.children[$0]! })
            } else if case .container = value {
                value = .container(top.children)
            }
            if !attributeStack.isEmpty {
                // Nested: an item of a list, a child of a container, or a meta-attribute.
                if attributeStack[attributeStack.count - 1].list != nil {
                    attributeStack[attributeStack.count - 1].list!.append(value)
                } else {
                    attributeStack[attributeStack.count - 1].children[top.key] = value
                }
            } else if event != nil {
                assign(value, to: top.key)
            } else if inTrace {
                if top.key == "concept:name", case .string(let name) = value {
                    traceID = name
                } else if top.key == "concept:name", case .id(let name) = value {
                    traceID = name
                } else {
                    traceAttributes[top.key] = value
                }
            }
        case .event:
            guard let finished = event else { return }
            event = nil
            if inTrace {
                pendingEvents.append(finished)
            } else if !finished.isEmpty {
                // pm4py refuses such files too; an empty <event/> outside a trace it ignores, and so do we.
                let (line, column) = finished.column == 0 ? locate(finished.line) : (finished.line, finished.column)
                throw MiningError(
                    file: file, line: line, column: column, message: "<event> steht außerhalb eines <trace>.")
            }
        case .trace:
            guard inTrace else { return }
            inTrace = false
            traceCount += 1
            let c = builder.addCase(traceID ?? "\(traceCount)", attributes: traceAttributes)
            for pending in pendingEvents {
                builder.addEvent(
                    case: c, activity: pending.activity, timestamp: pending.timestamp, resource: pending.resource,
                    lifecycle: pending.lifecycle, attributes: pending.extras)
            }
            pendingEvents = []
        default:
            break
        }
    }

    private mutating func assign(_ value: AttributeValue, to key: String) {
        event!.isEmpty = false
        switch key {
        case "concept:name": event!.activity = Self.text(value)
        case "time:timestamp":
            if case .date(let millis) = value { event!.timestamp = millis } else { event!.extras[key] = value }
        case "org:resource": event!.resource = Self.text(value)
        case "lifecycle:transition":
            event!.lifecycle = Lifecycle(Self.text(value))
            // Transitions other than start and complete (schedule, assign, …) are kept as written.
            if event!.lifecycle == .other { event!.extras[key] = value }
        default: event!.extras[key] = value
        }
    }

    static func text(_ value: AttributeValue) -> String {
        switch value {
        case .string(let text), .id(let text): text
        case .int(let number): String(number)
        case .float(let number): String(number)
        case .boolean(let flag): String(flag)
        case .date(let millis): Timestamp.iso(millis)
        case .list, .container: ""
        }
    }
}
