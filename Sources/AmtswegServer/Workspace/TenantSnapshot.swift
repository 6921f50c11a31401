public import AmtswegCore
import ProcessBPMN

/// Everything the pages and the API read about one tenant, loaded once and shared by the requests that
/// follow until a write replaces it: the map, the stored processes and the processes read from their BPMN.
public struct TenantSnapshot: Sendable {
    public var map: TenantMap
    public var records: [ProcessRecord]
    /// The processes Amtsweg analyses, in record order; a record whose BPMN cannot be read is left out and
    /// named in ``unreadable``.
    public var processes: [ProcessModel]
    public var unreadable: [ID<ProcessModel>]

    public init(map: TenantMap, records: [ProcessRecord]) {
        self.map = map
        self.records = records
        var processes: [ProcessModel] = []
        var unreadable: [ID<ProcessModel>] = []
        for record in records {
            if let process = try? record.read().process {
                processes.append(process)
            } else {
                unreadable.append(record.id)
            }
        }
        self.processes = processes
        self.unreadable = unreadable
    }

    public func process(_ id: String) -> ProcessModel? { processes.first { $0.id.rawValue == id } }
    public func record(_ id: String) -> ProcessRecord? { records.first { $0.id.rawValue == id } }
    public func unit(_ id: String) -> OrgUnit? { map.units.first { $0.id.rawValue == id } }
    public func service(_ id: ID<Service>?) -> Service? { id.flatMap { id in map.services.first { $0.id == id } } }
}
