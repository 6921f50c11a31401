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

extension TokenIssuer {
    /// The message when a token form lacks its label or scope.
    static let incomplete = "Bitte eine Bezeichnung und den Umfang angeben."

    /// A token for `account` in the tenant of `access`, with label and scope from a token form (own account or
    /// administration); `nil` when the form lacks one of them.
    func issue(from form: FormInput, for account: Account, by access: Access) async throws -> String? {
        let label = String(form[TokenField.label].prefix(100))
        guard !label.isEmpty, let scope = AccessToken.Scope(rawValue: form[TokenField.scope]) else { return nil }
        return try await issue(for: account, tenant: access.tenantID, label: label, scope: scope, by: access.author)
    }
}
