import AmtswegCore
import AmtswegStore
import Foundation

/// A repository over a fresh temporary SQLite file, removed after the test.
///
/// The contract tests below take the engine from here; when PostgreSQL joins, the same tests run against it
/// by adding its engine to ``engines``.
struct StoreFixture {
    let engine: SQLiteEngine
    let repository: SQLMapRepository

    static let fixedNow = Date(timeIntervalSince1970: 1_780_000_000)

    static func make() async throws -> StoreFixture {
        let engine = try await SQLiteEngine.temporary()
        return StoreFixture(engine: engine, repository: try await SQLMapRepository(engine: engine, now: { fixedNow }))
    }

    func tearDown() { engine.removeFiles() }

    /// Runs a test body with a fresh store and always cleans up.
    static func with(_ body: (StoreFixture) async throws -> Void) async throws {
        let fixture = try await make()
        defer { fixture.tearDown() }
        try await body(fixture)
    }
}
