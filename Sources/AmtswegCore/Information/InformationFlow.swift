/// Information passing from one party to another: who sends what to whom, how, and how often.
public struct InformationFlow: Hashable, Sendable, Codable, MapEntity {
    public var id: ID<InformationFlow>
    public var from: FlowEndpoint
    public var to: FlowEndpoint
    public var objectID: ID<InformationObject>?
    public var channel: Channel
    public var medium: Medium
    /// How often the flow happens per year (cases, letters, calls).
    public var frequencyPerYear: Int
    /// The service whose handling the flow belongs to, where known.
    public var serviceID: ID<Service>?
    public var note: String?

    public init(
        id: ID<InformationFlow>, from: FlowEndpoint, to: FlowEndpoint, objectID: ID<InformationObject>? = nil,
        channel: Channel, medium: Medium, frequencyPerYear: Int, serviceID: ID<Service>? = nil, note: String? = nil
    ) {
        self.id = id
        self.from = from
        self.to = to
        self.objectID = objectID
        self.channel = channel
        self.medium = medium
        self.frequencyPerYear = frequencyPerYear
        self.serviceID = serviceID
        self.note = note
    }
}
