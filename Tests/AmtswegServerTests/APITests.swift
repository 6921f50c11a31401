import AmtswegServer
import Foundation
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

/// The JSON API: every documented route exists and every API route is documented; lists paginate; errors
/// are problem+json; writes validate.
@Suite struct APITests {
    /// The OpenAPI document's operations as "METHOD /path/{param}", the way the router describes its routes.
    static func documentedRoutes(_ configuration: ServerConfiguration) throws -> Set<String> {
        let data = try Data(contentsOf: configuration.resources.appendingPathComponent("openapi.json"))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var routes = Set<String>()
        for (path, operations) in paths {
            for method in operations.keys { routes.insert("\(method.uppercased()) \(path)") }
        }
        return routes
    }

    @Test func everyRouteIsDocumentedAndEveryDocumentedRouteExists() async throws {
        let server = try await TestServer()
        let documented = try Self.documentedRoutes(server.configuration)
        let routed = Set(
            server.router.routes.filter { $0.path.description.hasPrefix("/api") && $0.method != .head }
                .map { "\($0.method) \($0.path)" })
        #expect(routed.subtracting(documented).isEmpty, "not documented: \(routed.subtracting(documented).sorted())")
        #expect(
            documented.subtracting(routed).isEmpty, "documented, not routed: \(documented.subtracting(routed).sorted())"
        )
        #expect(routed.count >= 17)
    }

    /// Each GET route of the API with the ids of the demo, and a key the answer must contain.
    static let reads: [(String, String)] = [
        ("/api/v1/tenant", "\"name\":\"Stadt Musterstadt\""),
        ("/api/v1/units?limit=5", "\"total\":27"),
        ("/api/v1/units/32", "\"name\":\"Ordnungsamt\""),
        ("/api/v1/positions", "\"items\""),
        ("/api/v1/tasks?offset=80", "\"offset\":80"),
        ("/api/v1/services", "\"leikaKey\""),
        ("/api/v1/flows?limit=500", "\"limit\":500"),
        ("/api/v1/findings", "\"question\""),
        ("/api/v1/processes", "\"baugenehmigung-ist\""),
        ("/api/v1/processes/baugenehmigung-ist", "\"ftePerYear\""),
        ("/api/v1/processes/baugenehmigung-ist/bpmn", "definitions"),
        ("/api/v1/analysis/ist", "\"interactionMatrix\""),
        ("/api/v1/problems?severity=high", "\"severity\":\"high\""),
        ("/api/v1/search?q=Ordnung", "\"Ordnungsamt\""),
        ("/api/v1/event-logs", "\"id\":\"gewerbe-2026\""),
        ("/api/v1/fim/references", "\"id\":\"99102013000000\""),
        // Readers see the released version, which is the master's first version; the newer one is named.
        (
            "/api/v1/fim/processes/hundesteuer-ist/lineage",
            "\"changes\":[],\"differences\":0,\"master\":\"99102013000000\",\"masterVersion\":\"01.00.00\",\"newerVersions\":[\"01.01.00\"]"
        ),
        ("/api/v1/fim/processes/hundesteuer-ist/export", "alleInhalte.export.0303"),
        ("/api/v1/ozg/catalogue", "\"name\":\"Bauen & Wohnen\""),
        ("/api/v1/ozg/catalogue/entries/99012008000000", "\"name\":\"Bauvorbescheid und Baugenehmigung\""),
        ("/api/v1/ozg/maturity", "\"unassessed\":[\"bewohnerparken\""),
        ("/api/v1/ozg/services/baugenehmigung/maturity", "\"note\":\"Bauantrag online, Bescheid noch per Post\""),
        ("/api/openapi.json", "\"openapi\""),
    ]

    @Test(arguments: reads)
    func readRoutesAnswer(path: String, expected: String) async throws {
        let server = try await TestServer()
        let token = try await server.member("leser", role: .reader, scope: .read).token
        try await server.run { client in
            try await client.execute(uri: path, method: .get, headers: .api(token)) { response in
                #expect(response.status == .ok, "\(path)")
                #expect(response.text.contains(expected), "\(path) lacks \(expected)")
            }
        }
    }

    @Test(arguments: [
        ("/api/v1/units/nicht-da", 404), ("/api/v1/processes/nicht-da", 404), ("/api/v1/event-logs/nicht-da", 404),
        ("/api/v1/units?limit=0", 400), ("/api/v1/units?offset=-1", 400), ("/api/v1/nicht-da", 404),
    ])
    func errorsAreProblemDetails(path: String, status: Int) async throws {
        let server = try await TestServer()
        let token = try await server.member("leser", role: .reader, scope: .read).token
        try await server.run { client in
            try await client.execute(uri: path, method: .get, headers: .api(token)) { response in
                #expect(response.status.code == status, "\(path)")
                #expect(response.headers[.contentType] == "application/problem+json")
                let problem = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(problem?["status"] as? Int == status)
                #expect((problem?["detail"] as? String)?.isEmpty == false)
            }
        }
    }

    @Test func undeclaredMethodsGet405WithAllow() async throws {
        let server = try await TestServer()
        let token = try await server.member("leser", role: .reader, scope: .read).token
        try await server.run { client in
            try await client.execute(uri: "/api/v1/flows", method: .init("TRACE")!, headers: .api(token)) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET, POST, HEAD")
            }
            try await client.execute(uri: "/api/v1/nicht-da", method: .init("TRACE")!, headers: .api(token)) {
                #expect($0.status == .notFound)
            }
        }
    }

    @Test func apiReadsNeedATokenAlsoInLocalMode() async throws {
        try await TestServer().run { client in
            try await client.execute(uri: "/api/v1/units", method: .get) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/api/openapi.json", method: .get) { #expect($0.status == .ok) }
        }
    }

    @Test func pagesDoNotOverlap() async throws {
        let server = try await TestServer()
        let token = try await server.member("leser", role: .reader, scope: .read).token
        try await server.run { client in
            func ids(_ offset: Int) async throws -> [String] {
                try await client.execute(
                    uri: "/api/v1/units?offset=\(offset)&limit=10", method: .get, headers: .api(token)
                ) {
                    response in
                    let page = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                    return (page?["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
                }
            }
            let pages = try await [ids(0), ids(10), ids(20), ids(30)]
            #expect(pages.map(\.count) == [10, 10, 7, 0])
            #expect(Set(pages.flatMap { $0 }).count == 27)
        }
    }

    @Test func flowIsCreatedAndInvalidOneIsRefusedWithEveryFinding() async throws {
        let server = try await TestServer()
        let token = try await server.member("api", role: .processManagement).token
        try await server.run { client in
            let good =
                #"{"id":"api-1","from":"unit:32","to":"external:buerger","channel":"email","medium":"email","frequencyPerYear":12}"#
            try await client.execute(
                uri: "/api/v1/flows", method: .post, headers: .api(token),
                body: ByteBuffer(string: good)
            ) { response in
                #expect(response.status == .created)
                #expect(response.text.contains("\"id\":\"api-1\""))
            }
            try await client.execute(
                uri: "/api/v1/flows", method: .post, headers: .api(token),
                body: ByteBuffer(string: good)
            ) { #expect($0.status == .conflict) }
            let bad =
                #"{"id":"api-2","from":"unit:nope","to":"position:nope","channel":"email","medium":"email","frequencyPerYear":1}"#
            try await client.execute(
                uri: "/api/v1/flows", method: .post, headers: .api(token),
                body: ByteBuffer(string: bad)
            ) { response in
                #expect(response.status == .unprocessableContent)
                let problem = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                let errors = try #require(problem?["errors"] as? [String: [String]])
                #expect(errors["flow:api-2"]?.count == 2, "both dangling references are named")
            }
            try await client.execute(
                uri: "/api/v1/flows", method: .post, headers: .api(token),
                body: ByteBuffer(string: "{kein json")
            ) { #expect($0.status == .badRequest) }
        }
    }
}

@Suite struct APIWriteTests {
    @Test(.enabled(if: Corpus.isAvailable, "corpus missing"))
    func bpmnFromAnyModellerBecomesAProcess() async throws {
        let file = try #require(Corpus.file("bpmn/miwg/Reference/A.1.0.bpmn"))
        let server = try await TestServer()
        let token = try await server.member("api", role: .processManagement).token
        try await server.run { client in
            let location = try await client.execute(
                uri: "/api/v1/processes?file=A.1.0.bpmn&service=baugenehmigung", method: .post,
                headers: .api(token, contentType: "application/xml"),
                body: ByteBuffer(bytes: try Data(contentsOf: file))
            ) { response in
                #expect(response.status == .created)
                #expect(response.text.contains("\"serviceID\":\"baugenehmigung\""))
                return try #require(response.headers[.location])
            }
            try await client.execute(uri: location, method: .get, headers: .api(token)) { #expect($0.status == .ok) }
            try await client.execute(
                uri: "/api/v1/processes?file=kaputt.bpmn", method: .post,
                headers: .api(token, contentType: "application/xml"),
                body: ByteBuffer(string: "<definitions><process>")
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("kaputt.bpmn"))
            }
        }
    }

    @Test func aRequestPastItsTimeLimitGets503() async throws {
        let server = try await TestServer(timeLimit: .milliseconds(1))
        let token = try await server.member("api", role: .processManagement).token
        // Twenty thousand events take far longer than a millisecond to read.
        let log =
            "case;activity;timestamp\n"
            + (0..<20_000).map { "\($0 / 4);A\($0 % 4);2026-01-01 08:\(10 + $0 % 40):00" }.joined(separator: "\n")
        try await server.run { client in
            try await client.execute(
                uri: "/api/v1/event-logs?file=gross.csv", method: .post, headers: .api(token, contentType: "text/csv"),
                body: ByteBuffer(string: log)
            ) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.text.contains("abgebrochen"))
            }
        }
    }

    @Test func eventLogIsStoredPseudonymised() async throws {
        let log =
            "case;activity;timestamp;resource\n1;A;2026-01-01 08:00:00;Frau Adler\n1;B;2026-01-01 09:00:00;Herr Berg\n"
        let server = try await TestServer()
        let token = try await server.member("api", role: .processManagement).token
        try await server.run { client in
            let location = try await client.execute(
                uri: "/api/v1/event-logs?file=test.csv&name=Test", method: .post,
                headers: .api(token, contentType: "text/csv"), body: ByteBuffer(string: log)
            ) { response in
                #expect(response.status == .created)
                #expect(response.text.contains("\"pseudonymised\":true") && response.text.contains("\"cases\":1"))
                return try #require(response.headers[.location])
            }
            try await client.execute(uri: location, method: .get, headers: .api(token)) { response in
                #expect(response.status == .ok)
                #expect(!response.text.contains("Adler"), "names do not come back")
            }
            try await client.execute(
                uri: "/api/v1/event-logs?file=leer.csv", method: .post, headers: .api(token, contentType: "text/csv"),
                body: ByteBuffer(string: "case;activity;timestamp\n")
            ) { #expect($0.status == .unprocessableContent) }
        }
    }
}
