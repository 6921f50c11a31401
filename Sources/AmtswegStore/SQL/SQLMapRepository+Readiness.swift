import SQLKit

extension SQLMapRepository: StoreReadinessChecking {
    public func readiness() async -> StoreReadiness {
        do {
            let versions = try await run { db in
                try await db.select().column("version").from("schema_migrations")
                    .all(decodingColumn: "version", as: Int.self)
            }
            let newest = versions.max()
            let expected = Migrator.all.last!.version
            guard newest == expected else {
                return .notReady("Schema-Version \(newest.map(String.init) ?? "keine"), erwartet \(expected).")
            }
            return .ready
        } catch {
            return .notReady("Datenbank nicht erreichbar: \(error)")
        }
    }
}

extension SQLMapRepository: StoreConnectionReporting {
    public var connectionUse: ConnectionUse { engine.connectionUse }
}
