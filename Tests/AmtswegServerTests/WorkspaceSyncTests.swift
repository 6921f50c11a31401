import AmtswegCore
import AmtswegStore
import Foundation
import Synchronization
import Testing

@testable import AmtswegServer

/// Two server instances on one database, as two workspaces on one store: what one writes, the other keeps
/// showing from memory until it looks at the store's change feed — then it drops what the writes made stale. The
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

    /// A tenant's members (whom a comment may name) are kept like sign-ins: a new member is seen at once through
    /// the instance that added them, and through the other once it looks.
    @Test func aNewMemberIsSeenAtOnceHereAndByTheOtherOnceItLooks() async throws {
        let (one, other, tenant, path) = try await Self.twoWorkspaces()
        defer { Self.remove(path) }
        try await other.synchronize()
        let before = Set(try await one.accounts.members(of: tenant).map(\.accountID))
        #expect(Set(try await other.accounts.members(of: tenant).map(\.accountID)) == before)
        let account = Account(id: ID("neu"), name: "neu", displayName: "Neue Kollegin", createdAt: Date())
        try await one.accounts.createAccount(account, passwordHash: "!", memberships: [], by: .local)
        try await one.accounts.setMembership(
            Membership(accountID: account.id, tenantID: tenant, role: .contributor), by: .local)
        #expect(Set(try await one.accounts.members(of: tenant).map(\.accountID)) == before.union([account.id]))
        #expect(Set(try await other.accounts.members(of: tenant).map(\.accountID)) == before, "kept")
        try await other.synchronize()
        #expect(Set(try await other.accounts.members(of: tenant).map(\.accountID)) == before.union([account.id]))
    }

    /// How often each probe value was computed.
    final class Computations: Sendable {
        let counts = Mutex<[String: Int]>([:])
        func count(_ key: String) -> Int { counts.withLock { $0[key, default: 0] } }
    }

    /// Three values kept by `workspace`: one made from the model, one from the roadmap, one from everything;
    /// each computation is counted.
    static func ask(_ workspace: Workspace, _ tenant: ID<Tenant>, _ computations: Computations) async throws {
        for (key, areas) in [
            ("model", [.model]), ("roadmap", [.roadmap]), ("all", Workspace.Area.tenantData),
        ] as [(String, Set<Workspace.Area>)] {
            _ = try await workspace.derived(tenant, "probe|" + key, areas: areas) {
                computations.counts.withLock { $0[key, default: 0] += 1 }
                return key
            }
        }
    }

    /// A write drops what was made from the areas it changed and keeps the rest — through the workspace that
    /// wrote, and in another instance once it looks at the counters.
    @Test func aWriteDropsOnlyWhatWasMadeFromItsAreas() async throws {
        let (one, other, tenant, path) = try await Self.twoWorkspaces()
        defer { Self.remove(path) }
        try await other.synchronize()
        for workspace in [one, other] {
            let computed = Computations()
            let counts = { ["model", "roadmap", "all"].map { computed.count($0) } }
            try await workspace.synchronize()
            try await Self.ask(workspace, tenant, computed)
            #expect(counts() == [1, 1, 1])
            try await one.saveVision(
                Vision(statement: "Neues Zielbild"), of: tenant,
                change: MapChange(action: "saveVision", object: "roadmap", summary: "Zielbild geändert"), by: .local)
            try await workspace.synchronize()
            try await Self.ask(workspace, tenant, computed)
            #expect(counts() == [1, 1, 2], "the vision alone changed: the model's and the roadmap's values are kept")
            var roadmap = try await one.roadmap(of: tenant)
            roadmap.initiatives[0].title = "Umbenannte Maßnahme"
            try await one.saveRoadmap(
                roadmap, of: tenant,
                change: MapChange(action: "saveInitiative", object: "initiative", summary: "umbenannt"), by: .local)
            try await workspace.synchronize()
            try await Self.ask(workspace, tenant, computed)
            #expect(counts() == [1, 2, 3], "the roadmap changed: the model's value is kept")
            let proposal = try #require(try await one.proposals(of: tenant).first { $0.status.isOpen })
            let account = try #require(try await one.accounts.accounts().first { $0.name != Account.localName })
            _ = try await one.toggleVote(
                on: proposal.id, by: account.id, of: tenant, author: Author(id: "a", displayName: "A"))
            try await workspace.synchronize()
            try await Self.ask(workspace, tenant, computed)
            #expect(counts() == [1, 2, 4], "a vote: only what may show it is made anew")
            var map = try await one.snapshot(of: tenant).map
            map.units[0].name = "Umbenannt"
            try await one.saveMap(
                map, change: MapChange(action: "renameUnit", object: "unit", summary: "umbenannt"), by: .local,
                basedOn: try await one.snapshot(of: tenant).mapVersion)
            try await workspace.synchronize()
            try await Self.ask(workspace, tenant, computed)
            #expect(counts() == [2, 3, 5], "the model changed: everything is made anew")
            #expect(try await workspace.snapshot(of: tenant).map.units[0].name == "Umbenannt")
        }
    }

    /// A comment on one process drops that process's kept page, not the pages of the others — in the instance
    /// that wrote it and in the other once it looks.
    @Test func aCommentDropsOnlyThePageOfItsProcess() async throws {
        let (one, other, tenant, path) = try await Self.twoWorkspaces()
        defer { Self.remove(path) }
        let processes = try await one.snapshot(of: tenant).records.prefix(2).map(\.id)
        try #require(processes.count == 2)
        for (round, workspace) in [one, other].enumerated() {
            try await workspace.synchronize()
            let computed = Computations()
            func ask() async throws {
                for process in processes {
                    _ = try await workspace.derived(
                        tenant, "probe-page|\(process)", areas: [.model, .discussion],
                        about: StoreChange.subject(ofProcess: process)
                    ) {
                        computed.counts.withLock { $0[process.rawValue, default: 0] += 1 }
                        return process.rawValue
                    }
                }
            }
            try await ask()
            try await one.addComment(
                Comment(
                    id: ID("c-probe-\(round)"), subject: .step(process: processes[0], step: "x"),
                    author: Author(id: "a", displayName: "A"), text: "Frage", writtenAt: Date()), of: tenant)
            try await workspace.synchronize()
            try await ask()
            #expect(computed.count(processes[0].rawValue) == 2, "its page is made anew")
            #expect(computed.count(processes[1].rawValue) == 1, "the other's stays kept")
        }
    }

    /// A process's comments after a new one are those kept plus the new one read alone — in the instance that
    /// wrote it and in the other once it looks — and after a thread is settled all are read again, so the
    /// settlement shows: each time the same as reading them all from the store.
    @Test func aProcessCommentsAreTheStoresAfterNewCommentsAndSettlements() async throws {
        let (one, other, tenant, path) = try await Self.twoWorkspaces()
        defer { Self.remove(path) }
        let process = try #require(try await one.snapshot(of: tenant).records.first?.id)
        let anna = Author(id: "account:anna", displayName: "Anna Berg")
        func expectTheStores(_ note: String) async throws {
            let stored = try await one.repository.comments(of: tenant, aboutProcess: process)
            for workspace in [one, other] {
                try await workspace.synchronize()
                #expect(try await workspace.comments(of: tenant, aboutProcess: process) == stored, "\(note)")
            }
        }
        try await expectTheStores("before any comment")
        var first: AmtswegCore.Comment?
        for (offset, workspace) in [one, other, one].enumerated() {
            let comment = try Comment.written(
                "Frage \(offset)", about: .step(process: process, step: "x"), by: anna,
                at: Date(timeIntervalSince1970: 1_796_000_000 + Double(offset)), id: ID("c-\(offset)"))
            try await workspace.addComment(comment, of: tenant)
            first = first ?? comment
            try await expectTheStores("after comment \(offset)")
        }
        // Two in the same second: the store orders them by id, so the later one goes before the earlier.
        for id in ["c-same-z", "c-same-a"] {
            try await other.addComment(
                try Comment.written(
                    "Gleiche Sekunde", about: .process(process), by: anna,
                    at: Date(timeIntervalSince1970: 1_796_000_050),
                    id: ID(id)),
                of: tenant)
            try await expectTheStores("after \(id)")
        }
        #expect(
            try await one.comments(of: tenant, aboutProcess: process).suffix(2).map(\.id) == ["c-same-a", "c-same-z"])
        let settled = try #require(first)
        try await other.setResolution(
            Comment.Resolution(by: anna, at: Date(timeIntervalSince1970: 1_796_000_100)), ofComment: settled.id,
            in: tenant, by: anna)
        try await expectTheStores("after the settlement")
        #expect(
            try await one.comments(of: tenant, aboutProcess: process).first { $0.id == settled.id }?.resolution != nil)
        let answer = try Comment.written(
            "Antwort", about: settled.subject, answering: settled, by: anna,
            at: Date(timeIntervalSince1970: 1_796_000_200), id: "c-answer")
        try await one.addComment(answer, of: tenant)
        try await expectTheStores("after an answer to the settled thread")
    }

    /// Two instances starting together against one database both try to create the local administrator; the one
    /// that comes second finds the account instead of stopping with a conflict.
    @Test func theSecondInstanceToCreateTheLocalAdministratorFindsIt() async throws {
        let (one, other, _, path) = try await Self.twoWorkspaces()
        defer { Self.remove(path) }
        try await one.ensureLocalAdministrator()
        let created = try #require(try await one.accounts.account(named: Account.localName))
        #expect(try await other.createLocalAdministrator()?.id == created.id)
        try await other.ensureLocalAdministrator()
    }
}
