/// Collects events in any order and builds the columnar ``EventLog``: cases in order of first appearance,
/// events within a case sorted by timestamp, stable for equal ones, events without a timestamp last (as
/// pandas sorts missing values, which is what pm4py does).
public struct EventLogBuilder {
    private var log = EventLog()
    private var caseIndex: [String: Int] = [:]
    /// Events as added: case, activity, timestamp, resource, lifecycle, and the position of the event among all.
    private var caseOfEvent: [Int32] = []
    /// Extra event attributes as columns; kept in an array (appended in place) until `build`.
    private var attributeColumns: [[AttributeValue?]] = []
    private var attributeColumnIndex: [String: Int] = [:]

    public init() {}

    /// Starts or continues a case; returns its index.
    @discardableResult
    public mutating func addCase(_ id: String, attributes: [String: AttributeValue] = [:]) -> Int {
        if let index = caseIndex[id] {
            for (key, value) in attributes { log.caseAttributes[index][key] = value }
            return index
        }
        let index = log.caseIDs.count
        caseIndex[id] = index
        log.caseIDs.append(id)
        log.caseAttributes.append(attributes)
        return index
    }

    public mutating func addEvent(
        case caseIndex: Int, activity: String, timestamp: Int64, resource: String?, lifecycle: Lifecycle,
        attributes: [String: AttributeValue] = [:]
    ) {
        addEvent(
            case: caseIndex, activityCode: activityCode(activity), timestamp: timestamp,
            resourceCode: resource.map { resourceCode($0) } ?? -1, lifecycle: lifecycle, attributes: attributes)
    }

    /// The code of an activity, added to the log's activities if new (readers that see the same names again
    /// and again code each once and add events by code).
    mutating func activityCode(_ activity: String) -> Int32 { log.activities.code(activity) }

    /// The code of a resource, added if new.
    mutating func resourceCode(_ resource: String) -> Int32 { log.resources.code(resource) }

    /// Adds an event whose activity and resource (-1 for none) are codes of this builder.
    mutating func addEvent(
        case caseIndex: Int, activityCode: Int32, timestamp: Int64, resourceCode: Int32, lifecycle: Lifecycle,
        attributes: [String: AttributeValue]
    ) {
        let event = log.activity.count
        caseOfEvent.append(Int32(caseIndex))
        log.activity.append(activityCode)
        log.timestamp.append(timestamp)
        log.resource.append(resourceCode)
        log.lifecycle.append(lifecycle)
        for (key, value) in attributes { attributeColumns[column(key, eventsBefore: event)].append(value) }
        for column in attributeColumns.indices where attributeColumns[column].count == event {
            attributeColumns[column].append(nil)
        }
    }

    /// Adds every case and event of `other` (not yet built) after this builder's own, as if they had been added
    /// here: codes, cases and attribute columns are mapped onto this builder's. Readers that read parts of a
    /// source at once join the parts in source order with it. `caseID` may rename the other's cases.
    mutating func append(_ other: EventLogBuilder, caseID: (String) -> String = { $0 }) {
        let activityCodes = other.log.activities.strings.map { log.activities.code($0) }
        let resourceCodes = other.log.resources.strings.map { log.resources.code($0) }
        var caseIndices: [Int32] = []
        caseIndices.reserveCapacity(other.log.caseIDs.count)
        for (index, id) in other.log.caseIDs.enumerated() {
            caseIndices.append(Int32(addCase(caseID(id), attributes: other.log.caseAttributes[index])))
        }
        let eventsBefore = log.activity.count
        caseOfEvent.append(contentsOf: other.caseOfEvent.lazy.map { caseIndices[Int($0)] })
        log.activity.append(contentsOf: other.log.activity.lazy.map { activityCodes[Int($0)] })
        log.timestamp.append(contentsOf: other.log.timestamp)
        log.resource.append(contentsOf: other.log.resource.lazy.map { $0 < 0 ? -1 : resourceCodes[Int($0)] })
        log.lifecycle.append(contentsOf: other.log.lifecycle)
        for (key, otherIndex) in other.attributeColumnIndex {
            attributeColumns[column(key, eventsBefore: eventsBefore)].append(
                contentsOf: other.attributeColumns[otherIndex])
        }
        for column in attributeColumns.indices where attributeColumns[column].count < log.activity.count {
            attributeColumns[column].append(
                contentsOf: repeatElement(nil, count: log.activity.count - attributeColumns[column].count))
        }
    }

    /// The column of an event attribute; a new one starts with `nil` for the events before.
    private mutating func column(_ key: String, eventsBefore: Int) -> Int {
        if let known = attributeColumnIndex[key] { return known }
        attributeColumnIndex[key] = attributeColumns.count
        attributeColumns.append(Array(repeating: nil, count: eventsBefore))
        return attributeColumns.count - 1
    }

    /// The finished log: events grouped by case (cases in order of first appearance), sorted by timestamp
    /// within each case, stable for equal timestamps; events without timestamp last within their case.
    public func build() -> EventLog {
        var log = self.log
        let caseCount = log.caseIDs.count
        var counts = Array(repeating: 0, count: caseCount + 1)
        for c in caseOfEvent { counts[Int(c) + 1] += 1 }
        for c in 0..<caseCount { counts[c + 1] += counts[c] }
        log.caseStart = counts
        // Counting sort by case keeps the source order within a case; then a stable sort by time per case.
        var order = Array(repeating: 0, count: caseOfEvent.count)
        var next = counts
        for (event, c) in caseOfEvent.enumerated() {
            order[next[Int(c)]] = event
            next[Int(c)] += 1
        }
        let timestamps = log.timestamp
        for c in 0..<caseCount {
            let range = counts[c]..<counts[c + 1]
            let slice = order[range]
            if zip(slice, slice.dropFirst()).allSatisfy({ Self.timeKey(timestamps[$0]) <= Self.timeKey(timestamps[$1]) }
            ) {
                continue
            }
            let sorted = slice.enumerated().sorted {
                (Self.timeKey(timestamps[$0.element]), $0.offset) < (Self.timeKey(timestamps[$1.element]), $1.offset)
            }.map(\.element)
            order.replaceSubrange(range, with: sorted)
        }
        log.activity = order.map { log.activity[$0] }
        log.timestamp = order.map { log.timestamp[$0] }
        log.resource = order.map { log.resource[$0] }
        log.lifecycle = order.map { log.lifecycle[$0] }
        for (key, index) in attributeColumnIndex {
            let column = attributeColumns[index]
            log.eventAttributes[key] = order.map { column[$0] }
        }
        return log
    }

    /// Missing timestamps sort after every real one.
    private static func timeKey(_ timestamp: Int64) -> Int64 {
        timestamp == EventLog.noTimestamp ? Int64.max : timestamp
    }
}
