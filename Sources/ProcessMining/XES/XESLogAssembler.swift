import Foundation

/// Turns the element stream of an XES file — from the fast scanner or from the general XML parser — into an
/// ``EventLog``: traces become cases, events their events, the standard extensions' attributes the log's
/// columns, every other attribute (nested ones too) typed values.
struct XESLogAssembler {
    let file: String
    var builder = EventLogBuilder()
    var sawLog = false
    /// Traces read so far.
    private(set) var traceCount = 0
    /// Reading one segment of a log among several: a trace without `concept:name` cannot know its position in
    /// the whole log yet, so it gets ``positionalCaseMark`` and its number within the segment, and the joining
    /// of the segments numbers it.
    var marksPositionalCases = false
    static let positionalCaseMark: Character = "\u{0}"
    private var inTrace = false
    private var traceID: String?
    private var traceAttributes: [String: AttributeValue] = [:]
    /// The trace's finished events, with activity and resource already coded.
    private var pendingEvents: [FinishedEvent] = []
    private var event: PendingEvent?
    /// Attributes being read, innermost last: nested attributes belong to the one below them.
    private var attributeStack: [OpenAttribute] = []
    /// The scanner's interned values already coded as activity, resource or lifecycle, by interned index
    /// (-1: not yet): a repeated value costs an array lookup instead of hashing a string.
    private var activityOfInterned: [Int32] = []
    private var resourceOfInterned: [Int32] = []
    private var lifecycleOfInterned: [Lifecycle?] = []
    /// The interned strings used as activity or resource so far (coded when their event ends, so that a
    /// value overwritten within its event never becomes a code of its own).
    private var textOfInterned: [String?] = []
    /// What each interned string means as an attribute key, by interned index.
    private var keyOfInterned: [StandardKey?] = []

    /// The keys of the standard extensions that become the log's columns.
    private enum StandardKey {
        case activity, timestamp, resource, lifecycle, other

        init(_ key: String) {
            switch key {
            case "concept:name": self = .activity
            case "time:timestamp": self = .timestamp
            case "org:resource": self = .resource
            case "lifecycle:transition": self = .lifecycle
            default: self = .other
            }
        }
    }

    /// A text of an event as read: nothing, an index into the scanner's interned strings, or a string.
    private enum EventText {
        case none
        case interned(Int)
        case text(String)
    }

    private struct PendingEvent {
        var activity = EventText.none
        var timestamp = EventLog.noTimestamp
        var resource = EventText.none
        var lifecycle = Lifecycle.unknown
        var extras: [String: AttributeValue] = [:]
        var line: Int
        var column: Int
        var isEmpty = true
    }

    private struct FinishedEvent {
        var activity: Int32
        var timestamp: Int64
        var resource: Int32
        var lifecycle: Lifecycle
        var extras: [String: AttributeValue]
    }

    private struct OpenAttribute {
        var key: String
        var value: AttributeValue
        var children: [String: AttributeValue] = [:]
        var list: [AttributeValue]?
    }

    init(file: String) { self.file = file }

