import AmtswegCore
import AmtswegStore
import Foundation
import Hummingbird

/// Administration of the tenant's accounts: create, change role and unit, reset the password, disable,
/// and make an access token for someone. Only accounts that belong to the administrator's tenant are visible.
struct AdminPages: Sendable {
    let pages: Pages

    func addRoutes(to routes: RouteTable) {
        routes.get(Paths.adminAccounts, .administer) { request, context in try await list(request, context) }
        routes.post(Paths.adminAccounts, .administer) { request, context in try await create(request, context) }
        routes.get(Paths.adminAccount, .administer) { request, context in try await show(request, context) }
        routes.post(Paths.adminAccount, .administer) { request, context in try await update(request, context) }
        routes.post(Paths.adminAccountReset, .administer) { request, context in try await reset(request, context) }
        routes.post(Paths.adminAccountDisable, .administer) { request, context in
            try await setDisabled(true, request, context)
        }
        routes.post(Paths.adminAccountEnable, .administer) { request, context in
            try await setDisabled(false, request, context)
        }
        routes.post(Paths.adminAccountTokens, .administer) { request, context in try await token(request, context) }
    }

    struct Member: Sendable {
        var name: String
        var displayName: String
        var role: String
        var unit: String
        var status: String
        var href: String
    }

    struct ListView: Sendable {
        var csrf: String
        var members: [Member]
        var roles: [SelectOption]
        var units: [SelectOption]
        var errors: [String]
        var hasErrors: Bool
        var name: String
        var displayName: String
    }

    struct DetailView: Sendable {
        var csrf: String
        var member: Member
        var roles: [SelectOption]
        var units: [SelectOption]
        var isDisabled: Bool
        var updateAction: String
        var resetAction: String
        var disableAction: String
        var enableAction: String
        var tokenAction: String
        var newToken: String?
        var error: String?
    }

    // MARK: - List and create

    func list(
        _ request: Request, _ context: AppRequestContext, form: FormInput? = nil, errors: [String] = [],
        status: HTTPResponse.Status = .ok, notice: String? = nil
    ) async throws -> HTMLResponse {
        let snapshot = try await pages.snapshot(context)
        let members = try await self.members(context)
        let view = ListView(
            csrf: context.csrfToken, members: members.map { Self.member($0.0, $0.1, snapshot) },
            roles: Self.roleOptions(selected: form.flatMap { AccessRole(rawValue: $0[AccountField.role]) }),
            units: Self.unitOptions(snapshot, selected: form?[AccountField.unit]), errors: errors,
            hasErrors: !errors.isEmpty, name: form?[AccountField.name] ?? "",
            displayName: form?[AccountField.displayName] ?? "")
        return try pages.page(
            "account/admin", title: pages.text("Konten und Rollen", context), section: .none, content: view,
            context: context, snapshot: snapshot, status: status, notice: notice)
    }

    func create(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await FormInput.read(request, context: context, limit: pages.configuration.maxFormBytes)
        let access = try context.requireAccess()
        let snapshot = try await pages.snapshot(context)
        let name = form[AccountField.name].lowercased()
        let displayName = String(form[AccountField.displayName].prefix(200))
        let password = form.raw(AccountField.password)
        var errors: [String] = []
        if !Account.isValidName(name) {
            errors.append(
                "Der Anmeldename braucht 2 bis 64 Zeichen: Kleinbuchstaben, Ziffern, Punkt, Binde- oder Unterstrich.")
        }
        if displayName.isEmpty { errors.append("Bitte den Namen der Person angeben.") }
        let role = AccessRole(rawValue: form[AccountField.role])
        if role == nil { errors.append("Bitte eine Rolle wählen.") }
        let unit = Self.unit(form[AccountField.unit], in: snapshot)
        if role == .contributor, unit == nil { errors.append("Mitwirkende brauchen ihre Organisationseinheit.") }
        if let problem = Secrets.problem(withPassword: password) { errors.append(problem) }
        if errors.isEmpty, try await pages.workspace.accounts.account(named: name) != nil {
            errors.append("Ein Konto „\(name)“ gibt es schon.")
        }
        guard errors.isEmpty, let role else {
            return try await list(request, context, form: form, errors: errors, status: .unprocessableContent)
                .response(from: request, context: context)
        }
        let account = Account(
            id: ID(Secrets.randomToken().prefix(16).description), name: name, displayName: displayName,
            createdAt: Date())
        try await pages.workspace.accounts.createAccount(
            account, passwordHash: try await Secrets.hash(password: password, cost: pages.configuration.passwordCost),
            memberships: [Membership(accountID: account.id, tenantID: access.tenantID, role: role, unitID: unit)],
            by: access.author)
        return SeeOther(location: Paths.adminAccount(name)).response(from: request, context: context)
    }

    // MARK: - One account

