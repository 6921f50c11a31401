import Foundation
import SQLKit

/// Brings a database's schema up to date.
enum Migrator {
    /// Every migration, in order.
    static let all: [Migration] = [
        .mapSchema, .enrichSchema, .eventLogSchema, .accessSchema, .roadmapSchema, .stepMappingSchema, .commentSchema,
        .versionSchema, .proposalSchema, .workshopSchema, .findingOriginSchema, .mapVersionSchema, .ozgSchema,
        .fimSchema, .changeCounterSchema, .changeFeedSchema, .commentProcessSchema,
    ]

    /// Applies the migrations the database has not seen yet; returns the versions applied.
    @discardableResult
    static func migrate(_ engine: any SQLEngine, now: Date) async throws -> [Int] {
        try await engine.exclusiveTransaction { db in
            try await db.create(table: "schema_migrations").ifNotExists()
                .column("version", type: .bigint, .primaryKey(autoIncrement: false))
                .column("name", type: .text, .notNull)
                .column("applied_at", type: .text, .notNull)
                .run()
            let applied = Set(
                try await db.select().column("version").from("schema_migrations")
                    .all(decodingColumn: "version", as: Int.self))
            if let newest = applied.max(), newest > all.last!.version {
                throw StoreError.unavailable(
                    "Die Datenbank hat Schema-Version \(newest), diese Amtsweg-Version kennt nur bis \(all.last!.version)."
                )
            }
            var done: [Int] = []
            for migration in all where !applied.contains(migration.version) {
                try await migration.apply(db)
                try await db.insert(into: "schema_migrations")
                    .columns("version", "name", "applied_at")
                    .values(migration.version, migration.name, ISO8601DateFormatter().string(from: now))
                    .run()
                done.append(migration.version)
            }
            return done
        }
    }
}
