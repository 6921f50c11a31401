import AmtswegCore
@testable import AmtswegServer
import AmtswegStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import ProcessMining
import Testing

/// An Amtsweg server over a fresh SQLite file with the Musterstadt demo, driven in-process — or, `live`, over
/// a socket as `amtsweg serve` runs it, with its kept answers replayed before the router (``ReplayedAnswers``).
struct TestServer {
    let configuration: ServerConfiguration
    let router: Router<AppRequestContext>
    let routes: RouteTable
    let workspace: Workspace
    /// Where a live server keeps answers to replay.
    let replay: ReplayedAnswers?
    let live: Bool

    /// - Parameter localMode: `true` (the default on a loopback address) acts as the local administrator without
    ///   signing in; `false` is a server where everyone signs in.
    /// - Parameter holdAnalysisJob: awaited before each background analysis computes (``AnalysisGate``), with
    ///   `analysisJobLimit` of them at once.
    init(
        maxUploadBytes: Int = 100 << 20, localMode: Bool = true, log: CapturedLog? = nil, timeLimit: Duration? = nil,
        holdAnalysisJob: (@Sendable () async -> Void)? = nil, analysisJobLimit: Int? = nil, loadDemo: Bool = true,
        metricsToken: String? = nil, live: Bool = false, now: (@Sendable () -> Date)? = nil
    ) async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("amtsweg-\(UUID().uuidString).sqlite")
        var configuration = ServerConfiguration(
            database: .sqlite(path: path.path), loadDemo: loadDemo, maxUploadBytes: maxUploadBytes,
            pseudonymizer: ResourcePseudonymizer(key: Data(repeating: 7, count: 32)), logLevel: .warning,
            localMode: localMode)
        if let timeLimit { configuration.requestTimeLimit = timeLimit }
        configuration.holdAnalysisJob = holdAnalysisJob
        configuration.metricsToken = metricsToken
        configuration.replayAnswers = live
        if let now { configuration.now = now }
        self.live = live
        if let analysisJobLimit { configuration.analysisJobLimit = analysisJobLimit }
        if let log {
            configuration.logLevel = .trace
            configuration.logHandler = { _ in log }
        }
        // Tests set passwords often: the lowest bcrypt cost keeps them fast (the cost is part of each hash).
        configuration.passwordCost = 4
        self.configuration = configuration
        workspace = try await openWorkspace(configuration)
        (router, routes, replay) = try await buildServer(configuration, workspace: workspace)
        demoTenant = try await workspace.defaultTenant()
    }

    /// The demo tenant (the only one when the server starts).
    let demoTenant: ID<Tenant>?
    var tenant: ID<Tenant> {
        get throws { try #require(demoTenant) }
    }

    /// An account with `role` in the demo tenant (Mitwirkende in `unit`), its password, and an access token.
    @discardableResult
    func member(
        _ name: String, role: AccessRole, unit: String? = nil, password: String = TestServer.password,
        scope: AccessToken.Scope = .write, tenant: ID<Tenant>? = nil
    ) async throws -> (account: Account, token: String) {
        let account = Account(id: ID(name), name: name, displayName: "Person \(name)", createdAt: Date())
        let demo = try self.tenant
        let tenant = tenant ?? demo
        try await workspace.accounts.createAccount(
            account, passwordHash: try await Secrets.hash(password: password, cost: 4),
            memberships: [Membership(accountID: account.id, tenantID: tenant, role: role, unitID: unit.map { ID($0) })],
            by: .local)
        let token = try await TokenIssuer(accounts: workspace.accounts).issue(
            for: account, tenant: tenant, label: "Test", scope: scope, by: .local)
        return (account, token)
    }

    static let password = "ein-langes-passwort"

    /// Runs `body` against the router; the database file is removed afterwards.
    func run<Value: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        defer {
            if case .sqlite(let path) = configuration.database {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
        }
        guard live else {
            return try await Application(router: router, logger: configuration.logger("amtsweg")).test(.router, body)
        }
        let replay = self.replay
        return try await Application(
            router: router,
            server: .amtsweg(replay: replay),
            logger: configuration.logger("amtsweg")
        ).test(.live, body)
    }
}

