public import AmtswegCore
public import AmtswegStore

/// The server's access to the store: snapshots to read, and writes that replace the snapshot they change.
///
/// Snapshots are cached per tenant because every page reads the whole map and parses the processes' BPMN;
/// a write through this workspace drops the tenant's snapshot. Several server instances against one
/// database (a later issue) will need a change counter in the store to notice each other's writes.
public actor Workspace {
    public let repository: SQLMapRepository
    private var snapshots: [ID<Tenant>: TenantSnapshot] = [:]
    private var firstTenant: ID<Tenant>??

    public init(repository: SQLMapRepository) {
        self.repository = repository
    }

    /// The tenant a request works on in local mode: the only one, or the first by id.
    public func defaultTenant() async throws -> ID<Tenant>? {
        if let firstTenant { return firstTenant }
        let tenant = try await repository.tenants().first?.id
        firstTenant = tenant
        return tenant
    }

    public func snapshot(of tenant: ID<Tenant>) async throws -> TenantSnapshot {
        if let cached = snapshots[tenant] { return cached }
        let map = try await repository.loadMap(of: tenant)
        let records = try await repository.processes(of: tenant)
        let snapshot = TenantSnapshot(map: map, records: records)
        snapshots[tenant] = snapshot
        return snapshot
    }

    public func saveMap(_ map: TenantMap, by author: Author) async throws {
        snapshots[map.tenant.id] = nil
        try await repository.saveMap(map, by: author)
    }

    public func saveProcess(_ record: ProcessRecord, of tenant: ID<Tenant>, by author: Author) async throws {
        snapshots[tenant] = nil
        try await repository.saveProcess(record, of: tenant, by: author)
    }

    public func saveTenant(_ map: TenantMap, processes: [ProcessRecord], by author: Author) async throws {
        snapshots[map.tenant.id] = nil
        firstTenant = nil
        try await repository.saveTenant(map, processes: processes, by: author)
    }
}
