public import AmtswegCore

/// The event logs of a tenant: an aggregate of its own, written whole and read whole.
public protocol EventLogRepository: Sendable {
    /// All logs of a tenant, newest first, without their content (``EventLogRecord/xesGzip`` is empty).
    func eventLogs(of tenant: ID<Tenant>) async throws -> [EventLogRecord]

    /// One log with its content. Throws ``StoreError/notFound(kind:id:)``.
    func eventLog(_ id: ID<EventLogRecord>, of tenant: ID<Tenant>) async throws -> EventLogRecord

    /// Creates or replaces a log of an existing tenant.
    func saveEventLog(_ record: EventLogRecord, of tenant: ID<Tenant>, by author: Author) async throws

    func deleteEventLog(_ id: ID<EventLogRecord>, of tenant: ID<Tenant>, by author: Author) async throws
}
