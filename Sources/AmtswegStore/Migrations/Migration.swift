import SQLKit

/// One step of the schema's history. Migrations are applied in version order, each in the transaction
/// that records it, and never changed once released: a change to the schema is a new migration.
struct Migration: Sendable {
    var version: Int
    var name: String
    var apply: @Sendable (any SQLDatabase) async throws -> Void
}

extension SQLDataType {
    /// An 8-byte floating-point column on every engine. SQLKit's `.real` is 8 bytes on SQLite but 4 on
    /// PostgreSQL, where 49.6 would come back as 49.599998474121094; on SQLite both names mean the same storage,
    /// so files made before this name existed read the same.
    static let double = SQLDataType.custom(SQLRaw("DOUBLE PRECISION"))
}
