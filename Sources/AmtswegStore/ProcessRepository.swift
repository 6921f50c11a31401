public import AmtswegCore

/// The storage of a tenant's processes: an aggregate of its own beside the map, so that replacing the map
/// keeps the processes and saving a process does not rewrite the map.
public protocol ProcessRepository: Sendable {
    /// All processes of a tenant, ordered by id.
    func processes(of tenant: ID<Tenant>) async throws -> [ProcessRecord]

    /// One process. Throws ``StoreError/notFound(kind:id:)``.
    func process(_ id: ID<ProcessModel>, of tenant: ID<Tenant>) async throws -> ProcessRecord

    /// Creates or replaces a process of an existing tenant.
    func saveProcess(_ record: ProcessRecord, of tenant: ID<Tenant>, by author: Author) async throws

    /// Replaces all processes of a tenant at once (an import): all land or none.
    func replaceProcesses(_ records: [ProcessRecord], of tenant: ID<Tenant>, by author: Author) async throws

    /// Replaces a tenant's map, all its processes, its roadmap and its measurement points in one transaction (an
    /// import of a whole tenant). The roadmap is checked against the new map and processes; anything invalid
    /// leaves the store as it was.
    func saveTenant(_ contents: TenantContents, by author: Author) async throws

    func deleteProcess(_ id: ID<ProcessModel>, of tenant: ID<Tenant>, by author: Author) async throws
}

extension ProcessRepository {
    /// Replaces a tenant with a map and processes and no roadmap.
    public func saveTenant(_ map: TenantMap, processes: [ProcessRecord], by author: Author) async throws {
        try await saveTenant(TenantContents(map: map, processes: processes), by: author)
    }
}
