import AmtswegCore
import AmtswegInterchange
import AmtswegDemo
import AmtswegStore
import Foundation
import SQLKit
import Testing

@Suite struct MapRepositoryContractTests {
    static let author = Author(id: "test", displayName: "Testlauf")

    @Test(arguments: StoreFixture.engines) func savesAndLoadsTheWholeMap(engine: StoreFixture.Engine) async throws {
        try await StoreFixture.with(engine) { store in
            try await store.repository.saveMap(Musterstadt.map(), by: Self.author)
            let loaded = try await store.repository.loadMap(of: Musterstadt.tenantID)
            #expect(loaded == Musterstadt.map())
            #expect(try await store.repository.tenants().map(\.id) == [Musterstadt.tenantID])
        }
    }

    @Test(arguments: StoreFixture.engines) func exportImportExportIsByteIdentical(engine: StoreFixture.Engine)
        async throws
    {
        try await StoreFixture.with(engine) { first in
            try await first.repository.saveMap(Musterstadt.map(), by: Self.author)
            let exported = try TenantDocument.encode(try await first.repository.loadMap(of: Musterstadt.tenantID))
            try await StoreFixture.with(engine) { second in
                try await second.repository.saveMap(
                    try TenantDocument.decode(exported, file: "export.json"), by: Self.author)
                let again = try TenantDocument.encode(try await second.repository.loadMap(of: Musterstadt.tenantID))
                #expect(again == exported)
            }
        }
    }

    @Test(arguments: StoreFixture.engines) func savingAgainReplacesInsteadOfAdding(engine: StoreFixture.Engine)
        async throws
    {
        try await StoreFixture.with(engine) { store in
            var map = Musterstadt.map()
            try await store.repository.saveMap(map, by: Self.author)
            map.flows.removeLast(10)
            map.units[0].name = "Umbenannt"
            try await store.repository.saveMap(map, by: Self.author)
            let loaded = try await store.repository.loadMap(of: Musterstadt.tenantID)
            #expect(loaded == map.sorted())
        }
    }

    @Test(arguments: StoreFixture.engines) func invalidMapIsRefusedAndNothingChanges(engine: StoreFixture.Engine)
        async throws
    {
        try await StoreFixture.with(engine) { store in
            try await store.repository.saveMap(Musterstadt.map(), by: Self.author)
            let before = try TenantDocument.encode(try await store.repository.loadMap(of: Musterstadt.tenantID))
            var broken = Musterstadt.map()
            broken.units.removeAll { $0.id == "63" }
            await #expect {
                try await store.repository.saveMap(broken, by: Self.author)
            } throws: { error in
                guard case .invalid(let issues) = error as? StoreError else { return false }
                return issues.contains { $0.cause == .unknownReference(field: "unit", kind: .unit, id: "63") }
            }
            let after = try TenantDocument.encode(try await store.repository.loadMap(of: Musterstadt.tenantID))
            #expect(after == before)
        }
    }

    @Test(arguments: StoreFixture.engines) func failedTransactionLeavesNoTrace(engine: StoreFixture.Engine) async throws
    {
        try await StoreFixture.with(engine) { store in
            struct Boom: Error {}
            await #expect(throws: Boom.self) {
                try await store.engine.transaction { db in
                    try await db.insert(into: "tenants").columns("id", "name", "ags", "population")
                        .values("half", "Halb gespeichert", "05315000", 1).run()
                    throw Boom()
                }
            }
            let tenants = try await store.repository.tenants()
            #expect(tenants.isEmpty)
        }
    }

    @Test(arguments: StoreFixture.engines) func foreignKeysAreEnforcedByTheDatabase(engine: StoreFixture.Engine)
        async throws
    {
        try await StoreFixture.with(engine) { store in
            try await store.repository.saveMap(Musterstadt.map(), by: Self.author)
            await #expect(throws: (any Error).self) {
                try await store.engine.transaction { db in
                    try await db.insert(into: "positions").columns("tenant_id", "id", "title", "unit_id", "fte")
                        .values("musterstadt", "x-1", "Phantom", "no-such-unit", 1.0).run()
                }
            }
        }
    }

    @Test(arguments: StoreFixture.engines) func tenantsAreIsolated(engine: StoreFixture.Engine) async throws {
        try await StoreFixture.with(engine) { store in
            try await store.repository.saveMap(Musterstadt.map(), by: Self.author)
            var other = TenantMap(
                tenant: Tenant(id: "nachbarort", name: "Gemeinde Nachbarort", ags: "05315001", population: 8000))
            // The same ids as Musterstadt's must not collide across tenants.
            other.units = [OrgUnit(id: "10", name: "Hauptamt Nachbarort", kind: .amt)]
            try await store.repository.saveMap(other, by: Self.author)
            #expect(try await store.repository.loadMap(of: "nachbarort") == other)
            #expect(try await store.repository.loadMap(of: Musterstadt.tenantID) == Musterstadt.map())
            try await store.repository.deleteTenant("nachbarort", by: Self.author)
            #expect(try await store.repository.tenants().map(\.id) == [Musterstadt.tenantID])
            #expect(try await store.repository.loadMap(of: Musterstadt.tenantID) == Musterstadt.map())
        }
    }

    @Test(arguments: StoreFixture.engines) func unknownTenantIsNotFound(engine: StoreFixture.Engine) async throws {
        try await StoreFixture.with(engine) { store in
            await #expect {
                _ = try await store.repository.loadMap(of: "gibt-es-nicht")
            } throws: { error in
                if case .notFound(.tenant, "gibt-es-nicht") = error as? StoreError { true } else { false }
            }
        }
    }

    @Test(arguments: StoreFixture.engines) func everyWriteIsLoggedWithItsAuthor(engine: StoreFixture.Engine)
        async throws
    {
        try await StoreFixture.with(engine) { store in
            try await store.repository.saveMap(Musterstadt.map(), by: Self.author)
            try await store.repository.saveMap(Musterstadt.map(), by: .local)
            let changes = try await store.repository.changes(of: Musterstadt.tenantID, limit: 10)
            #expect(changes.map(\.author) == [.local, Self.author])
            #expect(changes.allSatisfy { $0.action == "saveMap" && $0.at == StoreFixture.fixedNow })
            #expect(changes[0].summary.contains("159 Informationsflüsse"))
        }
    }

    @Test(arguments: StoreFixture.engines) func concurrentWritersDoNotInterleave(engine: StoreFixture.Engine)
        async throws
    {
        try await StoreFixture.with(engine) { store in
            let repository = store.repository
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<4 {
                    group.addTask {
                        var map = Musterstadt.map()
                        map.tenant.id = ID("kommune-\(index)")
                        try await repository.saveMap(map, by: Self.author)
                    }
                }
                try await group.waitForAll()
            }
            let tenants = try await repository.tenants()
            #expect(tenants.count == 4)
            for tenant in tenants {
                #expect(try await repository.loadMap(of: tenant.id).flows.count == Musterstadt.map().flows.count)
            }
        }
    }
}

