public import AmtswegCore

/// The versions of a tenant's organisation model (the map) and their review: every save that changes the
/// organisation is a version, the newest is the working state (``MapRepository/loadMap(of:)``), and at most one
/// is released — the one readers see. Settings (figures, privacy) and the Enrich catalogues are not part of it:
/// they are in force as saved.
///
/// A whole replacement (an import) starts anew at version 1, released. A tenant stored before versions existed
/// has none until its first save, which keeps the state before it as version 1, released.
public protocol MapVersionRepository: Sendable {
    /// The newest version's number; nil when there are none yet.
    func mapHead(of tenant: ID<Tenant>) async throws -> Int?

    /// Saves the map as ``MapRepository/saveMap(_:change:by:)`` does, refused with
    /// ``VersionError/organisationOutdated(basedOn:head:by:)`` when the newest version is no longer `basedOn`:
    /// the map was made from a state someone has changed since (checked inside the write).
    func saveMap(_ map: TenantMap, change: MapChange, by author: Author, basedOn: Int?) async throws

    /// All versions, oldest first; empty when the map was never saved since versions exist.
    func mapVersions(of tenant: ID<Tenant>) async throws -> [MapVersion]

    /// The map as it was saved in version `number`. Throws ``StoreError/notFound(kind:id:)``.
    func map(version number: Int, of tenant: ID<Tenant>) async throws -> TenantMap

    /// The released version's organisation with the current settings and catalogues; nil when there are no
    /// versions (then the current map is the agreed one).
    func releasedMap(of tenant: ID<Tenant>) async throws -> TenantMap?

    /// Takes a review step on the newest version: submit, return (with `comment`) or release; releasing
    /// archives the version released before. The organisation itself is not archived.
    @discardableResult
    func changeMapRelease(_ action: ReleaseAction, of tenant: ID<Tenant>, by author: Author, comment: String)
        async throws -> MapVersion

    /// Saves version `number`'s organisation as a new draft (with the current settings and catalogues).
    @discardableResult
    func restoreMapVersion(_ number: Int, of tenant: ID<Tenant>, by author: Author) async throws -> MapVersion
}
