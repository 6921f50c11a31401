import AmtswegCore
import AmtswegStore
import Foundation
import Synchronization

/// The account store with what every request asks kept in memory: an access token or session by its hash, the
/// account and its memberships, a tenant's members. An API client sends its token with every request; without
/// this, each request costs three queries before it is answered.
///
/// Any change to accounts, roles, sessions or tokens made through this instance empties the memory at once, and
/// a value read while such a change was under way is not kept (the same generation rule as
/// ``Workspace/derived(_:_:make:)``). A change made by another process — the `amtsweg user` command while the
/// server runs — is seen after at most ``lifetime``.
final class CachingAccountRepository: AccountRepository {
    let base: any AccountRepository
    /// How long a kept value is trusted without a change seen here.
    let lifetime: TimeInterval

    private struct Memory {
        var generation = 0
        var values: [String: (value: any Sendable, keptAt: Date)] = [:]
    }

    private let memory = Mutex(Memory())

    init(_ base: any AccountRepository, lifetime: TimeInterval = 5) {
        self.base = base
        self.lifetime = lifetime
    }

    /// Counts the times everything kept was forgotten: an answer made before a change of accounts, roles, sessions or
    /// tokens is not replayed after it (``ReplayedAnswers``).
    var generation: Int { memory.withLock { $0.generation } }

    /// Forgets everything kept (a change here, or to a tenant's memberships elsewhere in the store).
    func forget() {
        memory.withLock {
            $0.generation += 1
            $0.values = [:]
        }
    }

    private func kept<Value: Sendable>(_ key: String, read: () async throws -> Value) async throws -> Value {
        let now = Date()
        let (hit, generation): (Value?, Int) = memory.withLock { memory in
            guard let entry = memory.values[key], now.timeIntervalSince(entry.keptAt) < lifetime else {
                return (nil, memory.generation)
            }
            return (entry.value as? Value, memory.generation)
        }
        if let hit { return hit }
        let value = try await read()
        memory.withLock { memory in
            if memory.generation == generation { memory.values[key] = (value, now) }
        }
        return value
    }

    private func changing<Value>(_ write: () async throws -> Value) async throws -> Value {
        forget()
        defer { forget() }
        return try await write()
    }

    // MARK: Kept reads

    func account(_ id: ID<Account>) async throws -> Account? {
        try await kept("account|\(id)") { try await base.account(id) }
    }

    func memberships(of account: ID<Account>) async throws -> [Membership] {
        try await kept("memberships|\(account)") { try await base.memberships(of: account) }
    }

    /// Asked by every process page drawn anew (whom a comment may name) and every comment written.
    func members(of tenant: ID<Tenant>) async throws -> [Membership] {
        try await kept("members|\(tenant)") { try await base.members(of: tenant) }
    }

    func session(hash: String) async throws -> StoredSession? {
        try await kept("session|\(hash)") { try await base.session(hash: hash) }
    }

    func token(hash: String) async throws -> AccessToken? {
        try await kept("token|\(hash)") { try await base.token(hash: hash) }
    }

    // MARK: Reads passed on

    func accounts() async throws -> [Account] { try await base.accounts() }
    func account(named name: String) async throws -> Account? { try await base.account(named: name) }
    func credentials(of account: ID<Account>) async throws -> Credentials? { try await base.credentials(of: account) }
    func tokens(of account: ID<Account>) async throws -> [AccessToken] { try await base.tokens(of: account) }
    func auditLog(of tenant: ID<Tenant>, since: Date?, limit: Int) async throws -> [ChangeRecord] {
        try await base.auditLog(of: tenant, since: since, limit: limit)
    }
    func audit(_ record: ChangeRecord) async throws { try await base.audit(record) }

    // MARK: Changes

    func createAccount(_ account: Account, passwordHash: String, memberships: [Membership], by author: Author)
        async throws
    {
        try await changing {
            try await base.createAccount(account, passwordHash: passwordHash, memberships: memberships, by: author)
        }
    }

    func setMembership(_ membership: Membership, by author: Author) async throws {
        try await changing { try await base.setMembership(membership, by: author) }
    }

    func setPasswordHash(_ hash: String, of account: ID<Account>, by author: Author) async throws {
        try await changing { try await base.setPasswordHash(hash, of: account, by: author) }
    }

    func setDisabled(_ disabled: Bool, of account: ID<Account>, by author: Author) async throws {
        try await changing { try await base.setDisabled(disabled, of: account, by: author) }
    }

    func recordFailedLogin(of account: ID<Account>, threshold: Int, lockUntil: Date) async throws {
        try await changing { try await base.recordFailedLogin(of: account, threshold: threshold, lockUntil: lockUntil) }
    }

    func recordSuccessfulLogin(of account: ID<Account>) async throws {
        try await changing { try await base.recordSuccessfulLogin(of: account) }
    }

    func createSession(_ session: StoredSession) async throws {
        try await changing { try await base.createSession(session) }
    }

    func deleteSession(hash: String) async throws {
        try await changing { try await base.deleteSession(hash: hash) }
    }

    func deleteSessions(expiredBefore date: Date) async throws {
        try await changing { try await base.deleteSessions(expiredBefore: date) }
    }

    func createToken(_ token: AccessToken, hash: String, by author: Author) async throws {
        try await changing { try await base.createToken(token, hash: hash, by: author) }
    }

    func touchToken(_ id: ID<AccessToken>, at date: Date) async throws {
        try await changing { try await base.touchToken(id, at: date) }
    }

    func revokeToken(_ id: ID<AccessToken>, of account: ID<Account>, by author: Author) async throws {
        try await changing { try await base.revokeToken(id, of: account, by: author) }
    }
}
