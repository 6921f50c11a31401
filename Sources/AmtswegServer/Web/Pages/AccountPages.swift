import AmtswegCore
import AmtswegDemo
import AmtswegStore
import Foundation
import Hummingbird

/// Signing in and out, and "Mein Konto": the own password, the own access tokens, the tenant to work in.
struct AccountPages: Sendable {
    let pages: Pages
    let signIn: SignIn

    init(pages: Pages) {
        self.pages = pages
        signIn = SignIn(workspace: pages.workspace, configuration: pages.configuration, throttle: LoginThrottle())
    }

    func addRoutes(to routes: RouteTable) {
        routes.get(Paths.login, .anyone) { request, context in try await loginForm(request, context, error: nil) }
        routes.post(Paths.login, .anyone) { request, context in try await login(request, context) }
        routes.post(Paths.logout, .signedIn) { request, context in try await logout(request, context) }
        routes.get(Paths.account, .signedIn) { request, context in try await show(request, context) }
        routes.post(Paths.accountPassword, .signedIn) { request, context in try await changePassword(request, context) }
        routes.post(Paths.accountTokens, .signedIn) { request, context in try await createToken(request, context) }
        routes.post(Paths.accountTokenRevoke, .signedIn) { request, context in try await revokeToken(request, context) }
        routes.post(Paths.accountTenant, .signedIn) { request, context in try await switchTenant(request, context) }
    }

    // MARK: - Sign in and out

    struct LoginView: Sendable {
        var csrf: String
        var next: String
        var name: String
        var error: String?
        var isLocalMode: Bool
        /// With `--demo`: one account per role and their shared password, to try each role.
        var demoAccounts: [DemoAccountLine] = []
        var demoPassword: String?
    }

    struct DemoAccountLine: Sendable {
        var name: String
        var displayName: String
        var role: String
    }

    func loginForm(
        _ request: Request, _ context: AppRequestContext, error: String?, name: String = "",
        status: HTTPResponse.Status = .ok
    ) async throws -> HTMLResponse {
        let next = request.uri.queryParameters["next"].map(String.init) ?? ""
        var view = LoginView(
            csrf: context.csrfToken, next: next, name: name, error: error,
            isLocalMode: pages.configuration.localMode)
        if pages.configuration.loadDemo {
            view.demoAccounts = Musterstadt.demoAccounts.map {
                .init(name: $0.name, displayName: $0.displayName, role: $0.role.label)
            }
            view.demoPassword = Musterstadt.demoPassword
        }
        return try pages.renderer.page(
            "account/login", title: pages.text("Anmelden", context), section: .none, content: view,
            context: context, tenantName: "", status: status)
    }

    func login(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await FormInput.read(request, context: context, limit: pages.configuration.maxFormBytes)
        let name = form[LoginField.name]
        let password = form.raw(LoginField.password)
        switch try await signIn.signIn(name: name, password: password, address: context.clientAddress) {
        case .refused(let reason):
            return try await loginForm(request, context, error: reason, name: name, status: .unauthorized)
                .response(from: request, context: context)
        case .signedIn(let cookie, _):
            let next = form[LoginField.next]
            let target = next.hasPrefix("/") && !next.hasPrefix("//") && !next.hasPrefix("/login") ? next : Paths.start
            var response = Response(status: .seeOther, headers: [.location: target])
            response.setCookie(
                AccessMiddleware.sessionCookie(
                    cookie, lifetime: pages.configuration.sessionLifetime,
                    secure: pages.configuration.isSecure(request.headers)))
            return response
        }
    }

    func logout(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        _ = try await FormInput.read(request, context: context, limit: pages.configuration.maxFormBytes)
        if let access = context.access { try await signIn.signOut(access) }
        var response = Response(status: .seeOther, headers: [.location: Paths.login])
        response.setCookie(AccessMiddleware.expiredSessionCookie(secure: pages.configuration.isSecure(request.headers)))
        return response
    }

    // MARK: - Own account

    struct AccountView: Sendable {
        struct TokenLine: Sendable {
            var label: String
            var scope: String
            var created: String
            var lastUsed: String
            var status: String
            var revokeAction: String?
        }
        struct TenantOption: Sendable {
            var value: String
            var label: String
            var isSelected: Bool
        }
        var csrf: String
        var name: String
        var displayName: String
        var role: String
        var unit: String?
        var isLocal: Bool
        var tenants: [TenantOption]
        var hasSeveralTenants: Bool
        var tokens: [TokenLine]
        var newToken: String?
        var passwordError: String?
        var tokenError: String?
    }

