import AmtswegServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// `/metrics` is for the operator's Prometheus only: off unless a metrics token is configured, and then only for
/// whoever brings it. It counts the application's requests by route pattern, never by concrete path.
@Suite struct MetricsRouteTests {
    @Test func withoutAConfiguredTokenThereAreNoMetrics() async throws {
        let server = try await TestServer(localMode: false)
        try await server.run { client in
            try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer x"]) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func onlyTheTokenReadsThemAndTheyCountEachRequestByItsRoute() async throws {
        let server = try await TestServer(localMode: false, metricsToken: "geheim-fuer-prometheus")
        try await server.run { client in
            for authorization in [nil, "Bearer falsch", "geheim-fuer-prometheus"] {
                var headers = HTTPFields()
                if let authorization { headers[.authorization] = authorization }
                try await client.execute(uri: "/metrics", method: .get, headers: headers) { response in
                    #expect(response.status == .unauthorized)
                }
            }
            // A load balancer asks by address, not by the public host name: still answered.
            try await client.execute(uri: "/health", method: .get, headers: [.init("Host")!: "10.0.0.7:8080"]) {
                response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/processes/hundesteuer-ist", method: .get) { response in
                #expect(response.status == .seeOther)
            }
            try await client.execute(uri: "/nirgends/\(UUID())", method: .get) { _ in }
            let text = try await client.execute(
                uri: "/metrics", method: .get, headers: [.authorization: "Bearer geheim-fuer-prometheus"]
            ) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
                return response.text
            }
            let requests = text.split(separator: "\n").filter { $0.hasPrefix("amtsweg_http_requests_total{") }
            #expect(requests.count == 3)
            #expect(requests.contains { $0.contains(#"route="/health""#) && $0.contains(#"status="200""#) })
            #expect(requests.contains { $0.contains(#"route="/processes/{id}""#) && $0.contains(#"status="303""#) })
            #expect(requests.contains { $0.contains(#"route="NotFound""#) && $0.contains(#"status="404""#) })
            #expect(requests.allSatisfy { $0.hasSuffix(" 1") })
            #expect(!text.contains("metrics\""))
            for gauge in ["amtsweg_jobs_queued 0", "amtsweg_jobs_running 0", "amtsweg_database_connections_in_use"] {
                #expect(text.contains(gauge))
            }
            #expect(text.contains("# HELP amtsweg_http_request_duration_seconds"))
        }
    }
}
