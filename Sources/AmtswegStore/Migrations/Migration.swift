import SQLKit

/// One step of the schema's history. Migrations are applied in version order, each in the transaction
/// that records it, and never changed once released: a change to the schema is a new migration.
struct Migration: Sendable {
    var version: Int
    var name: String
    var apply: @Sendable (any SQLDatabase) async throws -> Void
}
