import AmtswegCore
@testable import AmtswegServer
import AmtswegStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Who sends a generated request: anonymous, or a member with a role, by session (pages) or token (API).
struct Caller: Sendable, CustomStringConvertible {
    var role: AccessRole?
    var account: ID<Account>?
    var tenant: ID<Tenant>?
    var sessionCookie: String?
    var token: String?
    var formToken = String(repeating: "a", count: 64)

    var description: String { role?.rawValue ?? "anonymous" }

    /// The unit of the demo's Mitwirkende: the Gewerbe desk, which owns the Gewerbe processes.
    static let contributorUnit = "32.1"

    /// A member of each role (Mitwirkende in ``contributorUnit``), each signed in.
    static func all(_ server: TestServer) async throws -> [Caller] {
        var callers = [Caller(role: nil)]
        for role in AccessRole.allCases {
            let (account, token) = try await server.member(
                "person-\(role.rawValue)", role: role, unit: role == .contributor ? contributorUnit : nil)
            let caller = Caller(role: role, account: account.id, tenant: try server.tenant, token: token)
            callers.append(try await caller.signedIn(server.workspace))
        }
        return callers
    }

    /// The same person with a new session (a generated `POST /logout` ends the one before).
    func signedIn(_ workspace: Workspace) async throws -> Caller {
        guard let account, let tenant else { return self }
        let cookie = Secrets.randomToken()
        try await workspace.accounts.createSession(
            StoredSession(
                hash: Secrets.hash(token: cookie), accountID: account, tenantID: tenant, createdAt: Date(),
                expiresAt: Date().addingTimeInterval(3600)))
        var caller = self
        caller.sessionCookie = cookie
        return caller
    }

    /// The request for `entry` as a browser (pages: session cookie and form token) or an API client (token).
    func request(_ entry: RouteTable.Entry, path: String, extra: HTTPFields = [:]) -> (HTTPFields, ByteBuffer?) {
        var headers = extra
        if entry.isAPI {
            if let token { headers[.authorization] = "Bearer \(token)" }
            headers[.contentType] = "application/json"
            return (headers, entry.isWrite ? ByteBuffer(string: "{}") : nil)
        }
        headers[.cookie] = ["amtsweg_form=\(formToken)", sessionCookie.map { "amtsweg_session=\($0)" }]
            .compactMap { $0 }.joined(separator: "; ")
        guard entry.isWrite else { return (headers, nil) }
        headers[.contentType] = "application/x-www-form-urlencoded"
        return (headers, ByteBuffer(string: "csrf=\(formToken)"))
    }
}

extension TestResponse {
    /// Whether the route table refused the request (not the handler): its messages, or the way to the sign-in page.
    var isDenied: Bool {
        if status == .seeOther, headers[.location]?.hasPrefix("/login") == true, headers[.location] != "/login" {
            return true
        }
        guard [.unauthorized, .forbidden].contains(status) else { return false }
        return [
            "Bitte zuerst anmelden.", "brauchen einen Zugangsschlüssel", "Der Zugangsschlüssel ist unbekannt",
            "Ihre Rolle erlaubt diese Aktion nicht.",
        ].contains { text.contains($0) }
    }
}

