public import AmtswegCore

/// The storage of a tenant's reference processes (FIM masters, every imported version) and of the lineage of
/// the local processes derived from them. Every write leaves one change-log entry.
public protocol FIMRepository: Sendable {
    /// All reference processes, by id and version (oldest version first).
    func referenceProcesses(of tenant: ID<Tenant>) async throws -> [ReferenceProcess]

    /// Stores an imported version of a reference process. The same version again with the same message changes
    /// nothing and returns false; the same version with a different message is a conflict.
    @discardableResult
    func importReferenceProcess(_ process: ReferenceProcess, of tenant: ID<Tenant>, by author: Author) async throws
        -> Bool

    /// The lineage of every derived process of the tenant.
    func lineage(of tenant: ID<Tenant>) async throws -> [ProcessLineage]

    /// Saves a new local process made from a reference process, as its first version, together with its
    /// lineage; an id already taken or an unknown master version is refused.
    func deriveProcess(_ record: ProcessRecord, lineage: ProcessLineage, of tenant: ID<Tenant>, by author: Author)
        async throws

    /// Links a process the municipality modelled itself to the reference process it corresponds to, so that its
    /// differences show like those of a derived one; a process already linked or unknown is refused.
    func linkProcess(_ lineage: ProcessLineage, of tenant: ID<Tenant>, by author: Author) async throws

    /// Records that a local process now follows another version of its master (after the municipality took over
    /// what it wanted of the newer version).
    func followMasterVersion(
        _ version: String, process: ID<ProcessModel>, of tenant: ID<Tenant>, by author: Author
    ) async throws
}
