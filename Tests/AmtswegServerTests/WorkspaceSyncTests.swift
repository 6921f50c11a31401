import AmtswegCore
import AmtswegServer
import AmtswegStore
import Foundation
import Testing

/// Two server instances on one database, as two workspaces on one store: what one writes, the other keeps
/// showing from memory until it looks at the store's change counters — then it reads the store again. The
/// server looks before every request when its store is shared (PostgreSQL); the two-instance check in
/// scripts/test runs two real servers on PostgreSQL.
@Suite struct WorkspaceSyncTests {
    static func twoWorkspaces() async throws -> (Workspace, Workspace, ID<Tenant>, String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("amtsweg-\(UUID().uuidString).sqlite")
            .path
        let first = try await SQLMapRepository(engine: SQLiteEngine(path: path))
        try await DemoLoader.write(into: first, passwordCost: 4)
        let second = try await SQLMapRepository(engine: SQLiteEngine(path: path))
        let tenant = try #require(try await first.tenants().first?.id)
        // Kept sign-ins trusted for an hour: what the other sees depends on `synchronize()`, not on the clock.
        return (
            Workspace(repository: first, accountLifetime: 3600), Workspace(repository: second, accountLifetime: 3600),
            tenant, path
        )
    }

    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    @Test func aWriteThroughOneIsSeenByTheOtherOnceItLooks() async throws {
        let (one, other, tenant, path) = try await Self.twoWorkspaces()
        defer { Self.remove(path) }
        try await other.synchronize()
        let before = try await other.snapshot(of: tenant)
        var map = try await one.snapshot(of: tenant).map
        let unit = map.units[0].name
        map.units[0].name = "Umbenannt über die erste Instanz"
        try await one.saveMap(
            map, change: MapChange(action: "renameUnit", object: "unit", summary: "umbenannt"), by: .local,
            basedOn: try await one.snapshot(of: tenant).mapVersion)
        // Kept in memory: without looking, the other still shows the old name (the memory this is about is real).
        #expect(try await other.snapshot(of: tenant).map.units[0].name == unit)
        #expect(before.map.units[0].name == unit)
        try await other.synchronize()
        #expect(try await other.snapshot(of: tenant).map.units[0].name == "Umbenannt über die erste Instanz")
        // Nothing changed since: looking again keeps what is kept.
        let kept = try await other.snapshot(of: tenant)
        try await other.synchronize()
        #expect(try await other.snapshot(of: tenant).map == kept.map)
    }

    @Test func aTokenRevokedThroughOneIsRefusedByTheOtherOnceItLooks() async throws {
        let (one, other, tenant, path) = try await Self.twoWorkspaces()
        defer { Self.remove(path) }
        let account = try #require(try await one.accounts.accounts().first)
        let secret = "amtsweg_" + String(repeating: "ab", count: 32)
        let token = AccessToken(
            id: ID("t-sync"), accountID: account.id, tenantID: tenant, label: "Test", scope: .write, createdAt: Date())
        try await one.accounts.createToken(token, hash: Secrets.hash(token: secret), by: .local)
        try await other.synchronize()
        #expect(try await other.accounts.token(hash: Secrets.hash(token: secret))?.revokedAt == nil)
        try await one.accounts.revokeToken(token.id, of: account.id, by: .local)
        #expect(try await other.accounts.token(hash: Secrets.hash(token: secret))?.revokedAt == nil, "kept")
        try await other.synchronize()
        #expect(try await other.accounts.token(hash: Secrets.hash(token: secret))?.revokedAt != nil)
    }
}
