import AmtswegCore
@testable import AmtswegServer
import AmtswegStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

/// Kept answers replayed before the router (``ReplayedAnswers``), over a real socket: only to the identical request,
/// never after a write, a sign-out or a revoked token, never past the second they were made in — and logged and
/// counted like every other answer.
@Suite struct ReplayTests {
    /// The server's clock, moved by the test.
    final class Clock: Sendable {
        let time = Mutex(Date(timeIntervalSince1970: 1_800_000_000.25))
        var now: @Sendable () -> Date { { self.time.withLock { $0 } } }
    }

    /// Signs in through the form; the cookies a browser then sends (form token and session).
    static func signedIn(_ client: any TestClientProtocol, _ name: String) async throws -> Browser {
        let (session, _) = try await SignInTests.signIn(client, name: name, password: TestServer.password)
        var browser = try await Browser.start(client, uri: "/login")
        browser.cookie += "; " + (try #require(session))
        return browser
    }

    @Test func onlyTheIdenticalRequestGetsAKeptAnswerAndEachIsLoggedAndCounted() async throws {
        let log = CapturedLog()
        let server = try await TestServer(
            localMode: false, log: log, metricsToken: "geheim", live: true, now: Clock().now)
        try await server.member("anna", role: .reader)
        try await server.member("bert", role: .processManagement)
        let replay = try #require(server.replay)
        try await server.run { client in
            let anna = try await Self.signedIn(client, "anna")
            let bert = try await Self.signedIn(client, "bert")
            var seen: [String] = []
            for _ in 0..<3 {
                try await client.execute(uri: "/map", method: .get, headers: anna.headers) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[ReplayMark.field] == nil, "the mark never leaves the server")
                    #expect(response.headers[.contentSecurityPolicy] != nil, "a replay has every header")
                    seen.append(response.text)
                }
            }
            #expect(replay.replayCount == 2)
            #expect(Set(seen).count == 1 && seen[0].contains("Person anna") && seen[0].contains(anna.token))
            // Another person asking for the same page gets their own.
            let other = try await client.execute(uri: "/map", method: .get, headers: bert.headers) { $0.text }
            #expect(replay.replayCount == 2)
            #expect(other.contains("Person bert") && !other.contains("Person anna") && !other.contains(anna.token))
            // The same person in English: another request, another answer.
            var english = anna.headers
            english[.cookie] = anna.cookie + "; amtsweg_lang=en"
            let translated = try await client.execute(uri: "/map", method: .get, headers: english) { $0.text }
            #expect(replay.replayCount == 2 && translated.contains("lang=\"en\""))

            let metrics = try await client.execute(
                uri: "/metrics", method: .get, headers: [.authorization: "Bearer geheim"]
            ) { $0.text }
            let line = metrics.split(separator: "\n").first {
                $0.hasPrefix("amtsweg_http_requests_total{") && $0.contains(#"route="/map""#)
                    && $0.contains(#"status="200""#)
            }
            #expect(line?.hasSuffix(" 5") == true, "\(line ?? "no line for /map")")
        }
        let logged = log.all.filter {
            $0.hasPrefix("info request") && ($0.contains("\"path\": /map,") || $0.contains("\"path\": /map]"))
        }
        #expect(logged.count == 5, "\(logged)")
    }

    @Test func aWriteASignOutOrARevokedTokenEndsTheReplayAtOnce() async throws {
        let server = try await TestServer(localMode: false, live: true, now: Clock().now)
        let (account, token) = try await server.member("carla", role: .processManagement)
        let replay = try #require(server.replay)
        let (workspace, tenant) = (server.workspace, try server.tenant)
        try await server.run { client in
            let carla = try await Self.signedIn(client, "carla")
            _ = try await carla.page(client, "/map")
            _ = try await carla.page(client, "/map")
            #expect(replay.replayCount == 1)

            // A unit that owns a process renamed in the working state, which process management sees.
            var map = try await workspace.snapshot(of: tenant).map
            let owner = try #require(try await workspace.snapshot(of: tenant).records.first?.ownerUnitID)
            let index = try #require(map.units.firstIndex { $0.id == owner })
            map.units[index].name = "Amt für wiederholte Antworten"
            try await workspace.saveMap(
                map, change: MapChange(action: "updateUnit", object: "unit:\(owner)", summary: "Name"),
                by: .local, basedOn: nil)
            #expect(try await carla.page(client, "/map").contains("Amt für wiederholte Antworten"))
            #expect(replay.replayCount == 1, "not replayed after the write")
            _ = try await carla.page(client, "/map")
            #expect(replay.replayCount == 2)

            let (headers, body) = carla.form([])
            try await client.execute(uri: "/logout", method: .post, headers: headers, body: body) {
                #expect($0.status == .seeOther)
            }
            try await client.execute(uri: "/map", method: .get, headers: carla.headers) {
                #expect($0.status == .seeOther, "a signed-out session gets no kept page")
            }
            #expect(replay.replayCount == 2)

            // The token's first use notes when it was used (a change of accounts): its answer is not kept, the
            // next one is, and the third is replayed.
            for _ in 0..<3 {
                try await client.execute(uri: "/api/v1/units", method: .get, headers: .api(token)) {
                    #expect($0.status == .ok)
                    #expect($0.headers[.setCookie] == nil, "an API client gets no form cookie")
                }
            }
            #expect(replay.replayCount == 3)
            let stored = try #require(try await workspace.accounts.tokens(of: account.id).first)
            try await workspace.accounts.revokeToken(stored.id, of: account.id, by: .local)
            try await client.execute(uri: "/api/v1/units", method: .get, headers: .api(token)) {
                #expect($0.status == .unauthorized)
            }
            #expect(replay.replayCount == 3)
        }
    }

    @Test func aKeptAnswerIsReplayedWithinTheSecondItWasMadeIn() async throws {
        let clock = Clock()
        let server = try await TestServer(live: true, now: clock.now)
        let replay = try #require(server.replay)
        try await server.run { client in
            let browser = try await Browser.start(client, uri: "/processes")
            let first = try await browser.page(client, "/processes")
            clock.time.withLock { $0 += 0.7 }
            #expect(try await browser.page(client, "/processes") == first)
            #expect(replay.replayCount == 1)
            // The next second: made again (from the kept view), then replayed within that second.
            clock.time.withLock { $0 += 0.1 }
            #expect(try await browser.page(client, "/processes") == first)
            #expect(replay.replayCount == 1)
            #expect(try await browser.page(client, "/processes") == first)
            #expect(replay.replayCount == 2)
            // A request that sets a cookie (the language chosen) is never kept.
            for _ in 0..<2 { _ = try await browser.page(client, "/processes?lang=en") }
            #expect(replay.replayCount == 2)
        }
    }
}
