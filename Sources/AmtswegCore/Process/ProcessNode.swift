/// A node of a process graph: a step, a gateway or an event.
public struct ProcessNode: Hashable, Sendable, Codable {
    public enum Kind: String, CaseIterable, Sendable, Codable {
        case start, end
        /// An intermediate event (timer, message …): passes the case on; its waiting time counts.
        case event
        /// An activity: task, collapsed sub-process or call activity.
        case step
        /// Exactly one outgoing path, chosen by shares (also event-based and inclusive gateways, which
        /// Amtsweg treats as a choice weighted by shares).
        case exclusive
        /// All outgoing paths; waits for all incoming ones.
        case parallel
    }

    /// The BPMN id, unique within the process.
    public var id: String
    public var kind: Kind
    public var name: String
    public var laneID: String?
    /// Enrichment of a step (also used for the waiting time of an intermediate event).
    public var step: StepDetails?

    public init(id: String, kind: Kind, name: String = "", laneID: String? = nil, step: StepDetails? = nil) {
        self.id = id
        self.kind = kind
        self.name = name
        self.laneID = laneID
        self.step = step
    }
}

/// A sequence flow between two nodes.
public struct ProcessFlow: Hashable, Sendable, Codable {
    public var id: String
    public var sourceID: String
    public var targetID: String
    /// Share of the cases that take this flow where its source chooses (0…1). `nil`: the remaining share is
    /// split evenly among the flows without one.
    public var share: Double?
    /// The label of a branch ("vollständig", "Unterlagen fehlen").
    public var name: String

    public init(id: String, sourceID: String, targetID: String, share: Double? = nil, name: String = "") {
        self.id = id
        self.sourceID = sourceID
        self.targetID = targetID
        self.share = share
        self.name = name
    }
}

/// A lane (swimlane) and what it stands for in the organisation.
public struct ProcessLane: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    /// The position, role or unit the lane is mapped to; `nil` until someone maps it.
    public var performer: Performer?

    public init(id: String, name: String, performer: Performer? = nil) {
        self.id = id
        self.name = name
        self.performer = performer
    }
}
