import AmtswegCore
import AmtswegStore
import Foundation
import Testing

/// A repository over a fresh, empty database, removed after the test: a temporary SQLite file, or a new
/// database on the PostgreSQL server named by `AMTSWEG_TEST_POSTGRES_URL` (scripts/test starts a throwaway
/// cluster and sets it).
///
/// The store's tests take their engine as an argument from ``engines``, so the same tests run on both engines
/// and a failure names the engine it happened on.
struct StoreFixture {
    enum Engine: String, Sendable, CustomTestStringConvertible, CaseIterable {
        case sqlite, postgres
        var testDescription: String { self == .sqlite ? "SQLite" : "PostgreSQL" }
    }

    let kind: Engine
    let engine: any SQLEngine
    let repository: SQLMapRepository
    private let cleanUp: @Sendable () async -> Void

    static let fixedNow = Date(timeIntervalSince1970: 1_780_000_000)

    /// The PostgreSQL server for the tests: a URL whose database is one the tests may create databases from.
    static let postgresURL = ProcessInfo.processInfo.environment["AMTSWEG_TEST_POSTGRES_URL"].flatMap {
        $0.isEmpty ? nil : $0
    }

    /// SQLite always; PostgreSQL when a server is given (``PostgresAvailabilityTests`` reports it skipped if not).
    static let engines: [Engine] = postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]

    static func make(_ kind: Engine) async throws -> StoreFixture {
        switch kind {
        case .sqlite:
            let engine = try await SQLiteEngine.temporary()
            return StoreFixture(
                kind: kind, engine: engine, repository: try await SQLMapRepository(engine: engine, now: { fixedNow }),
                cleanUp: { engine.removeFiles() })
        case .postgres:
            let (engine, _, drop) = try await PostgresTestDatabase.create()
            return StoreFixture(
                kind: kind, engine: engine, repository: try await SQLMapRepository(engine: engine, now: { fixedNow }),
                cleanUp: drop)
        }
    }

    /// Runs a test body with a fresh store and always cleans up.
    static func with(_ kind: Engine, _ body: (StoreFixture) async throws -> Void) async throws {
        let fixture = try await make(kind)
        do {
            try await body(fixture)
        } catch {
            await fixture.cleanUp()
            throw error
        }
        await fixture.cleanUp()
    }
}

/// A database of its own per test on the test server, dropped afterwards.
enum PostgresTestDatabase {
    /// A new database: an engine on it, its URL (for a second engine), and what drops it.
    static func create() async throws -> (PostgresEngine, String, @Sendable () async -> Void) {
        guard let base = StoreFixture.postgresURL, var components = URLComponents(string: base) else {
            throw StoreError.unavailable("AMTSWEG_TEST_POSTGRES_URL ist nicht gesetzt.")
        }
        let name = "amtsweg_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let admin = try await PostgresEngine(url: base, maximumConnections: 1)
        try await admin.read { db in try await db.raw("CREATE DATABASE \(unsafeRaw: name)").run() }
        components.path = "/" + name
        let url = components.string!
        let engine = try await PostgresEngine(url: url, maximumConnections: 4)
        return (
            engine, url,
            {
                engine.shutdown()
                try? await admin.read { db in try await db.raw("DROP DATABASE \(unsafeRaw: name) WITH (FORCE)").run() }
                admin.shutdown()
            }
        )
    }
}
