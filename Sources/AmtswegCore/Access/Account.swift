public import Foundation

/// A person who signs in: a local account with a bcrypt-hashed password (the hash lives in the store only).
public struct Account: Hashable, Sendable, Codable {
    public var id: ID<Account>
    /// The sign-in name, unique in the installation, lower case.
    public var name: String
    public var displayName: String
    public var isDisabled: Bool
    public var createdAt: Date

    public init(id: ID<Account>, name: String, displayName: String, isDisabled: Bool = false, createdAt: Date) {
        self.id = id
        self.name = name
        self.displayName = displayName
        self.isDisabled = isDisabled
        self.createdAt = createdAt
    }

    /// The author of the changes this person makes.
    public var author: Author { Author(id: "account:" + name, displayName: displayName) }

    /// Whether `name` is usable as a sign-in name: 2–64 characters of lower-case letters, digits, `.`, `-`, `_`.
    public static func isValidName(_ name: String) -> Bool {
        (2...64).contains(name.count)
            && name.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("0"..."9").contains($0) || ".-_".unicodeScalars.contains($0)
            }
    }

    /// The name of the account that local single-user mode acts as.
    public static let localName = "lokal"
}

/// A person's role in one tenant, and for Mitwirkende the unit they work in.
public struct Membership: Hashable, Sendable, Codable {
    public var accountID: ID<Account>
    public var tenantID: ID<Tenant>
    public var role: AccessRole
    /// The unit whose tasks, flows and processes Mitwirkende may change (with the units below it).
    public var unitID: ID<OrgUnit>?

    public init(accountID: ID<Account>, tenantID: ID<Tenant>, role: AccessRole, unitID: ID<OrgUnit>? = nil) {
        self.accountID = accountID
        self.tenantID = tenantID
        self.role = role
        self.unitID = unitID
    }
}