@Suite struct MigrationTests {
    @Test(arguments: StoreFixture.engines) func migrationsRunOnceAndTheFileIsInWALMode(engine: StoreFixture.Engine)
        async throws
    {
        try await StoreFixture.with(engine) { store in
            // Opening the repository again must not apply migrations a second time.
            _ = try await SQLMapRepository(engine: store.engine)
            let versions = try await store.engine.read { db in
                try await db.select().column("version").from("schema_migrations").all(
                    decodingColumn: "version", as: Int.self)
            }
            #expect(versions == Array(1...17))
            if store.kind == .sqlite {
                let mode = try await store.engine.read { db in
                    try await db.raw("PRAGMA journal_mode").first(decodingColumn: "journal_mode", as: String.self)
                }
                #expect(mode == "wal")
            }
        }
    }

    @Test(arguments: StoreFixture.engines) func refusesADatabaseFromANewerVersion(engine: StoreFixture.Engine)
        async throws
    {
        try await StoreFixture.with(engine) { store in
            try await store.engine.transaction { db in
                try await db.insert(into: "schema_migrations").columns("version", "name", "applied_at")
                    .values(999, "from the future", "2030-01-01T00:00:00Z").run()
            }
            await #expect(throws: StoreError.self) { _ = try await SQLMapRepository(engine: store.engine) }
        }
    }

    /// Two app instances starting together on an empty database: one migrates, the other waits and finds it done.
    @Test(arguments: StoreFixture.engines) func twoInstancesStartingTogetherMigrateOnce(engine: StoreFixture.Engine)
        async throws
    {
        let (first, second, cleanUp) = try await Self.twoEnginesOnAnEmptyDatabase(engine)
        do {
            async let one = SQLMapRepository(engine: first)
            async let two = SQLMapRepository(engine: second)
            _ = try await (one, two)
            let versions = try await first.read { db in
                try await db.select().column("version").from("schema_migrations").all(
                    decodingColumn: "version", as: Int.self)
            }
            #expect(versions.sorted() == Array(1...17))
        } catch {
            await cleanUp()
            throw error
        }
        await cleanUp()
    }

    static func twoEnginesOnAnEmptyDatabase(_ engine: StoreFixture.Engine) async throws
        -> (any SQLEngine, any SQLEngine, @Sendable () async -> Void)
    {
        switch engine {
        case .sqlite:
            let first = try await SQLiteEngine.temporary()
            return (first, try await SQLiteEngine(path: first.path), { first.removeFiles() })
        case .postgres:
            let (first, url, drop) = try await PostgresTestDatabase.create()
            return (first, try await PostgresEngine(url: url, maximumConnections: 2), drop)
        }
    }

    @Test func refusesAFileThatIsNotADatabase() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("amtsweg-\(UUID().uuidString).sqlite")
            .path
        try Data("Das ist keine Datenbank, sondern ein Brief an das Bürgerbüro.".utf8).write(
            to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        await #expect {
            _ = try await SQLMapRepository(engine: SQLiteEngine(path: path))
        } throws: { error in
            if case .unavailable = error as? StoreError { true } else { false }
        }
    }

    @Test func refusesAMissingDirectory() async throws {
        await #expect(throws: StoreError.self) { _ = try await SQLiteEngine(path: "/no/such/directory/amtsweg.sqlite") }
    }
}