    func show(
        _ request: Request, _ context: AppRequestContext, newToken: String? = nil, passwordError: String? = nil,
        tokenError: String? = nil, notice: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> HTMLResponse {
        let access = try context.requireAccess()
        let snapshot = try await pages.snapshot(context)
        let tenants = try await pages.workspace.repository.tenants()
        let names = Dictionary(tenants.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let tokens = try await pages.workspace.accounts.tokens(of: access.account.id)
        let view = AccountView(
            csrf: context.csrfToken, name: access.account.name, displayName: access.account.displayName,
            role: access.role.label,
            unit: access.membership.unitID.map { id in snapshot.unit(id.rawValue)?.name ?? id.rawValue },
            isLocal: access.means == .local,
            tenants: access.memberships.map {
                .init(
                    value: $0.tenantID.rawValue,
                    label: "\(names[$0.tenantID] ?? $0.tenantID.rawValue) – \($0.role.label)",
                    isSelected: $0.tenantID == access.tenantID)
            },
            hasSeveralTenants: access.memberships.count > 1,
            tokens: tokens.filter { $0.tenantID == access.tenantID }.map { token in
                .init(
                    label: token.label, scope: token.scope == .write ? "lesen und schreiben" : "nur lesen",
                    created: Display.dateTime(token.createdAt), lastUsed: token.lastUsedAt.map(Display.dateTime) ?? "–",
                    status: token.revokedAt == nil ? "gültig" : "widerrufen",
                    revokeAction: token.revokedAt == nil ? Paths.accountTokenRevoke(token.id) : nil)
            },
            newToken: newToken, passwordError: passwordError, tokenError: tokenError)
        return try pages.page(
            "account/account", title: pages.text("Mein Konto", context), section: .none, content: view,
            context: context, snapshot: snapshot, status: status, notice: notice)
    }

    func changePassword(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await FormInput.read(request, context: context, limit: pages.configuration.maxFormBytes)
        let access = try context.requireAccess()
        let current = form.raw(PasswordField.current)
        let new = form.raw(PasswordField.new)
        let repeated = form.raw(PasswordField.repeated)
        guard let credentials = try await pages.workspace.accounts.credentials(of: access.account.id),
            try await Secrets.verify(password: current, hash: credentials.passwordHash)
        else {
            return try await show(
                request, context, passwordError: "Das bisherige Passwort stimmt nicht.", status: .unprocessableContent
            ).response(from: request, context: context)
        }
        if let problem = Secrets.problem(withPassword: new) ?? (new == repeated ? nil : Self.mismatch) {
            return try await show(request, context, passwordError: problem, status: .unprocessableContent)
                .response(from: request, context: context)
        }
        try await pages.workspace.accounts.setPasswordHash(
            try await Secrets.hash(password: new, cost: pages.configuration.passwordCost), of: access.account.id,
            by: access.author)
        // Setting a password ends every session, this one too: sign in again with the new one.
        return SeeOther(location: Paths.login).response(from: request, context: context)
    }

    static let mismatch = "Die beiden neuen Passwörter stimmen nicht überein."

    func createToken(_ request: Request, _ context: AppRequestContext) async throws -> HTMLResponse {
        let form = try await FormInput.read(request, context: context, limit: pages.configuration.maxFormBytes)
        let access = try context.requireAccess()
        guard
            let secret = try await TokenIssuer(accounts: pages.workspace.accounts).issue(
                from: form, for: access.account, by: access)
        else {
            return try await show(
                request, context, tokenError: TokenIssuer.incomplete, status: .unprocessableContent)
        }
        return try await show(
            request, context, newToken: secret,
            notice: "Zugangsschlüssel erstellt. Er wird nur jetzt angezeigt – bitte sicher aufbewahren.")
    }

    func revokeToken(_ request: Request, _ context: AppRequestContext) async throws -> SeeOther {
        _ = try await FormInput.read(request, context: context, limit: pages.configuration.maxFormBytes)
        let access = try context.requireAccess()
        try await pages.workspace.accounts.revokeToken(
            ID(try context.parameters.require("token")), of: access.account.id, by: access.author)
        return SeeOther(location: Paths.account)
    }

    func switchTenant(_ request: Request, _ context: AppRequestContext) async throws -> SeeOther {
        let form = try await FormInput.read(request, context: context, limit: pages.configuration.maxFormBytes)
        let access = try context.requireAccess()
        guard case .session(let hash) = access.means,
            let membership = access.memberships.first(where: { $0.tenantID.rawValue == form[TenantField.tenant] }),
            let session = try await pages.workspace.accounts.session(hash: hash)
        else { throw HTTPError(.unprocessableContent, message: "Diese Kommune steht nicht zur Auswahl.") }
        var switched = session
        switched.tenantID = membership.tenantID
        try await pages.workspace.accounts.deleteSession(hash: hash)
        try await pages.workspace.accounts.createSession(switched)
        try await pages.workspace.accounts.audit(
            ChangeRecord(
                tenantID: membership.tenantID, at: Date(), author: access.author, action: "switchTenant",
                summary: "In diese Kommune gewechselt", object: "account:\(access.account.name)"))
        return SeeOther(location: Paths.start)
    }
}

// MARK: - Form fields

enum LoginField: String, FormField { case name, password, next }
enum PasswordField: String, FormField {
    case current = "current-password"
    case new = "new-password"
    case repeated = "repeat-password"
}
enum TokenField: String, FormField { case label, scope }
enum TenantField: String, FormField { case tenant }

extension AppRequestContext {
    /// The person of a route that declared a permission other than `.anyone` (the route table made sure).
    func requireAccess() throws -> Access {
        guard let access else { throw AccessDenied.signInRequired }
        return access
    }
}
