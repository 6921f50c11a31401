public import AmtswegCore
public import Foundation
import SQLKit

extension SQLMapRepository: AccountRepository {
    static let accountColumns = ["id", "name", "display_name", "disabled", "created_at"]

    public func accounts() async throws -> [Account] {
        try await run { db in
            try await db.select().columns(Self.accountColumns).from("accounts").orderBy("name").all()
                .map(Self.account(from:))
        }
    }

    public func account(named name: String) async throws -> Account? {
        try await run { db in
            try await db.select().columns(Self.accountColumns).from("accounts").where("name", .equal, name).first()
                .map(Self.account(from:))
        }
    }

    public func account(_ id: ID<Account>) async throws -> Account? {
        try await run { db in
            try await db.select().columns(Self.accountColumns).from("accounts").where("id", .equal, id.rawValue)
                .first().map(Self.account(from:))
        }
    }

    public func memberships(of account: ID<Account>) async throws -> [Membership] {
        try await run { db in
            try await db.select().columns("account_id", "tenant_id", "role", "unit_id").from("memberships")
                .where("account_id", .equal, account.rawValue).orderBy("tenant_id").all().map(Self.membership(from:))
        }
    }

    public func members(of tenant: ID<Tenant>) async throws -> [Membership] {
        try await run { db in
            try await db.select().columns("account_id", "tenant_id", "role", "unit_id").from("memberships")
                .where("tenant_id", .equal, tenant.rawValue).orderBy("account_id").all().map(Self.membership(from:))
        }
    }

    public func createAccount(
        _ account: Account, passwordHash: String, memberships: [Membership], by author: Author
    ) async throws {
        let at = now()
        try await runInTransaction(changing: StoreChangeKind.tenantData.union([.accounts])) { db in
            if try await db.select().column("id").from("accounts").where("name", .equal, account.name).first() != nil {
                throw StoreError.conflict("Ein Konto „\(account.name)“ gibt es schon.")
            }
            try await db.insert(into: "accounts")
                .columns(
                    "id", "name", "display_name", "password_hash", "disabled", "failed_logins", "locked_until",
                    "created_at"
                )
                .values(
                    SQLBind(account.id.rawValue), SQLBind(account.name), SQLBind(account.displayName),
                    SQLBind(passwordHash), SQLBind(account.isDisabled ? 1 : 0), SQLBind(0), SQLLiteral.null,
                    SQLBind(account.createdAt.formatted(.iso8601))
                ).run()
            for membership in memberships {
                try await Self.write(membership, in: db)
                try await Self.log(
                    ChangeRecord(
                        tenantID: membership.tenantID, at: at, author: author, action: "createAccount",
                        summary: "Konto angelegt: \(account.name) als \(membership.role.label)",
                        object: "account:\(account.name)"), in: db)
            }
        }
    }

    public func setMembership(_ membership: Membership, by author: Author) async throws {
        let at = now()
        try await runInTransaction(changing: StoreChangeKind.tenantData.union([.accounts])) { db in
            let name = try await Self.requireAccountName(membership.accountID, in: db)
            try await db.delete(from: "memberships").where("account_id", .equal, membership.accountID.rawValue)
                .where("tenant_id", .equal, membership.tenantID.rawValue).run()
            try await Self.write(membership, in: db)
            try await Self.log(
                ChangeRecord(
                    tenantID: membership.tenantID, at: at, author: author, action: "setRole",
                    summary: "Rolle von \(name): \(membership.role.label)", object: "account:\(name)"), in: db)
        }
    }

    public func setPasswordHash(_ hash: String, of account: ID<Account>, by author: Author) async throws {
        try await changeAccount(account, by: author, action: "setPassword", summary: "Passwort geändert") { db in
            try await db.update("accounts").set("password_hash", to: hash).set("failed_logins", to: 0)
                .set("locked_until", to: SQLLiteral.null).where("id", .equal, account.rawValue).run()
            // A new password ends every session that knew the old one.
            try await db.delete(from: "sessions").where("account_id", .equal, account.rawValue).run()
        }
    }

