public import AmtswegCore

/// Who a request acts for, in which tenant and with which role, and how that was established.
///
/// Set by ``AccessMiddleware`` from an access token, a session cookie or — in local mode only — as the
/// local administrator. `nil` in the context means anonymous.
public struct Access: Sendable, Hashable {
    public enum Means: Sendable, Hashable {
        /// Local single-user mode on a loopback address: no sign-in.
        case local
        /// A browser session after signing in.
        case session(hash: String)
        /// A personal access token (`Authorization: Bearer …`).
        case token(ID<AccessToken>, AccessToken.Scope)
    }

    public var account: Account
    public var membership: Membership
    /// Every tenant the person belongs to, for the tenant switcher.
    public var memberships: [Membership]
    public var means: Means

    public var role: AccessRole { membership.role }
    public var tenantID: ID<Tenant> { membership.tenantID }

    /// The author of this request's writes.
    public var author: Author { account.name == Account.localName ? .local : account.author }

    /// Whether the request came with an access token (every API write needs one).
    public var isToken: Bool {
        if case .token = means { true } else { false }
    }

    /// Whether the request may change anything at all: a read-only token may not.
    public var mayWrite: Bool {
        if case .token(_, .read) = means { false } else { true }
    }

    /// Whether the person may use `permission` on an object of `units` — what the route table checks, and what
    /// pages ask before they show an edit control.
    public func may(_ permission: Permission, forUnits units: [ID<OrgUnit>], in map: TenantMap) -> Bool {
        guard role.grants(permission), mayWrite || [.anyone, .signedIn, .read, .readDrafts].contains(permission) else {
            return false
        }
        guard AccessPolicy.isLimitedToOwnUnit(role, for: permission) else { return true }
        guard let own = membership.unitID else { return false }
        return units.contains { map.unit($0, isWithin: own) }
    }

    /// What distinguishes pages rendered for this person from others': kept pages are keyed by it.
    var pageKey: String {
        "\(account.name)|\(membership.tenantID)|\(membership.role.rawValue)|\(membership.unitID?.rawValue ?? "")"
    }
}
