public import AmtswegCore
public import BPMN

/// A BPMN model from any modeller turned into a stored process of a tenant: the process Amtsweg reads from
/// it, its lanes mapped to the tenant's positions, roles or units by name (best guess), and the original
/// model kept with Amtsweg's attributes added. The command line and the web upload share it.
public struct BPMNImport: Sendable {
    public var record: ProcessRecord
    public var process: ProcessModel
    /// What could not be read, in German, for the user.
    public var problems: [String]

    /// - Parameters:
    ///   - fallbackID: the process id when the file carries none of Amtsweg's (usually the file's name).
    ///   - service: the service it delivers (its owner becomes the process owner unless one is given).
    public init(
        model: BPMNModel, fallbackID: ID<ProcessModel>, map: TenantMap, id: ID<ProcessModel>? = nil,
        service: Service? = nil, owner: ID<OrgUnit>? = nil
    ) {
        let extracted = ProcessExtractor.extract(model, fallbackID: fallbackID)
        var process = extracted.process.mappingLanes(LaneMapping(map))
        if let id { process.id = id }
        if let service {
            process.serviceID = service.id
            process.ownerUnitID = process.ownerUnitID ?? service.unitID
        }
        if let owner { process.ownerUnitID = owner }
        self.process = process
        problems = extracted.problems
        record = ProcessRecord(process: process, model: ProcessEnricher.apply(process, to: model))
    }
}