    public func setDisabled(_ disabled: Bool, of account: ID<Account>, by author: Author) async throws {
        let at = now()
        try await changeAccount(
            account, by: author, action: disabled ? "disableAccount" : "enableAccount",
            summary: disabled ? "Konto gesperrt" : "Konto entsperrt"
        ) { db in
            try await db.update("accounts").set("disabled", to: disabled ? 1 : 0).where("id", .equal, account.rawValue)
                .run()
            if disabled {
                try await db.delete(from: "sessions").where("account_id", .equal, account.rawValue).run()
                try await db.update("access_tokens").set("revoked_at", to: at.formatted(.iso8601))
                    .where("account_id", .equal, account.rawValue).where("revoked_at", .is, SQLLiteral.null).run()
            }
        }
    }

    /// Runs an account change and logs it once in every tenant the account belongs to.
    private func changeAccount(
        _ account: ID<Account>, by author: Author, action: String, summary: String,
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> Void
    ) async throws {
        let at = now()
        try await runInTransaction(changing: StoreChangeKind.tenantData.union([.accounts])) { db in
            let name = try await Self.requireAccountName(account, in: db)
            try await body(db)
            let tenants = try await db.select().column("tenant_id").from("memberships")
                .where("account_id", .equal, account.rawValue).all(decodingColumn: "tenant_id", as: String.self)
            for tenant in tenants {
                try await Self.log(
                    ChangeRecord(
                        tenantID: ID(tenant), at: at, author: author, action: action, summary: "\(summary): \(name)",
                        object: "account:\(name)"), in: db)
            }
        }
    }

    public func credentials(of account: ID<Account>) async throws -> Credentials? {
        try await run { db in
            try await db.select().columns("password_hash", "failed_logins", "locked_until").from("accounts")
                .where("id", .equal, account.rawValue).first().map { row in
                    Credentials(
                        passwordHash: try row.decode(column: "password_hash", as: String.self),
                        failedLogins: try row.decode(column: "failed_logins", as: Int.self),
                        lockedUntil: try row.decode(column: "locked_until", as: String?.self).flatMap(Self.date))
                }
        }
    }

    public func recordFailedLogin(of account: ID<Account>, threshold: Int, lockUntil: Date) async throws {
        try await runInTransaction(changing: []) { db in
            let failed =
                try await db.select().column("failed_logins").from("accounts").where("id", .equal, account.rawValue)
                .first(decodingColumn: "failed_logins", as: Int.self) ?? 0
            // The count starts again after the lockout, so each further run of failures locks anew.
            let locks = failed + 1 >= threshold
            let update = db.update("accounts").set("failed_logins", to: locks ? 0 : failed + 1)
            if locks { _ = update.set("locked_until", to: lockUntil.formatted(.iso8601)) }
            try await update.where("id", .equal, account.rawValue).run()
        }
    }

    public func recordSuccessfulLogin(of account: ID<Account>) async throws {
        try await runInTransaction(changing: []) { db in
            try await db.update("accounts").set("failed_logins", to: 0).set("locked_until", to: SQLLiteral.null)
                .where("id", .equal, account.rawValue).run()
        }
    }

    // MARK: - Sessions

    public func createSession(_ session: StoredSession) async throws {
        try await runInTransaction(changing: [.accounts]) { db in
            try await db.insert(into: "sessions")
                .columns("token_hash", "account_id", "tenant_id", "created_at", "expires_at")
                .values(
                    session.hash, session.accountID.rawValue, session.tenantID.rawValue,
                    session.createdAt.formatted(.iso8601), session.expiresAt.formatted(.iso8601)
                ).run()
        }
    }

