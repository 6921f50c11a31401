/// Where requests arrive: a unit, a channel and how many requests per year come in that way.
public struct EntryPoint: Hashable, Sendable, Codable, MapEntity {
    public var id: ID<EntryPoint>
    public var unitID: ID<OrgUnit>
    public var channel: Channel
    public var volumePerYear: Int
    /// The service most requests on this entry point are for, where known.
    public var serviceID: ID<Service>?

    public init(
        id: ID<EntryPoint>, unitID: ID<OrgUnit>, channel: Channel, volumePerYear: Int, serviceID: ID<Service>? = nil
    ) {
        self.id = id
        self.unitID = unitID
        self.channel = channel
        self.volumePerYear = volumePerYear
        self.serviceID = serviceID
    }
}
