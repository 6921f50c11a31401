import AmtswegStore
import Hummingbird

/// What a data centre's load balancer and monitoring ask: `/health` answers while the process lives (it reads
/// nothing), `/ready` only while the store is reachable and its schema current — 503 otherwise, so the instance
/// leaves the rotation. Both are open to anyone and say nothing about the installation; why a store is not
/// ready goes to the server's log.
struct HealthRoutes: Sendable {
    let pages: Pages

    func addRoutes(to routes: RouteTable) {
        routes.get(Paths.health, .anyone) { _, _ in Self.text("ok\n") }
        routes.get(Paths.ready, .anyone) { _, _ in
            switch await pages.workspace.repository.readiness() {
            case .ready:
                return Self.text("bereit\n")
            case .notReady(let reason):
                pages.configuration.logger("amtsweg").warning("Nicht bereit: \(reason)")
                return Self.text("nicht bereit\n", status: .serviceUnavailable)
            }
        }
    }

    static func text(_ body: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/plain; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