    func show(
        _ request: Request, _ context: AppRequestContext, newToken: String? = nil, error: String? = nil,
        notice: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> HTMLResponse {
        let snapshot = try await pages.snapshot(context)
        let (account, membership) = try await member(context)
        let href = Paths.adminAccount(account.name)
        let view = DetailView(
            csrf: context.csrfToken, member: Self.member(account, membership, snapshot),
            roles: Self.roleOptions(selected: membership.role),
            units: Self.unitOptions(snapshot, selected: membership.unitID?.rawValue), isDisabled: account.isDisabled,
            updateAction: href, resetAction: href + "/reset", disableAction: href + "/disable",
            enableAction: href + "/enable", tokenAction: href + "/tokens", newToken: newToken, error: error)
        return try pages.page(
            "account/admin-account", title: account.displayName, section: .none, content: view, context: context,
            snapshot: snapshot, status: status, notice: notice)
    }

    func update(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await FormInput.read(request, context: context, limit: pages.configuration.maxFormBytes)
        let access = try context.requireAccess()
        let snapshot = try await pages.snapshot(context)
        let (account, membership) = try await member(context)
        guard let role = AccessRole(rawValue: form[AccountField.role]) else {
            return try await show(request, context, error: "Bitte eine Rolle wählen.", status: .unprocessableContent)
                .response(from: request, context: context)
        }
        let unit = Self.unit(form[AccountField.unit], in: snapshot)
        if role == .contributor, unit == nil {
            return try await show(
                request, context, error: "Mitwirkende brauchen ihre Organisationseinheit.",
                status: .unprocessableContent
            ).response(from: request, context: context)
        }
        var changed = membership
        changed.role = role
        changed.unitID = unit
        try await pages.workspace.accounts.setMembership(changed, by: access.author)
        return SeeOther(location: Paths.adminAccount(account.name)).response(from: request, context: context)
    }

    func reset(_ request: Request, _ context: AppRequestContext) async throws -> HTMLResponse {
        let form = try await FormInput.read(request, context: context, limit: pages.configuration.maxFormBytes)
        let access = try context.requireAccess()
        let (account, _) = try await member(context)
        let password = form.raw(AccountField.password)
        if let problem = Secrets.problem(withPassword: password) {
            return try await show(request, context, error: problem, status: .unprocessableContent)
        }
        try await pages.workspace.accounts.setPasswordHash(
            try await Secrets.hash(password: password, cost: pages.configuration.passwordCost), of: account.id,
            by: access.author)
        return try await show(
            request, context, notice: "Das Passwort ist neu gesetzt; offene Anmeldungen sind beendet.")
    }

    func setDisabled(_ disabled: Bool, _ request: Request, _ context: AppRequestContext) async throws -> SeeOther {
        _ = try await FormInput.read(request, context: context, limit: pages.configuration.maxFormBytes)
        let access = try context.requireAccess()
        let (account, _) = try await member(context)
        guard account.id != access.account.id else {
            throw HTTPError(.unprocessableContent, message: "Das eigene Konto lässt sich nicht sperren.")
        }
        try await pages.workspace.accounts.setDisabled(disabled, of: account.id, by: access.author)
        return SeeOther(location: Paths.adminAccount(account.name))
    }

    func token(_ request: Request, _ context: AppRequestContext) async throws -> HTMLResponse {
        let form = try await FormInput.read(request, context: context, limit: pages.configuration.maxFormBytes)
        let access = try context.requireAccess()
        let (account, _) = try await member(context)
        guard
            let secret = try await TokenIssuer(accounts: pages.workspace.accounts).issue(
                from: form, for: account, by: access)
        else {
            return try await show(request, context, error: TokenIssuer.incomplete, status: .unprocessableContent)
        }
        return try await show(
            request, context, newToken: secret,
            notice: "Zugangsschlüssel erstellt. Er wird nur jetzt angezeigt – bitte sicher weitergeben.")
    }

    // MARK: - Helpers

    /// The accounts of the administrator's tenant, by name.
    func members(_ context: AppRequestContext) async throws -> [(Account, Membership)] {
        let access = try context.requireAccess()
        let accounts = pages.workspace.accounts
        var result: [(Account, Membership)] = []
        for membership in try await accounts.members(of: access.tenantID) {
            if let account = try await accounts.account(membership.accountID) { result.append((account, membership)) }
        }
        return result.sorted { $0.0.name < $1.0.name }
    }

    /// The account of the path, if it belongs to the administrator's tenant; otherwise 404, as if it did not exist.
    func member(_ context: AppRequestContext) async throws -> (Account, Membership) {
        let name = try context.parameters.require("account")
        guard let found = try await members(context).first(where: { $0.0.name == name }) else {
            throw HTTPError(.notFound, message: "Ein Konto „\(name)“ gibt es in dieser Kommune nicht.")
        }
        return found
    }

    static func member(_ account: Account, _ membership: Membership, _ snapshot: TenantSnapshot) -> Member {
        Member(
            name: account.name, displayName: account.displayName, role: membership.role.label,
            unit: membership.unitID.map { snapshot.unit($0.rawValue)?.name ?? $0.rawValue } ?? "–",
            status: account.isDisabled ? "gesperrt" : "aktiv", href: Paths.adminAccount(account.name))
    }

    static func roleOptions(selected: AccessRole?) -> [SelectOption] {
        AccessRole.allCases.map { .init(value: $0.rawValue, label: $0.label, isSelected: $0 == selected) }
    }

    static func unitOptions(_ snapshot: TenantSnapshot, selected: String?) -> [SelectOption] {
        snapshot.map.units.sorted { $0.name < $1.name }.map {
            .init(value: $0.id.rawValue, label: $0.name, isSelected: $0.id.rawValue == selected)
        }
    }

    static func unit(_ value: String, in snapshot: TenantSnapshot) -> ID<OrgUnit>? {
        snapshot.unit(value)?.id
    }
}

enum AccountField: String, FormField {
    case name
    case displayName = "display-name"
    case role, unit, password
}