    /// An element starts at `line` and `column` (0 from the scanner, whose errors the general parser reports
    /// again with their place). `text` is its `value` attribute; for dates the scanner may pass `date` already read.
    mutating func open(
        _ element: XESElement, key: String, text: String, date: Int64?, line: Int, column: Int
    ) throws(MiningError) {
        func refuse(_ message: String) -> MiningError {
            MiningError(file: file, line: line, column: column, message: message)
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
            pendingEvents.removeAll(keepingCapacity: true)
        case .event:
            guard event == nil, attributeStack.isEmpty else {
                throw refuse("<event> steht innerhalb eines anderen <event> oder Attributs.")
            }
            event = PendingEvent(line: line, column: column)
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
                pendingEvents.append(
                    FinishedEvent(
                        activity: activityCode(finished.activity), timestamp: finished.timestamp,
                        resource: resourceCode(finished.resource), lifecycle: finished.lifecycle,
                        extras: finished.extras))
            } else if !finished.isEmpty {
                // pm4py refuses such files too; an empty <event/> outside a trace it ignores, and so do we.
                throw MiningError(
                    file: file, line: finished.line, column: finished.column,
                    message: "<event> steht außerhalb eines <trace>.")
            }
        case .trace:
            guard inTrace else { return }
            inTrace = false
            traceCount += 1
            let id = traceID ?? (marksPositionalCases ? "\(Self.positionalCaseMark)\(traceCount)" : "\(traceCount)")
            let c = builder.addCase(id, attributes: traceAttributes)
            for pending in pendingEvents {
                builder.addEvent(
                    case: c, activityCode: pending.activity, timestamp: pending.timestamp,
                    resourceCode: pending.resource, lifecycle: pending.lifecycle, attributes: pending.extras)
            }
            pendingEvents.removeAll(keepingCapacity: true)
        default:
            break
        }
    }

    private mutating func assign(_ value: AttributeValue, to key: String) {
        event!.isEmpty = false
        switch key {
        case "concept:name": event!.activity = .text(Self.text(value))
        case "time:timestamp":
            if case .date(let millis) = value { event!.timestamp = millis } else { event!.extras[key] = value }
        case "org:resource": event!.resource = .text(Self.text(value))
        case "lifecycle:transition":
            event!.lifecycle = Lifecycle(Self.text(value))
            // Transitions other than start and complete (schedule, assign, …) are kept as written.
            if event!.lifecycle == .other { event!.extras[key] = value }
        default: event!.extras[key] = value
        }
    }

    // MARK: - The scanner's fast path

    /// One of the standard attributes of an event (`concept:name`, `time:timestamp`, `org:resource`,
    /// `lifecycle:transition`) as the scanner read it: key and value as indices into its interned `strings`
    /// (`value` -1 when not interned), a date already parsed. Sets it without making a string or a value and
    /// returns `true`; returns `false` (nothing changed) for anything the general ``open`` and ``close`` must
    /// handle: other keys, nested attributes, values of other types, lifecycle transitions kept as written.
    mutating func eventAttribute(
        _ type: XESElement.AttributeType, key: Int, value: Int, date: Int64?, strings: [String]
    ) -> Bool {
        guard event != nil, attributeStack.isEmpty else { return false }
        while keyOfInterned.count <= key { keyOfInterned.append(nil) }
        let standard = keyOfInterned[key] ?? StandardKey(strings[key])
        keyOfInterned[key] = standard
        let isText = type == .string || type == .id
        switch standard {
        case .activity where isText && value >= 0:
            remember(value, strings)
            event!.activity = .interned(value)
        case .resource where isText && value >= 0:
            remember(value, strings)
            event!.resource = .interned(value)
        case .timestamp where type == .date && date != nil:
            event!.timestamp = date!
        case .lifecycle where isText && value >= 0:
            while lifecycleOfInterned.count <= value { lifecycleOfInterned.append(nil) }
            let lifecycle = lifecycleOfInterned[value] ?? Lifecycle(strings[value])
            lifecycleOfInterned[value] = lifecycle
            // Transitions other than start and complete are also kept as written: the general path does that.
            guard lifecycle != .other else { return false }
            event!.lifecycle = lifecycle
        default:
            return false
        }
        event!.isEmpty = false
        return true
    }

    /// Keeps the interned string at `index` for coding it when its event ends.
    private mutating func remember(_ index: Int, _ strings: [String]) {
        while textOfInterned.count <= index { textOfInterned.append(nil) }
        if textOfInterned[index] == nil { textOfInterned[index] = strings[index] }
    }

    private mutating func activityCode(_ text: EventText) -> Int32 {
        if case .none = text { return builder.activityCode("") }
        return Self.code(text, &builder, cache: &activityOfInterned, texts: textOfInterned) { $0.activityCode($1) }
    }

    private mutating func resourceCode(_ text: EventText) -> Int32 {
        if case .none = text { return -1 }
        return Self.code(text, &builder, cache: &resourceOfInterned, texts: textOfInterned) { $0.resourceCode($1) }
    }

    /// The builder's code for a text; interned texts are coded once and then found in `cache` by index.
    private static func code(
        _ text: EventText, _ builder: inout EventLogBuilder, cache: inout [Int32], texts: [String?],
        _ make: (inout EventLogBuilder, String) -> Int32
    ) -> Int32 {
        switch text {
        case .none: return -1
        case .text(let string): return make(&builder, string)
        case .interned(let index):
            while cache.count <= index { cache.append(-1) }
            if cache[index] < 0 { cache[index] = make(&builder, texts[index]!) }
            return cache[index]
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