    public func session(hash: String) async throws -> StoredSession? {
        try await run { db in
            try await db.select().columns("token_hash", "account_id", "tenant_id", "created_at", "expires_at")
                .from("sessions").where("token_hash", .equal, hash).first().map { row in
                    StoredSession(
                        hash: hash, accountID: ID(try row.decode(column: "account_id", as: String.self)),
                        tenantID: ID(try row.decode(column: "tenant_id", as: String.self)),
                        createdAt: Self.date(try row.decode(column: "created_at", as: String.self)) ?? .distantPast,
                        expiresAt: Self.date(try row.decode(column: "expires_at", as: String.self)) ?? .distantPast)
                }
        }
    }

    public func deleteSession(hash: String) async throws {
        try await runInTransaction(changing: [.accounts]) { db in
            try await db.delete(from: "sessions").where("token_hash", .equal, hash).run()
        }
    }

    public func deleteSessions(expiredBefore date: Date) async throws {
        try await runInTransaction(changing: [.accounts]) { db in
            try await db.delete(from: "sessions").where("expires_at", .lessThan, date.formatted(.iso8601)).run()
        }
    }

    // MARK: - Access tokens

    static let tokenColumns = [
        "id", "account_id", "tenant_id", "label", "scope", "created_at", "last_used_at", "revoked_at",
    ]

    public func createToken(_ token: AccessToken, hash: String, by author: Author) async throws {
        let at = now()
        try await runInTransaction(changing: [.accounts]) { db in
            let name = try await Self.requireAccountName(token.accountID, in: db)
            try await db.insert(into: "access_tokens").columns(["token_hash"] + Self.tokenColumns)
                .values(
                    SQLBind(hash), SQLBind(token.id.rawValue), SQLBind(token.accountID.rawValue),
                    SQLBind(token.tenantID.rawValue), SQLBind(token.label), SQLBind(token.scope.rawValue),
                    SQLBind(token.createdAt.formatted(.iso8601)), SQLLiteral.null, SQLLiteral.null
                ).run()
            try await Self.log(
                ChangeRecord(
                    tenantID: token.tenantID, at: at, author: author, action: "createToken",
                    summary: "Zugangsschlüssel „\(token.label)“ (\(token.scope.rawValue)) für \(name) erstellt",
                    object: "accessToken:\(token.id)"), in: db)
        }
    }

    public func token(hash: String) async throws -> AccessToken? {
        try await run { db in
            try await db.select().columns(Self.tokenColumns).from("access_tokens").where("token_hash", .equal, hash)
                .first().map(Self.token(from:))
        }
    }

    public func tokens(of account: ID<Account>) async throws -> [AccessToken] {
        try await run { db in
            try await db.select().columns(Self.tokenColumns).from("access_tokens")
                .where("account_id", .equal, account.rawValue).orderBy("created_at").all().map(Self.token(from:))
        }
    }

    public func touchToken(_ id: ID<AccessToken>, at date: Date) async throws {
        try await runInTransaction(changing: []) { db in
            try await db.update("access_tokens").set("last_used_at", to: date.formatted(.iso8601))
                .where("id", .equal, id.rawValue).run()
        }
    }

    public func revokeToken(_ id: ID<AccessToken>, of account: ID<Account>, by author: Author) async throws {
        let at = now()
        try await runInTransaction(changing: [.accounts]) { db in
            guard
                let row = try await db.select().columns(Self.tokenColumns).from("access_tokens")
                    .where("id", .equal, id.rawValue).where("account_id", .equal, account.rawValue).first()
            else { throw StoreError.notFound(kind: .accessToken, id: id.rawValue) }
            let token = try Self.token(from: row)
            try await db.update("access_tokens").set("revoked_at", to: at.formatted(.iso8601))
                .where("id", .equal, id.rawValue).run()
            try await Self.log(
                ChangeRecord(
                    tenantID: token.tenantID, at: at, author: author, action: "revokeToken",
                    summary: "Zugangsschlüssel „\(token.label)“ widerrufen", object: "accessToken:\(id)"), in: db)
        }
    }

