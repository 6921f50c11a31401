public import AmtswegCore

/// The event logs of a tenant: an aggregate of its own, written whole and read whole.
public protocol EventLogRepository: Sendable {
    /// All logs of a tenant, newest first, without their content (``EventLogRecord/xesGzip`` is empty).
    func eventLogs(of tenant: ID<Tenant>) async throws -> [EventLogRecord]

    /// One log with its content. Throws ``StoreError/notFound(kind:id:)``.
    func eventLog(_ id: ID<EventLogRecord>, of tenant: ID<Tenant>) async throws -> EventLogRecord

    /// Creates or replaces a log of an existing tenant.
    func saveEventLog(_ record: EventLogRecord, of tenant: ID<Tenant>, by author: Author) async throws

    /// Stores the confirmed mapping of a log's activities to the steps of its process (activity → step id;
    /// activities absent stand for no step), recorded in the change log. Throws ``StoreError/notFound(kind:id:)``.
    func confirmStepMapping(
        _ mapping: [String: String], ofLog id: ID<EventLogRecord>, of tenant: ID<Tenant>, summary: String,
        by author: Author) async throws

    func deleteEventLog(_ id: ID<EventLogRecord>, of tenant: ID<Tenant>, by author: Author) async throws
}
