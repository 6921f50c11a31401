/// An event log in columns: one array per field, events grouped by case and, within a case, ordered by
/// timestamp (stable for equal timestamps, as pm4py orders them). Activities, resources and case ids are
/// dictionary-encoded; timestamps are milliseconds since 1970 (UTC).
///
/// Memory is about 20 bytes per event plus the distinct strings, whatever the size of the file it came from.
public struct EventLog: Sendable {
    /// Case ids in the order cases appear in the source.
    public var caseIDs: [String]
    /// `caseStart[c] ..< caseStart[c + 1]` are the events of case `c` (one more entry than cases).
    public var caseStart: [Int]
    public var activities: StringPool
    public var resources: StringPool
    /// Per event: activity code.
    public var activity: [Int32]
    /// Per event: milliseconds since 1970 UTC, or ``EventLog/noTimestamp``.
    public var timestamp: [Int64]
    /// Per event: resource code, or -1.
    public var resource: [Int32]
    /// Per event: lifecycle transition.
    public var lifecycle: [Lifecycle]
    /// Case attributes other than the case id, per case (absent keys are not stored).
    public var caseAttributes: [[String: AttributeValue]]
    /// Event attributes other than activity, timestamp, resource and lifecycle, by key, per event.
    public var eventAttributes: [String: [AttributeValue?]]

    public static let noTimestamp = Int64.min

    public init(
        caseIDs: [String] = [], caseStart: [Int] = [0], activities: StringPool = StringPool(),
        resources: StringPool = StringPool(), activity: [Int32] = [], timestamp: [Int64] = [], resource: [Int32] = [],
        lifecycle: [Lifecycle] = [], caseAttributes: [[String: AttributeValue]] = [],
        eventAttributes: [String: [AttributeValue?]] = [:]
    ) {
        self.caseIDs = caseIDs
        self.caseStart = caseStart
        self.activities = activities
        self.resources = resources
        self.activity = activity
        self.timestamp = timestamp
        self.resource = resource
        self.lifecycle = lifecycle
        self.caseAttributes = caseAttributes
        self.eventAttributes = eventAttributes
    }

    public var caseCount: Int { caseIDs.count }
    public var eventCount: Int { activity.count }

    /// The event indices of case `c`.
    public func events(ofCase c: Int) -> Range<Int> { caseStart[c]..<caseStart[c + 1] }
}

/// The XES lifecycle transition of an event (standard extension), reduced to what analyses need.
public enum Lifecycle: UInt8, Sendable, Codable {
    case complete, start, other, unknown

    init(_ text: String?) {
        switch text?.lowercased() {
        case nil: self = .unknown
        case "complete": self = .complete
        case "start": self = .start
        default: self = .other
        }
    }
}

/// A typed attribute value as XES knows them.
/// Not `indirect`: lists and containers already hold their items on the heap, and a boxed case would cost an
/// allocation for every attribute of every event read.
public enum AttributeValue: Hashable, Sendable {
    case string(String)
    case date(Int64)
    case int(Int)
    case float(Double)
    case boolean(Bool)
    case id(String)
    case list([AttributeValue])
    /// A container (or any attribute with children): its children by key.
    case container([String: AttributeValue])
}