/// What a browser keeps between requests: the form-token cookie, and the token to put into forms.
struct Browser: Sendable {
    var cookie: String
    var token: String

    /// Opens `uri` once to receive the cookie and reads the form token from the page.
    static func start(_ client: any TestClientProtocol, uri: String = "/") async throws -> Browser {
        try await client.execute(uri: uri, method: .get) { response in
            let setCookie = try #require(response.headers[.setCookie])
            let cookie = String(setCookie.prefix { $0 != ";" })
            let token = String(cookie.drop { $0 != "=" }.dropFirst())
            return Browser(cookie: cookie, token: token)
        }
    }

    var headers: HTTPFields { [.cookie: cookie] }

    /// A page as this browser sees it; anything but 200 is recorded as an issue.
    func page(_ client: any TestClientProtocol, _ uri: String) async throws -> String {
        try await client.execute(uri: uri, method: .get, headers: headers) {
            #expect($0.status == .ok, "\(uri)")
            return $0.text
        }
    }

    func form(_ fields: [(String, String)]) -> (HTTPFields, ByteBuffer) {
        let body = ([("csrf", token)] + fields).map { name, value in
            "\(Self.encode(name))=\(Self.encode(value))"
        }.joined(separator: "&")
        var headers = self.headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        return (headers, ByteBuffer(string: body))
    }

    func multipart(fields: [(String, String)], file: (name: String, fileName: String, data: Data)?) -> (
        HTTPFields, ByteBuffer
    ) {
        let boundary = "----amtsweg-test-boundary"
        var body = Data()
        for (name, value) in [("csrf", token)] + fields {
            body.append(
                Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        if let file {
            body.append(
                Data(
                    "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.fileName)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                        .utf8))
            body.append(file.data)
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        var headers = self.headers
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        return (headers, ByteBuffer(bytes: body))
    }

    /// Step 2 of an event-log upload: the privacy page's form sent back with `choices` (field → value; every
    /// other attribute keeps its default). Returns where the stored log is shown.
    func confirmPrivacy(
        _ client: any TestClientProtocol, page: String, choices: [(String, String)] = []
    ) async throws -> String {
        let pending = try #require(
            page.firstMatch(of: /name="pending" value="([0-9a-f]+)"/).map { String($0.output.1) })
        let (headers, body) = form([("pending", pending)] + choices)
        return try await client.execute(uri: "/monitor/logs/privacy", method: .post, headers: headers, body: body) {
            response in
            #expect(response.status == .seeOther, "\(response.text.prefix(300))")
            return try #require(response.headers[.location])
        }
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}

extension TestClientProtocol {
    /// Asks for `uri` until the background analyses it shows have finished — while the page shows a job's
    /// progress or a picture answers 202 — then checks the answer (at most a minute).
    func executeFinished<Value>(
        uri: String, headers: HTTPFields = [:], _ check: @escaping (TestResponse) async throws -> Value
    ) async throws -> Value {
        for _ in 0..<600 {
            let response = try await execute(uri: uri, method: .get, headers: headers) { $0 }
            if response.status != .accepted && !response.text.contains("data-job=") { return try await check(response) }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("\(uri): the analysis did not finish within a minute")
        return try await check(try await execute(uri: uri, method: .get, headers: headers) { $0 })
    }
}

extension HTTPFields {
    /// JSON with an access token, as an API client sends it.
    static func api(_ token: String, contentType: String = "application/json") -> HTTPFields {
        [.contentType: contentType, .authorization: "Bearer \(token)"]
    }
}

/// Every log line of a test server, with its metadata, to search for what must never be logged.
final class CapturedLog: LogHandler, Sendable {
    private let lines = Mutex<[String]>([])
    var logLevel: Logger.Level {
        get { .trace }
        set {}
    }
    var metadata: Logger.Metadata {
        get { [:] }
        set {}
    }
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { nil }
        set {}
    }

    func log(event: LogEvent) {
        lines.withLock {
            $0.append("\(event.level) \(event.message) \(event.metadata ?? [:]) \(event.error.map { "\($0)" } ?? "")")
        }
    }

    var all: [String] { lines.withLock { $0 } }
}
