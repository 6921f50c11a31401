public import Foundation

/// A personal access token for API clients. Only its hash is stored; the token itself is shown once.
public struct AccessToken: Hashable, Sendable, Codable {
    public enum Scope: String, Sendable, Codable, CaseIterable {
        /// Reads only, whatever the person's role.
        case read
        /// Reads and writes, as far as the person's role allows.
        case write
    }

    public var id: ID<AccessToken>
    public var accountID: ID<Account>
    public var tenantID: ID<Tenant>
    public var label: String
    public var scope: Scope
    public var createdAt: Date
    public var lastUsedAt: Date?
    public var revokedAt: Date?

    public init(
        id: ID<AccessToken>, accountID: ID<Account>, tenantID: ID<Tenant>, label: String, scope: Scope,
        createdAt: Date, lastUsedAt: Date? = nil, revokedAt: Date? = nil
    ) {
        self.id = id
        self.accountID = accountID
        self.tenantID = tenantID
        self.label = label
        self.scope = scope
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
        self.revokedAt = revokedAt
    }
}
