import AmtswegStore
import Testing

/// The PostgreSQL half of the store tests needs a server; without one it is reported as skipped, with the reason.
@Suite struct PostgresAvailabilityTests {
    @Test(
        .enabled(
            if: StoreFixture.postgresURL != nil,
            "AMTSWEG_TEST_POSTGRES_URL is not set, so the store tests ran on SQLite only; scripts/test starts a throwaway PostgreSQL cluster and sets it"
        ))
    func theStoreTestsRunOnPostgreSQLToo() async throws {
        #expect(StoreFixture.engines == [.sqlite, .postgres])
        try await StoreFixture.with(.postgres) { store in
            let version = try await store.engine.read { db in
                try await db.raw("SHOW server_version").first(decodingColumn: "server_version", as: String.self)
            }
            #expect(version != nil)
        }
    }
}
