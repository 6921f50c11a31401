public import AmtswegCore
public import Foundation

/// The storage of accounts, their roles per tenant, sessions and access tokens, and the audit entries that are
/// not a change of tenant data (sign-ins, exports, analyses run).
///
/// Secrets arrive here already hashed: the password as bcrypt, session and access tokens as SHA-256 of a
/// random value. Every change to an account, a role or a token is written to the audit log in the same
/// transaction, naming its author.
public protocol AccountRepository: Sendable {
    func accounts() async throws -> [Account]
    func account(named name: String) async throws -> Account?
    func account(_ id: ID<Account>) async throws -> Account?
    func memberships(of account: ID<Account>) async throws -> [Membership]
    func members(of tenant: ID<Tenant>) async throws -> [Membership]

    /// Creates an account with its roles; `conflict` if the name is taken.
    func createAccount(_ account: Account, passwordHash: String, memberships: [Membership], by author: Author)
        async throws
    /// Sets (or replaces) the account's role in the membership's tenant.
    func setMembership(_ membership: Membership, by author: Author) async throws
    func setPasswordHash(_ hash: String, of account: ID<Account>, by author: Author) async throws
    /// Disables (or enables) an account; disabling also ends its sessions and revokes its tokens.
    func setDisabled(_ disabled: Bool, of account: ID<Account>, by author: Author) async throws

    /// The bcrypt hash and the lockout state, for signing in.
    func credentials(of account: ID<Account>) async throws -> Credentials?
    /// Counts a failed sign-in; locks the account until `lockUntil` when the count reaches `threshold`.
    func recordFailedLogin(of account: ID<Account>, threshold: Int, lockUntil: Date) async throws
    func recordSuccessfulLogin(of account: ID<Account>) async throws

    func createSession(_ session: StoredSession) async throws
    func session(hash: String) async throws -> StoredSession?
    func deleteSession(hash: String) async throws
    func deleteSessions(expiredBefore date: Date) async throws

    func createToken(_ token: AccessToken, hash: String, by author: Author) async throws
    func token(hash: String) async throws -> AccessToken?
    func tokens(of account: ID<Account>) async throws -> [AccessToken]
    func touchToken(_ id: ID<AccessToken>, at date: Date) async throws
    func revokeToken(_ id: ID<AccessToken>, of account: ID<Account>, by author: Author) async throws

    /// Appends an entry to the audit log that is not part of a data change (sign-in, export, analysis).
    func audit(_ record: ChangeRecord) async throws
    /// The audit log of a tenant, newest first, from `since` on.
    func auditLog(of tenant: ID<Tenant>, since: Date?, limit: Int) async throws -> [ChangeRecord]
}

/// What signing in checks, never shown anywhere.
public struct Credentials: Sendable {
    public var passwordHash: String
    public var failedLogins: Int
    public var lockedUntil: Date?

    public init(passwordHash: String, failedLogins: Int, lockedUntil: Date?) {
        self.passwordHash = passwordHash
        self.failedLogins = failedLogins
        self.lockedUntil = lockedUntil
    }
}

/// A signed-in browser: the hash of its cookie's value, whose account, in which tenant, until when.
public struct StoredSession: Hashable, Sendable {
    public var hash: String
    public var accountID: ID<Account>
    public var tenantID: ID<Tenant>
    public var createdAt: Date
    public var expiresAt: Date

    public init(hash: String, accountID: ID<Account>, tenantID: ID<Tenant>, createdAt: Date, expiresAt: Date) {
        self.hash = hash
        self.accountID = accountID
        self.tenantID = tenantID
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}
