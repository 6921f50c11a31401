public import AmtswegCore

/// The storage of tenants' maps, as the rest of the product sees it.
///
/// Every object belongs to a tenant; every write names its author and is recorded in the change log.
/// Implementations run every multi-row write in one transaction: it lands whole or not at all.
public protocol MapRepository: Sendable {
    /// All tenants, ordered by id.
    func tenants() async throws -> [Tenant]

    /// The whole map of one tenant, in canonical order. Throws ``StoreError/notFound(kind:id:)``.
    func loadMap(of tenant: ID<Tenant>) async throws -> TenantMap

    /// Replaces everything stored for the map's tenant with the map, creating the tenant if needed.
    /// Validates first and throws ``StoreError/invalid(_:)`` without writing anything if the map is inconsistent.
    func saveMap(_ map: TenantMap, by author: Author) async throws

    /// Saves the map as ``saveMap(_:by:)`` does, with the audit entry naming what changed.
    func saveMap(_ map: TenantMap, change: MapChange, by author: Author) async throws

    /// Removes a tenant and everything that belongs to it.
    func deleteTenant(_ tenant: ID<Tenant>, by author: Author) async throws

    /// The change log of a tenant, newest first.
    func changes(of tenant: ID<Tenant>, limit: Int) async throws -> [ChangeRecord]
}
