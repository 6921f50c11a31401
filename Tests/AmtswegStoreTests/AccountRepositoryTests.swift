import AmtswegCore
import AmtswegStore
import Foundation
import Testing

/// The account store: names unique, roles per tenant, disabling ends sessions and revokes tokens, failed
/// sign-ins lock, every change in the audit log of each tenant concerned.
@Suite struct AccountRepositoryTests {
    static let author = Author(id: "test", displayName: "Test")

    static func tenants(_ store: StoreFixture) async throws -> (ID<Tenant>, ID<Tenant>) {
        for id in ["a-stadt", "b-stadt"] {
            try await store.repository.saveMap(
                TenantMap(tenant: Tenant(id: ID(id), name: id, ags: "01001000", population: 1)), by: author)
        }
        return ("a-stadt", "b-stadt")
    }

    static func account(_ name: String) -> Account {
        Account(id: ID(name), name: name, displayName: name.capitalized, createdAt: StoreFixture.fixedNow)
    }

    @Test(arguments: StoreFixture.engines) func namesAreUniqueAndRolesBelongToTenants(engine: StoreFixture.Engine)
        async throws
    {
        try await StoreFixture.with(engine) { store in
            let (a, b) = try await Self.tenants(store)
            let repository = store.repository
            try await repository.createAccount(
                Self.account("anna"), passwordHash: "$2b$hash",
                memberships: [Membership(accountID: "anna", tenantID: a, role: .contributor, unitID: nil)],
                by: Self.author)
            await #expect(throws: StoreError.self) {
                try await repository.createAccount(
                    Self.account("anna"), passwordHash: "x", memberships: [], by: Self.author)
            }
            try await repository.setMembership(
                Membership(accountID: "anna", tenantID: b, role: .reader), by: Self.author)
            let memberships = try await repository.memberships(of: "anna")
            #expect(memberships.map(\.tenantID) == [a, b])
            #expect(memberships.map(\.role) == [.contributor, .reader])
            #expect(try await repository.members(of: b).map(\.accountID) == ["anna"])
            let auditA = try await repository.auditLog(of: a, since: nil, limit: 10)
            let auditB = try await repository.auditLog(of: b, since: nil, limit: 10)
            #expect(auditA.contains { $0.action == "createAccount" && $0.object == "account:anna" })
            #expect(auditB.contains { $0.action == "setRole" && $0.author == Self.author })
            #expect(!auditB.contains { $0.action == "createAccount" }, "each tenant sees only its own entries")
        }
    }

    @Test(arguments: StoreFixture.engines) func disablingEndsSessionsAndRevokesTokens(engine: StoreFixture.Engine)
        async throws
    {
        try await StoreFixture.with(engine) { store in
            let (a, _) = try await Self.tenants(store)
            let repository = store.repository
            try await repository.createAccount(
                Self.account("bert"), passwordHash: "h",
                memberships: [Membership(accountID: "bert", tenantID: a, role: .reader)], by: Self.author)
            try await repository.createSession(
                StoredSession(
                    hash: "s1", accountID: "bert", tenantID: a, createdAt: StoreFixture.fixedNow,
                    expiresAt: StoreFixture.fixedNow.addingTimeInterval(60)))
            try await repository.createToken(
                AccessToken(
                    id: "t1", accountID: "bert", tenantID: a, label: "Skript", scope: .write,
                    createdAt: StoreFixture.fixedNow), hash: "th1", by: Self.author)
            #expect(try await repository.session(hash: "s1") != nil)
            #expect(try await repository.token(hash: "th1")?.revokedAt == nil)
            try await repository.setDisabled(true, of: "bert", by: Self.author)
            #expect(try await repository.session(hash: "s1") == nil)
            #expect(try await repository.token(hash: "th1")?.revokedAt != nil)
            #expect(try await repository.account("bert")?.isDisabled == true)
        }
    }

    @Test(arguments: StoreFixture.engines) func failedSignInsLockAndASuccessUnlocks(engine: StoreFixture.Engine)
        async throws
    {
        try await StoreFixture.with(engine) { store in
            let (a, _) = try await Self.tenants(store)
            let repository = store.repository
            try await repository.createAccount(
                Self.account("carl"), passwordHash: "h",
                memberships: [Membership(accountID: "carl", tenantID: a, role: .reader)], by: Self.author)
            let until = StoreFixture.fixedNow.addingTimeInterval(900)
            for _ in 0..<2 { try await repository.recordFailedLogin(of: "carl", threshold: 3, lockUntil: until) }
            #expect(try await repository.credentials(of: "carl")?.failedLogins == 2)
            #expect(try await repository.credentials(of: "carl")?.lockedUntil == nil)
            try await repository.recordFailedLogin(of: "carl", threshold: 3, lockUntil: until)
            #expect(try await repository.credentials(of: "carl")?.lockedUntil == until)
            try await repository.recordSuccessfulLogin(of: "carl")
            #expect(try await repository.credentials(of: "carl")?.lockedUntil == nil)
        }
    }

    @Test(arguments: StoreFixture.engines) func aTenantWithMembersCanBeDeleted(engine: StoreFixture.Engine) async throws
    {
        try await StoreFixture.with(engine) { store in
            let (a, b) = try await Self.tenants(store)
            let repository = store.repository
            try await repository.createAccount(
                Self.account("dora"), passwordHash: "h",
                memberships: [Membership(accountID: "dora", tenantID: a, role: .reader)], by: Self.author)
            try await repository.deleteTenant(a, by: Self.author)
            #expect(try await repository.memberships(of: "dora").isEmpty)
            #expect(try await repository.tenants().map(\.id) == [b])
        }
    }
}