/// Tests generated from the route table: every route declares a permission, and every route gives every role
/// what ``AccessPolicy`` says.
@Suite struct RoutePermissionTests {
    /// A value for every path parameter that names nothing: permission checks come before any lookup.
    static func path(_ entry: RouteTable.Entry, value: (String) -> String = { _ in "gibt-es-nicht" }) -> String {
        entry.path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment.hasPrefix(":") ? value(String(segment.dropFirst())) : String(segment)
        }.joined(separator: "/")
    }

    /// What the store keeps of a token is its SHA-256 in lower-case hex (FIPS 180-2 test vector).
    @Test func tokenHashIsSHA256Hex() {
        #expect(Secrets.hash(token: "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func everyRouteDeclaresAPermission() async throws {
        let server = try await TestServer()
        // The router writes parameters as `{id}`, the table as `:id`.
        let declared = Set(
            server.routes.entries.map {
                "\($0.method) "
                    + $0.path.replacingOccurrences(of: #":([a-z]+)"#, with: "{$1}", options: .regularExpression)
            })
        let routed = Set(server.router.routes.filter { $0.method != .head }.map { "\($0.method) \($0.path)" })
        #expect(routed == declared, "routes without a declared permission: \(routed.subtracting(declared).sorted())")
        #expect(declared.count >= 60)
    }

    @Test func everyRouteGivesEveryRoleWhatThePolicySays() async throws {
        let server = try await TestServer(localMode: false)
        let callers = try await Caller.all(server)
        let entries = server.routes.entries
        let workspace = server.workspace
        try await server.run { client in
            var checked = 0
            for entry in entries {
                for caller in callers {
                    let caller = try await caller.signedIn(workspace)
                    let (headers, body) = caller.request(entry, path: Self.path(entry))
                    let expected: Bool
                    if let role = caller.role {
                        // Unit-limited permissions refuse objects outside the unit; these paths name none.
                        expected =
                            role.grants(entry.permission)
                            && !AccessPolicy.isLimitedToOwnUnit(role, for: entry.permission)
                    } else {
                        expected = entry.permission == .anyone
                    }
                    try await client.execute(uri: Self.path(entry), method: entry.method, headers: headers, body: body)
                    {
                        response in
                        #expect(
                            response.isDenied != expected,
                            "\(entry.method) \(entry.path) as \(caller): \(response.status) \(response.text.prefix(200))"
                        )
                    }
                    checked += 1
                }
            }
            #expect(checked == entries.count * (AccessRole.allCases.count + 1))
        }
    }

    @Test func contributorsChangeOnlyTheirOwnUnitsProcessesAndFlows() async throws {
        let server = try await TestServer(localMode: false)
        let callers = try await Caller.all(server)
        let contributor = try #require(callers.first { $0.role == .contributor })
        let snapshot = try await server.workspace.snapshot(of: try server.tenant)
        let unit = ID<OrgUnit>(Caller.contributorUnit)
        let own = try #require(snapshot.records.first { $0.ownerUnitID == unit })
        let foreign = try #require(
            snapshot.records.first { $0.ownerUnitID != nil && !snapshot.map.unit($0.ownerUnitID!, isWithin: unit) })
        let step = "/processes/:id/steps"
        let entry = try #require(server.routes.entries.first { $0.path == step && $0.method == .get })
        try await server.run { client in
            for (record, allowed) in [(own, true), (foreign, false)] {
                let path = Self.path(entry) { _ in record.id.rawValue }
                let (headers, _) = contributor.request(entry, path: path)
                try await client.execute(uri: path, method: .get, headers: headers) { response in
                    #expect(response.isDenied != allowed, "\(record.id): \(response.status)")
                }
            }
        }
    }
}

