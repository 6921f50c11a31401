public import AmtswegCore

/// The versions of a tenant's processes and their review: every save is a version, the newest is the working
/// state (``ProcessRepository/process(_:of:)``), and at most one per process is released — the one readers see.
///
/// Saving through ``ProcessRepository/saveProcess(_:of:by:)`` makes a version too (without a comment and
/// without checking for a newer save); a whole replacement (an import) starts every process anew at version 1,
/// released.
public protocol ProcessVersionRepository: Sendable {
    /// All versions of a process, oldest first. Throws ``StoreError/notFound(kind:id:)``.
    func versions(of process: ID<ProcessModel>, in tenant: ID<Tenant>) async throws -> [ProcessVersion]

    /// The released version of every process that has one, ordered by process id.
    func releasedProcesses(of tenant: ID<Tenant>) async throws -> [ProcessVersion]

    /// Where every process of the tenant stands in review.
    func processStatuses(of tenant: ID<Tenant>) async throws -> [ID<ProcessModel>: ProcessStatus]

    /// Stores `record` as the next version. With `basedOn`, the save is refused
    /// (``StoreError/version(_:)``, ``VersionError/outdated(basedOn:head:by:)``) when the newest version is no longer
    /// that one: someone else saved meanwhile. A process in review is not changed (``VersionError/inReview``); a
    /// released or archived one gets a new draft on top, and stays released until that draft is.
    @discardableResult
    func saveProcess(
        _ record: ProcessRecord, of tenant: ID<Tenant>, by author: Author, comment: String, basedOn: Int?
    ) async throws -> ProcessVersion

    /// Takes a review step on the newest version (archiving: on the released one). Releasing archives the
    /// version released before. Returns the new status. With `basedOn`, the step is refused
    /// (``VersionError/outdated(basedOn:head:by:)``) when the newest version is no longer the one the reviewer
    /// looked at — checked inside the write, like a save.
    @discardableResult
    func changeRelease(
        _ action: ReleaseAction, of process: ID<ProcessModel>, in tenant: ID<Tenant>, by author: Author,
        comment: String, basedOn: Int?
    ) async throws -> ProcessStatus

    /// Saves the contents of version `number` as a new draft version (see
    /// ``saveProcess(_:of:by:comment:basedOn:)`` for `basedOn`).
    @discardableResult
    func restoreVersion(
        _ number: Int, of process: ID<ProcessModel>, in tenant: ID<Tenant>, by author: Author, basedOn: Int?
    ) async throws -> ProcessVersion
}

extension ProcessVersionRepository {
    /// A review step on whatever the newest version is (the command line, the demo).
    @discardableResult
    public func changeRelease(
        _ action: ReleaseAction, of process: ID<ProcessModel>, in tenant: ID<Tenant>, by author: Author,
        comment: String
    ) async throws -> ProcessStatus {
        try await changeRelease(action, of: process, in: tenant, by: author, comment: comment, basedOn: nil)
    }
}
