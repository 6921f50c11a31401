/// A process (Prozess) of a municipality in the form Amtsweg analyses: steps, gateways and events joined by
/// sequence flows, the lanes they sit in, and the enrichment of every step.
///
/// Called `ProcessModel` in code because Foundation already has a `Process` type; the UI says "Prozess".
/// The stored form is BPMN 2.0 with Amtsweg's extension attributes (see the `ProcessBPMN` target); this value
/// is what the figures and problem rules read.
public struct ProcessModel: Hashable, Sendable, Codable, MapEntity {
    public var id: ID<ProcessModel>
    public var name: String
    /// The service (Leistung) the process delivers.
    public var serviceID: ID<Service>?
    /// The unit that owns the process (Prozessverantwortung).
    public var ownerUnitID: ID<OrgUnit>?
    public var state: ProcessState
    /// For a Soll version: the Ist process it improves.
    public var istID: ID<ProcessModel>?
    public var lanes: [ProcessLane]
    public var nodes: [ProcessNode]
    public var flows: [ProcessFlow]

    public init(
        id: ID<ProcessModel>, name: String, serviceID: ID<Service>? = nil, ownerUnitID: ID<OrgUnit>? = nil,
        state: ProcessState = .ist, istID: ID<ProcessModel>? = nil, lanes: [ProcessLane] = [],
        nodes: [ProcessNode] = [], flows: [ProcessFlow] = []
    ) {
        self.id = id
        self.name = name
        self.serviceID = serviceID
        self.ownerUnitID = ownerUnitID
        self.state = state
        self.istID = istID
        self.lanes = lanes
        self.nodes = nodes
        self.flows = flows
    }

    /// The steps (activities) in node order.
    public var steps: [ProcessNode] { nodes.filter { $0.kind == .step } }

    /// Who does a step: its own performer, else the performer its lane is mapped to.
    public func performer(of node: ProcessNode) -> Performer? {
        if let performer = node.step?.performer { return performer }
        guard let laneID = node.laneID else { return nil }
        return lanes.first { $0.id == laneID }?.performer
    }
}

/// As-is or to-be.
public enum ProcessState: String, CaseIterable, Sendable, Codable {
    /// The process as it runs today.
    case ist
    /// A designed target version.
    case soll

    public var label: String {
        switch self {
        case .ist: "Ist"
        case .soll: "Soll"
        }
    }
}
