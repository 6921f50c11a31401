/// One problem spot: which rule found it, what exactly, and the objects it concerns.
public struct ProblemSpot: Hashable, Sendable, Codable {
    public var rule: ProblemRule
    public var severity: ProblemSeverity
    /// The rule's title.
    public var title: String
    /// The rule's general explanation.
    public var explanation: String
    /// What was found here, in one sentence ("Vorgang wechselt 3-mal zwischen …").
    public var detail: String
    /// The objects concerned, first the main one.
    public var links: [ObjectLink]

    public init(rule: ProblemRule, detail: String, links: [ObjectLink]) {
        self.rule = rule
        severity = rule.severity
        title = rule.title
        explanation = rule.explanation
        self.detail = detail
        self.links = links
    }
}

/// A reference to an object the UI can link to.
public struct ObjectLink: Hashable, Sendable, Codable {
    public var kind: EntityKind
    public var id: String
    /// For a step: its process.
    public var processID: String?
    public var name: String

    public init(kind: EntityKind, id: String, processID: String? = nil, name: String) {
        self.kind = kind
        self.id = id
        self.processID = processID
        self.name = name
    }

    /// A step of a process (kind `.task` would be wrong: steps are not Map tasks).
    public static func step(_ node: ProcessNode, of process: ProcessModel) -> ObjectLink {
        ObjectLink(kind: .step, id: node.id, processID: process.id.rawValue, name: node.name)
    }

    public static func process(_ process: ProcessModel) -> ObjectLink {
        ObjectLink(kind: .process, id: process.id.rawValue, name: process.name)
    }
}
