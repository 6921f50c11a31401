import AmtswegCore
import AmtswegServer
import AmtswegStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Passwords, sessions and tokens: hashed, throttled, locked, ended, revoked — and never logged.
@Suite struct SignInTests {
    /// Signs in through the form as a browser does; returns the session cookie, or the refusal page.
    static func signIn(_ client: any TestClientProtocol, name: String, password: String) async throws -> (
        cookie: String?, page: String
    ) {
        let browser = try await Browser.start(client, uri: "/login")
        let (headers, body) = browser.form([("name", name), ("password", password), ("next", "/map")])
        return try await client.execute(uri: "/login", method: .post, headers: headers, body: body) { response in
            let cookie = response.headers[values: .setCookie].first { $0.hasPrefix("amtsweg_session=") }
                .map { String($0.prefix { $0 != ";" }) }
            if cookie != nil {
                #expect(response.status == .seeOther && response.headers[.location] == "/map")
                let attributes = try #require(
                    response.headers[values: .setCookie].first { $0.hasPrefix("amtsweg_session=") })
                #expect(attributes.contains("HttpOnly") && attributes.contains("SameSite=Lax"))
            }
            return (cookie, response.text)
        }
    }

    static func status(_ client: any TestClientProtocol, _ path: String, cookie: String) async throws
        -> HTTPResponse.Status
    {
        try await client.execute(uri: path, method: .get, headers: [.cookie: cookie]) { $0.status }
    }

    /// Behind a TLS-terminating proxy the server itself speaks plain http; the proxy's report of https makes the
    /// session cookie `Secure`, and without it (a plain http installation) the cookie must still work.
    @Test(arguments: [
        ("X-Forwarded-Proto", "https", true), ("Forwarded", "for=10.0.0.1;proto=https", true),
        ("X-Forwarded-Proto", "http", false),
    ])
    func sessionCookieIsSecureBehindAnHTTPSProxy(header: String, value: String, secure: Bool) async throws {
        let server = try await TestServer(localMode: false)
        try await server.member("anna", role: .reader)
        try await server.run { client in
            let browser = try await Browser.start(client, uri: "/login")
            var (headers, body) = browser.form([("name", "anna"), ("password", TestServer.password), ("next", "/")])
            headers[.init(header)!] = value
            try await client.execute(uri: "/login", method: .post, headers: headers, body: body) { response in
                let cookie = try #require(
                    response.headers[values: .setCookie].first { $0.hasPrefix("amtsweg_session=") })
                #expect(cookie.contains("; Secure") == secure, "\(cookie)")
            }
        }
    }

    @Test func bcryptHashesVerifyAndDifferPerAccount() async throws {
        let server = try await TestServer(localMode: false)
        let (first, _) = try await server.member("erste", role: .reader)
        let (second, _) = try await server.member("zweite", role: .reader)
        let a = try #require(try await server.workspace.accounts.credentials(of: first.id)).passwordHash
        let b = try #require(try await server.workspace.accounts.credentials(of: second.id)).passwordHash
        #expect(a.hasPrefix("$2") && b.hasPrefix("$2") && a != b, "same password, different salts")
        #expect(try await Secrets.verify(password: TestServer.password, hash: a))
        #expect(try await Secrets.verify(password: TestServer.password, hash: b))
        #expect(!(try await Secrets.verify(password: TestServer.password + "x", hash: a)))
    }

    @Test func signInSignOutAndTheSessionEnds() async throws {
        let server = try await TestServer(localMode: false)
        try await server.member("anna", role: .reader)
        try await server.run { client in
            let (cookie, _) = try await Self.signIn(client, name: "anna", password: TestServer.password)
            let session = try #require(cookie)
            #expect(try await Self.status(client, "/map", cookie: session) == .ok)
            // Signing out needs the form token too.
            let browser = try await Browser.start(client, uri: "/login")
            var (headers, body) = browser.form([])
            headers[.cookie] = browser.cookie + "; " + session
            try await client.execute(uri: "/logout", method: .post, headers: headers, body: body) {
                #expect($0.status == .seeOther)
            }
            #expect(
                try await Self.status(client, "/map", cookie: session) == .seeOther, "a signed-out session is refused")
        }
    }

    @Test func anExpiredSessionIsRefused() async throws {
        let server = try await TestServer(localMode: false)
        let (account, _) = try await server.member("alt", role: .reader)
        let cookie = Secrets.randomToken()
        try await server.workspace.accounts.createSession(
            StoredSession(
                hash: Secrets.hash(token: cookie), accountID: account.id, tenantID: try server.tenant,
                createdAt: Date().addingTimeInterval(-9 * 3600), expiresAt: Date().addingTimeInterval(-3600)))
        try await server.run { client in
            try await client.execute(uri: "/map", method: .get, headers: [.cookie: "amtsweg_session=\(cookie)"]) {
                #expect($0.status == .seeOther)
                #expect($0.headers[.location] == "/login?next=%2Fmap")
            }
            // The sign-in page it leads to removes the stale cookie.
            try await client.execute(
                uri: "/login?next=%2Fmap", method: .get, headers: [.cookie: "amtsweg_session=\(cookie)"]
            ) {
                #expect($0.status == .ok)
                #expect($0.headers[values: .setCookie].contains { $0.hasPrefix("amtsweg_session=;") })
            }
        }
    }

    @Test func repeatedFailuresLockTheAccountAndAreAudited() async throws {
        let server = try await TestServer(localMode: false)
        let threshold = server.configuration.lockoutThreshold
        try await server.member("bernd", role: .reader)
        let (workspace, tenant) = (server.workspace, try server.tenant)
        try await server.run { client in
            for _ in 0..<threshold {
                let (cookie, page) = try await Self.signIn(client, name: "bernd", password: "falsch-falsch-falsch")
                #expect(cookie == nil)
                #expect(page.contains("Anmeldename oder Passwort stimmen nicht."))
            }
            let (cookie, page) = try await Self.signIn(client, name: "bernd", password: TestServer.password)
            #expect(cookie == nil, "locked: even the right password is refused")
            #expect(page.contains("gesperrt"))
            let failures = try await workspace.accounts.auditLog(of: tenant, since: nil, limit: 100)
                .filter { $0.action == "loginFailed" && $0.object == "account:bernd" }
            #expect(failures.count == threshold + 1)
        }
    }

    @Test func throttlingStopsGuessingAtAName() async throws {
        let server = try await TestServer(localMode: false)
        try await server.run { client in
            for _ in 0..<10 {
                let (_, page) = try await Self.signIn(client, name: "niemand", password: "rate-mal-1234")
                #expect(page.contains("Anmeldename oder Passwort stimmen nicht."))
            }
            let (_, page) = try await Self.signIn(client, name: "niemand", password: "rate-mal-1234")
            #expect(page.contains("Zu viele Anmeldeversuche"))
        }
    }

    /// The server keeps tokens in memory for a few seconds; a revocation written by another process (the
    /// `amtsweg token` command against the same database) ends the token once that time is up.
    @Test func aTokenRevokedByAnotherProcessEndsSoon() async throws {
        let server = try await TestServer(localMode: false)
        let (account, token) = try await server.member("erik", role: .reader)
        let store = server.workspace.repository  // the store itself, as another process sees it
        try await server.run { client in
            try await client.execute(uri: "/api/v1/units", method: .get, headers: .api(token)) {
                #expect($0.status == .ok)
            }
            let stored = try #require(try await store.tokens(of: account.id).first)
            try await store.revokeToken(stored.id, of: account.id, by: .local)
            var status = HTTPResponse.Status.ok
            for _ in 0..<60 where status == .ok {
                try await Task.sleep(for: .milliseconds(250))
                status = try await client.execute(uri: "/api/v1/units", method: .get, headers: .api(token)) {
                    $0.status
                }
            }
            #expect(status == .unauthorized, "refused within fifteen seconds")
        }
    }

    @Test func revokedTokensAndDisabledAccountsAreRefused() async throws {
        let server = try await TestServer(localMode: false)
        let (account, token) = try await server.member("carla", role: .reader)
        let (other, otherToken) = try await server.member("dora", role: .reader)
        let accounts = server.workspace.accounts
        try await server.run { client in
            try await client.execute(uri: "/api/v1/units", method: .get, headers: .api(token)) {
                #expect($0.status == .ok)
            }
            let stored = try #require(try await accounts.tokens(of: account.id).first)
            #expect(stored.lastUsedAt != nil, "last use is shown")
            try await accounts.revokeToken(stored.id, of: account.id, by: .local)
            try await client.execute(uri: "/api/v1/units", method: .get, headers: .api(token)) {
                #expect($0.status == .unauthorized)
            }
            // Used once, so the server keeps the token and account in memory; disabling must still end it at once.
            try await client.execute(uri: "/api/v1/units", method: .get, headers: .api(otherToken)) {
                #expect($0.status == .ok)
            }
            try await accounts.setDisabled(true, of: other.id, by: .local)
            try await client.execute(uri: "/api/v1/units", method: .get, headers: .api(otherToken)) {
                #expect($0.status == .unauthorized)
            }
            try await client.execute(
                uri: "/api/v1/units", method: .get, headers: .api("amtsweg_" + String(repeating: "0", count: 64))
            ) {
                #expect($0.status == .unauthorized)
                #expect($0.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            }
        }
    }

    @Test func readOnlyTokensCannotWrite() async throws {
        let server = try await TestServer(localMode: false)
        let (_, token) = try await server.member("emil", role: .administration, scope: .read)
        try await server.run { client in
            try await client.execute(
                uri: "/api/v1/findings", method: .post, headers: .api(token), body: ByteBuffer(string: "{}")
            ) {
                #expect($0.status == .forbidden)
            }
        }
    }

    @Test func noPasswordOrTokenIsEverLogged() async throws {
        let log = CapturedLog()
        let server = try await TestServer(localMode: false, log: log)
        let (_, token) = try await server.member("frida", role: .administration)
        try await server.run { client in
            _ = try await Self.signIn(client, name: "frida", password: "ein-falsches-passwort-123")
            let (cookie, _) = try await Self.signIn(client, name: "frida", password: TestServer.password)
            let session = try #require(cookie)
            let browser = try await Browser.start(client, uri: "/login")
            var (headers, body) = browser.form([
                ("current-password", TestServer.password), ("new-password", "ganz-neues-geheimnis-42"),
                ("repeat-password", "ganz-neues-geheimnis-42"),
            ])
            headers[.cookie] = browser.cookie + "; " + session
            try await client.execute(uri: "/account/password", method: .post, headers: headers, body: body) {
                #expect($0.status == .seeOther)
            }
            try await client.execute(uri: "/api/v1/tenant", method: .get, headers: .api(token)) {
                #expect($0.status == .ok)
            }
            try await client.execute(uri: "/api/v1/nicht-da", method: .get, headers: .api(token)) { _ in }
        }
        let lines = log.all
        #expect(!lines.isEmpty, "the server logged its requests")
        let secrets = [TestServer.password, "ein-falsches-passwort-123", "ganz-neues-geheimnis-42", token]
        for secret in secrets {
            #expect(!lines.contains { $0.contains(secret) }, "a log line contains a secret")
        }
    }
}
