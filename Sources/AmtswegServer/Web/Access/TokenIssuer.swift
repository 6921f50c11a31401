public import AmtswegCore
public import AmtswegStore
import Foundation

/// Makes personal access tokens: a random secret shown once, only its hash stored.
public struct TokenIssuer: Sendable {
    public let accounts: any AccountRepository

    public init(accounts: any AccountRepository) { self.accounts = accounts }

    /// Stores a new token and returns its secret (`amtsweg_` and 64 hexadecimal digits).
    public func issue(
        for account: Account, tenant: ID<Tenant>, label: String, scope: AccessToken.Scope, by author: Author
    ) async throws -> String {
        let secret = "amtsweg_" + Secrets.randomToken()
        let token = AccessToken(
            id: ID(String(Secrets.randomToken().prefix(16))), accountID: account.id, tenantID: tenant, label: label,
            scope: scope, createdAt: Date())
        try await accounts.createToken(token, hash: Secrets.hash(token: secret), by: author)
        return secret
    }
}