/// Writes from other sites, and requests for host names the server does not answer for.
@Suite struct CrossSiteTests {
    /// Everything stored for the tenant, to compare before and after.
    static func export(_ workspace: Workspace, _ tenant: ID<Tenant>) async throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let map = try await workspace.repository.loadMap(of: tenant)
        let processes = try await workspace.repository.processes(of: tenant)
        let logs = try await workspace.repository.eventLogs(of: tenant).map(\.id)
        return try encoder.encode(map) + encoder.encode(processes) + encoder.encode(logs)
    }

    @Test func foreignWritesAndUnknownHostsAreRefusedAndStoreNothing() async throws {
        let server = try await TestServer()
        let callers = try await Caller.all(server)
        let admin = try #require(callers.first { $0.role == .administration })
        let (workspace, tenant) = (server.workspace, try server.tenant)
        let before = try await Self.export(workspace, tenant)
        let entries = server.routes.entries
        try await server.run { client in
            for entry in entries {
                let path = RoutePermissionTests.path(entry)
                if entry.isWrite && entry.isAPI {
                    // No token: refused, also in local mode and with a session.
                    let (headers, body) = Caller(role: nil, sessionCookie: admin.sessionCookie).request(
                        entry, path: path)
                    try await client.execute(uri: path, method: entry.method, headers: headers, body: body) {
                        #expect($0.status == .unauthorized, "\(entry.method) \(entry.path) without token")
                    }
                }
                if entry.isWrite && !entry.isAPI {
                    for extra: HTTPFields in [
                        [.origin: "https://evil.example"], [.init("Sec-Fetch-Site")!: "cross-site"],
                        [.origin: "null"],
                    ] {
                        let (headers, body) = admin.request(entry, path: path, extra: extra)
                        try await client.execute(uri: path, method: entry.method, headers: headers, body: body) {
                            #expect($0.status == .forbidden, "\(entry.method) \(entry.path) with \(extra)")
                            #expect($0.text.contains("anderen Website"))
                        }
                    }
                }
                // Load balancers and monitoring ask by address: the operations routes answer any host (they act for
                // no one and tell nothing of a tenant); every other route refuses a host it does not serve.
                let isOperations = Paths.operations.contains(entry.path)
                let (headers, body) = admin.request(entry, path: path, extra: [.init("Host")!: "rebound.example:8080"])
                try await client.execute(uri: path, method: entry.method, headers: headers, body: body) {
                    #expect(
                        ($0.status == .misdirectedRequest) != isOperations,
                        "\(entry.method) \(entry.path) for another host")
                }
            }
            #expect(try await Self.export(workspace, tenant) == before, "nothing was stored")
        }
    }

    @Test func sameOriginFormsPass() async throws {
        let server = try await TestServer()
        try await server.run { client in
            let browser = try await Browser.start(client)
            var (headers, body) = browser.form([("question", "1"), ("text", "Eine Antwort"), ("author", "Test")])
            headers[.origin] = "http://localhost"
            headers[.init("Sec-Fetch-Site")!] = "same-origin"
            try await client.execute(uri: "/map/ist/findings", method: .post, headers: headers, body: body) {
                #expect($0.status == .seeOther)
            }
        }
    }
}

/// Pages show only the controls the person's role allows.
@Suite struct EditControlTests {
    static let controls = [
        "Schritte bearbeiten", "BPMN-Datei hochladen", "Ereignisprotokoll hochladen", "Informationsfluss anlegen",
        "Workshop-Ergebnis erfassen",
    ]

    @Test func readersSeeNoEditControlsAndContributorsOnlyTheirOwn() async throws {
        let server = try await TestServer(localMode: false)
        let callers = try await Caller.all(server)
        let reader = try #require(callers.first { $0.role == .reader })
        let contributor = try #require(callers.first { $0.role == .contributor })
        let manager = try #require(callers.first { $0.role == .processManagement })
        let snapshot = try await server.workspace.snapshot(of: try server.tenant)
        let unit = ID<OrgUnit>(Caller.contributorUnit)
        // Released processes, so that readers see them too.
        let released = snapshot.records.filter { snapshot.statuses[$0.id]?.released != nil }
        let own = try #require(released.first { $0.ownerUnitID == unit }).id.rawValue
        let foreign = try #require(
            released.first { $0.ownerUnitID != nil && !snapshot.map.unit($0.ownerUnitID!, isWithin: unit) }
        ).id.rawValue
        let pages = ["/processes/\(own)", "/processes/\(foreign)", "/processes", "/monitor", "/map/flows", "/map/ist"]
        let entry = RouteTable.Entry(method: .get, path: "/", permission: .read)
        try await server.run { client in
            func html(_ caller: Caller, _ path: String) async throws -> String {
                let (headers, _) = caller.request(entry, path: path)
                return try await client.execute(uri: path, method: .get, headers: headers) { response in
                    #expect(response.status == .ok, "\(path) as \(caller)")
                    return response.text
                }
            }
            for path in pages {
                let text = try await html(reader, path)
                for control in Self.controls { #expect(!text.contains(control), "\(path) shows \(control) to readers") }
                // The one form a reader has is signing out.
                #expect(text.components(separatedBy: "method=\"post\"").count == 2, "\(path) has a form for readers")
            }
            #expect(try await html(contributor, "/processes/\(own)").contains("Schritte bearbeiten"))
            #expect(!(try await html(contributor, "/processes/\(foreign)").contains("Schritte bearbeiten")))
            #expect(!(try await html(contributor, "/map/flows").contains("Informationsfluss anlegen")))
            let managerProcesses = try await html(manager, "/processes")
            #expect(managerProcesses.contains("BPMN-Datei hochladen"))
            #expect(try await html(manager, "/processes/\(foreign)").contains("Schritte bearbeiten"))
        }
    }
}
