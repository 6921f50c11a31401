import Crypto
import Foundation
import Hummingbird

/// `/metrics` for Prometheus: the server's ``ServerMetrics`` in the text format, to whoever brings the metrics
/// token configured at start (`--metrics-token`, `AMTSWEG_METRICS_TOKEN`); without that setting the route answers
/// 404, as if it did not exist. The figures name routes and counts, never a tenant, a person or a query.
struct MetricsRoute: Sendable {
    let pages: Pages
    let metrics: ServerMetrics

    func addRoutes(to routes: RouteTable) {
        routes.get(Paths.metrics, .anyone) { request, _ in
            guard let token = pages.configuration.metricsToken else { throw HTTPError(.notFound) }
            guard Self.presents(token, request.headers[.authorization]) else {
                return Response(
                    status: .unauthorized,
                    headers: [.wwwAuthenticate: "Bearer", .contentType: "text/plain; charset=utf-8"],
                    body: .init(byteBuffer: ByteBuffer(string: "Metrik-Token fehlt oder ist falsch.\n")))
            }
            let jobs = await pages.logs.jobs.counts
            let connections = pages.workspace.repository.connectionUse
            let text = metrics.exposition(jobs: jobs, connections: (connections.inUse, connections.capacity))
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: text)))
        }
    }

    /// Whether `authorization` is `Bearer <token>`; compared as digests, so the time taken tells nothing of how
    /// much of a guess was right.
    static func presents(_ token: String, _ authorization: String?) -> Bool {
        guard let authorization, authorization.lowercased().hasPrefix("bearer ") else { return false }
        let presented = SHA256.hash(data: Data(authorization.dropFirst(7).utf8))
        let expected = SHA256.hash(data: Data(token.utf8))
        return presented == expected
    }
}
