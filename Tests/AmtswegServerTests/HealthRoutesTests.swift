import AmtswegServer
import AmtswegStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// `/health` answers while the process lives; `/ready` only while the store is reachable and its schema is the
/// one this version writes — a store migrated by a newer Amtsweg takes the instance out of the rotation.
@Suite struct HealthRoutesTests {
    @Test func readyFollowsTheStoreAndHealthOnlyTheProcess() async throws {
        let server = try await TestServer(localMode: false)
        guard case .sqlite(let path) = server.configuration.database else {
            Issue.record("the test server uses SQLite")
            return
        }
        try await server.run { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok && response.text == "ok\n")
            }
            try await client.execute(uri: "/ready", method: .get) { response in
                #expect(response.status == .ok && response.text == "bereit\n")
            }
            // A newer Amtsweg migrated the store meanwhile.
            try await SQLiteEngine(path: path).transaction { db in
                try await db.insert(into: "schema_migrations").columns("version", "name", "applied_at")
                    .values(999, "from a newer version", "2030-01-01T00:00:00Z").run()
            }
            try await client.execute(uri: "/ready", method: .get) { response in
                #expect(response.status == .serviceUnavailable && response.text == "nicht bereit\n")
            }
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }
}
