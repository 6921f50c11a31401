import AmtswegCore
import AmtswegStore
import Foundation
import Synchronization

/// Signing in and out: the password check, throttling, the lockout after repeated failures, the session, and
/// an audit entry for every attempt. Passwords and tokens pass through here and are never logged.
struct SignIn: Sendable {
    enum Outcome: Sendable {
        /// Signed in: the cookie value (shown to the browser only) and the session.
        case signedIn(cookie: String, session: StoredSession)
        case refused(String)
    }

    let workspace: Workspace
    let configuration: ServerConfiguration
    let throttle: LoginThrottle

    static let refusal = "Anmeldename oder Passwort stimmen nicht."

    func signIn(name: String, password: String, address: String) async throws -> Outcome {
        let accounts = workspace.accounts
        let name = name.lowercased().trimmingCharacters(in: .whitespaces)
        guard throttle.allow(name: name, address: address) else {
            return .refused("Zu viele Anmeldeversuche. Bitte eine Minute warten.")
        }
        let now = Date()
        guard let account = try await accounts.account(named: name), !account.isDisabled,
            let credentials = try await accounts.credentials(of: account.id)
        else {
            _ = try await Secrets.verify(password: password, hash: Secrets.decoyHash(cost: configuration.passwordCost))
            throttle.failed(name: name, address: address)
            try await accounts.audit(
                ChangeRecord(
                    tenantID: "", at: now, author: Author(id: "anonymous", displayName: "unbekannt"),
                    action: "loginFailed", summary: "Anmeldung mit unbekanntem oder gesperrtem Namen",
                    object: "account:\(String(name.prefix(64)))"))
            return .refused(Self.refusal)
        }
        let memberships = try await accounts.memberships(of: account.id)
        if let lockedUntil = credentials.lockedUntil, lockedUntil > now {
            try await audit(account, memberships, "loginFailed", "Anmeldung während der Sperre abgelehnt", now)
            return .refused(
                "Das Konto ist nach mehreren Fehlversuchen bis \(lockedUntil.formatted(date: .omitted, time: .shortened)) Uhr (UTC) gesperrt."
            )
        }
        guard try await Secrets.verify(password: password, hash: credentials.passwordHash) else {
            throttle.failed(name: name, address: address)
            try await accounts.recordFailedLogin(
                of: account.id, threshold: configuration.lockoutThreshold,
                lockUntil: now.addingTimeInterval(configuration.lockoutDuration))
            try await audit(account, memberships, "loginFailed", "Falsches Passwort", now)
            return .refused(Self.refusal)
        }
        guard let membership = memberships.first else {
            return .refused("Das Konto gehört noch zu keiner Kommune. Bitte an die Administration wenden.")
        }
        try await accounts.recordSuccessfulLogin(of: account.id)
        let cookie = Secrets.randomToken()
        let session = StoredSession(
            hash: Secrets.hash(token: cookie), accountID: account.id, tenantID: membership.tenantID, createdAt: now,
            expiresAt: now.addingTimeInterval(configuration.sessionLifetime))
        try await accounts.deleteSessions(expiredBefore: now)
        try await accounts.createSession(session)
        try await audit(account, memberships, "login", "Angemeldet", now)
        return .signedIn(cookie: cookie, session: session)
    }

    func signOut(_ access: Access) async throws {
        guard case .session(let hash) = access.means else { return }
        try await workspace.accounts.deleteSession(hash: hash)
        try await workspace.accounts.audit(
            ChangeRecord(
                tenantID: access.tenantID, at: Date(), author: access.author, action: "logout", summary: "Abgemeldet",
                object: "account:\(access.account.name)"))
    }

    private func audit(
        _ account: Account, _ memberships: [Membership], _ action: String, _ summary: String, _ at: Date
    ) async throws {
        for membership in memberships {
            try await workspace.accounts.audit(
                ChangeRecord(
                    tenantID: membership.tenantID, at: at, author: account.author, action: action, summary: summary,
                    object: "account:\(account.name)"))
        }
    }
}

/// At most a few sign-in attempts per name and per client address each minute, in this instance's memory:
/// it slows down guessing before the stored lockout (which holds across instances) takes over.
final class LoginThrottle: Sendable {
    let perMinute: Int
    private let failures = Mutex<[String: [Date]]>([:])

    init(perMinute: Int = 10) { self.perMinute = perMinute }

    /// The keys an attempt counts under; an unknown address (empty) counts under the name only.
    private func keys(_ name: String, _ address: String) -> [String] {
        address.isEmpty ? ["n:" + name] : ["n:" + name, "a:" + address]
    }

    func allow(name: String, address: String) -> Bool {
        let cutoff = Date().addingTimeInterval(-60)
        return failures.withLock { failures in
            for key in keys(name, address) {
                failures[key] = failures[key]?.filter { $0 > cutoff }
                if (failures[key]?.count ?? 0) >= perMinute { return false }
            }
            return true
        }
    }

    func failed(name: String, address: String) {
        let now = Date()
        failures.withLock { failures in
            if failures.count > 10_000 { failures.removeAll() }
            for key in keys(name, address) { failures[key, default: []].append(now) }
        }
    }
}
