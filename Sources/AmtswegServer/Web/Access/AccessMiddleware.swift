import AmtswegCore
import Foundation
import Hummingbird

/// Establishes who a request acts for, before any route runs, and refuses what no route may see:
/// a `Host` the server does not answer for (421, against DNS rebinding), an unsafe method sent from another
/// site (`Origin` or `Sec-Fetch-Site`, 403), and an access token that is unknown or revoked (401).
///
/// The person comes from an access token (`Authorization: Bearer …`), else from the session cookie, else — in
/// local mode and for pages only — the local administrator. The tenant always comes from the token's or session's
/// membership, never from a parameter.
struct AccessMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let sessionCookie = "amtsweg_session"

    let workspace: Workspace
    let configuration: ServerConfiguration
    /// Where answers are kept to be replayed, if they are.
    var replay: ReplayedAnswers? = nil

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        // Load balancers and monitoring ask by address and act for no one; `/metrics` checks its own token.
        if Paths.operations.contains(request.uri.path), request.method == .get || request.method == .head {
            return try await next(request, context)
        }
        try checkHost(request)
        if ![.get, .head, .options].contains(request.method) { try checkOrigin(request) }
        var context = context
        // Before the person and the data are read: an answer made from older ones is then never replayed.
        if request.method == .get { context.replayBasis = replay?.basis }
        context.clientAddress = configuration.clientAddress(peer: context.clientAddress, headers: request.headers)
        var clearSession = false
        if let authorization = request.headers[.authorization] {
            context.access = try await tokenAccess(authorization)
        } else if let cookie = request.cookie(Self.sessionCookie) {
            context.access = try await sessionAccess(cookie)
            clearSession = context.access == nil
        }
        // Local mode spares the browser a sign-in; API clients always bring a token (or a session), so that a
        // script on this machine needs to be given access explicitly.
        if context.access == nil, configuration.localMode, !request.uri.path.hasPrefix(Paths.api + "/") {
            context.access = try await workspace.localAccess()
        }
        if let access = context.access {
            context.tenantID = access.tenantID
            context.author = access.author
        } else {
            context.tenantID = nil
        }
        var response = try await next(request, context)
        if clearSession {
            response.setCookie(Self.expiredSessionCookie(secure: configuration.isSecure(request.headers)))
        }
        return response
    }

    // MARK: - Host and origin

    func checkHost(_ request: Request) throws {
        let allowed = configuration.allowedHosts
        guard !allowed.isEmpty else { return }
        let presented = [request.head.authority, request.headers.host].compactMap { $0 }
        for host in presented where !allowed.contains(Self.hostName(host)) {
            throw AccessDenied.unknownHost(String(host.prefix(100)))
        }
    }

    /// A browser names the page that sent a form or script request in `Origin`; older ones only say in
    /// `Sec-Fetch-Site` whether it was another site. Clients that send neither are not browsers: forms still
    /// need their token and API writes an access token.
    func checkOrigin(_ request: Request) throws {
        if let origin = request.headers[.origin] {
            guard let url = URL(string: origin), let host = url.host, url.scheme == "http" || url.scheme == "https"
            else { throw AccessDenied.crossSite }
            let own = request.head.authority.map { $0.lowercased() }
            let presented = (host + (url.port.map { ":\($0)" } ?? "")).lowercased()
            let sameAsRequest = own.map { Self.stripDefaultPort($0, scheme: url.scheme!) } == presented
            let samAsPublic = configuration.publicURL.map { Self.origin(of: $0) == Self.origin(of: url) } ?? false
            guard sameAsRequest || samAsPublic else { throw AccessDenied.crossSite }
        } else if let site = request.headers.secFetchSite?.lowercased() {
            guard site == "same-origin" || site == "none" else { throw AccessDenied.crossSite }
        }
    }

    /// `Host` without its port, lower case; IPv6 literals without brackets.
    static func hostName(_ host: String) -> String {
        var name = host.lowercased()
        if name.hasPrefix("["), let end = name.firstIndex(of: "]") {
            return String(name[name.index(after: name.startIndex)..<end])
        }
        if let colon = name.lastIndex(of: ":") { name = String(name[..<colon]) }
        return name
    }

    static func stripDefaultPort(_ authority: String, scheme: String) -> String {
        let suffix = scheme == "https" ? ":443" : ":80"
        return authority.hasSuffix(suffix) ? String(authority.dropLast(suffix.count)) : authority
    }

    static func origin(of url: URL) -> String {
        let scheme = url.scheme?.lowercased() ?? ""
        let port = url.port.map { ":\($0)" } ?? ""
        return stripDefaultPort("\(scheme)://\(url.host?.lowercased() ?? "")\(port)", scheme: scheme)
    }

    // MARK: - Who

    func tokenAccess(_ authorization: String) async throws -> Access {
        let parts = authorization.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { throw AccessDenied.invalidToken }
        let accounts = workspace.accounts
        guard let token = try await accounts.token(hash: Secrets.hash(token: String(parts[1]))),
            token.revokedAt == nil,
            let account = try await accounts.account(token.accountID), !account.isDisabled
        else { throw AccessDenied.invalidToken }
        let memberships = try await accounts.memberships(of: account.id)
        guard let membership = memberships.first(where: { $0.tenantID == token.tenantID }) else {
            throw AccessDenied.invalidToken
        }
        // "Last used" to the minute is enough to show; it saves a write per request.
        let now = Date()
        if (token.lastUsedAt.map { now.timeIntervalSince($0) } ?? .infinity) > 60 {
            try await accounts.touchToken(token.id, at: now)
        }
        return Access(
            account: account, membership: membership, memberships: memberships,
            means: .token(token.id, token.scope))
    }

    func sessionAccess(_ cookie: String) async throws -> Access? {
        guard cookie.count == 64, cookie.allSatisfy(\.isHexDigit) else { return nil }
        let accounts = workspace.accounts
        let hash = Secrets.hash(token: cookie)
        guard let session = try await accounts.session(hash: hash), session.expiresAt > Date(),
            let account = try await accounts.account(session.accountID), !account.isDisabled
        else { return nil }
        let memberships = try await accounts.memberships(of: account.id)
        guard let membership = memberships.first(where: { $0.tenantID == session.tenantID }) else { return nil }
        return Access(account: account, membership: membership, memberships: memberships, means: .session(hash: hash))
    }

    static func sessionCookie(_ value: String, lifetime: TimeInterval, secure: Bool) -> Cookie {
        Cookie(
            name: sessionCookie, value: value, maxAge: Int(lifetime), path: "/", secure: secure, httpOnly: true,
            sameSite: .lax)
    }

    static func expiredSessionCookie(secure: Bool) -> Cookie {
        Cookie(name: sessionCookie, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }
}