    // MARK: - Audit

    public func audit(_ record: ChangeRecord) async throws {
        try await runInTransaction(changing: []) { db in try await Self.log(record, in: db) }
    }

    public func auditLog(of tenant: ID<Tenant>, since: Date?, limit: Int) async throws -> [ChangeRecord] {
        try await run { db in
            let query = db.select().columns("at", "author_id", "author_name", "action", "summary", "object")
                .from("change_log").where("tenant_id", .equal, tenant.rawValue)
            if let since { query.where("at", .greaterThanOrEqual, since.formatted(.iso8601)) }
            return try await query.orderBy("seq", .descending).limit(limit).all().map { row in
                ChangeRecord(
                    tenantID: tenant, at: Self.date(try row.decode(column: "at", as: String.self)) ?? .distantPast,
                    author: Author(
                        id: try row.decode(column: "author_id", as: String.self),
                        displayName: try row.decode(column: "author_name", as: String.self)),
                    action: try row.decode(column: "action", as: String.self),
                    summary: try row.decode(column: "summary", as: String.self),
                    object: try row.decode(column: "object", as: String.self))
            }
        }
    }

    // MARK: - Rows

    static func date(_ text: String) -> Date? { try? Date(text, strategy: .iso8601) }

    static func account(from row: any SQLRow) throws -> Account {
        Account(
            id: ID(try row.decode(column: "id", as: String.self)),
            name: try row.decode(column: "name", as: String.self),
            displayName: try row.decode(column: "display_name", as: String.self),
            isDisabled: try row.decode(column: "disabled", as: Int.self) != 0,
            createdAt: date(try row.decode(column: "created_at", as: String.self)) ?? .distantPast)
    }

    static func membership(from row: any SQLRow) throws -> Membership {
        let role = try row.decode(column: "role", as: String.self)
        return Membership(
            accountID: ID(try row.decode(column: "account_id", as: String.self)),
            tenantID: ID(try row.decode(column: "tenant_id", as: String.self)),
            // A role this version does not know grants nothing beyond reading.
            role: AccessRole(rawValue: role) ?? .reader,
            unitID: try row.decode(column: "unit_id", as: String?.self).map { ID($0) })
    }

    static func token(from row: any SQLRow) throws -> AccessToken {
        AccessToken(
            id: ID(try row.decode(column: "id", as: String.self)),
            accountID: ID(try row.decode(column: "account_id", as: String.self)),
            tenantID: ID(try row.decode(column: "tenant_id", as: String.self)),
            label: try row.decode(column: "label", as: String.self),
            scope: AccessToken.Scope(rawValue: try row.decode(column: "scope", as: String.self)) ?? .read,
            createdAt: date(try row.decode(column: "created_at", as: String.self)) ?? .distantPast,
            lastUsedAt: try row.decode(column: "last_used_at", as: String?.self).flatMap(date),
            revokedAt: try row.decode(column: "revoked_at", as: String?.self).flatMap(date))
    }

    static func write(_ membership: Membership, in db: any SQLDatabase) async throws {
        try await db.insert(into: "memberships").columns("account_id", "tenant_id", "role", "unit_id")
            .values(
                SQLBind(membership.accountID.rawValue), SQLBind(membership.tenantID.rawValue),
                SQLBind(membership.role.rawValue),
                membership.unitID.map { SQLBind($0.rawValue) as any SQLExpression } ?? SQLLiteral.null
            ).run()
    }

    static func requireAccountName(_ id: ID<Account>, in db: any SQLDatabase) async throws -> String {
        guard
            let name = try await db.select().column("name").from("accounts").where("id", .equal, id.rawValue)
                .first(decodingColumn: "name", as: String.self)
        else { throw StoreError.notFound(kind: .account, id: id.rawValue) }
        return name
    }
}
