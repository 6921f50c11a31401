/// A process as stored and exchanged: its BPMN text (the canonical form, with Amtsweg's attributes) and the
/// facts lists and filters need without reading the BPMN.
public struct ProcessRecord: Hashable, Sendable, Codable {
    public var id: ID<ProcessModel>
    public var name: String
    public var serviceID: ID<Service>?
    public var ownerUnitID: ID<OrgUnit>?
    public var state: ProcessState
    public var istID: ID<ProcessModel>?
    /// BPMN 2.0 XML.
    public var bpmn: String

    public init(
        id: ID<ProcessModel>, name: String, serviceID: ID<Service>? = nil, ownerUnitID: ID<OrgUnit>? = nil,
        state: ProcessState = .ist, istID: ID<ProcessModel>? = nil, bpmn: String
    ) {
        self.id = id
        self.name = name
        self.serviceID = serviceID
        self.ownerUnitID = ownerUnitID
        self.state = state
        self.istID = istID
        self.bpmn = bpmn
    }
}
