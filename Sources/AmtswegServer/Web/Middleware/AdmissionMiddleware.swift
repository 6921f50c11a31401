import AmtswegSupport
import HTTPTypes
import Hummingbird

/// Reads are worked on a few at a time (``ServerConfiguration/maxActiveReads``), in the order they came; the
/// others wait their turn here (``Turns``), before any work is done for them. See the setting for why.
struct AdmissionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let turns: Turns

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        guard Self.waitsForTurn(request.method, path: request.uri.path) else { return try await next(request, context) }
        try await turns.take()
        // Given back once the answer is made; its body is written afterwards, so a slow reader holds no turn.
        defer { turns.give() }
        return try await next(request, context)
    }

    /// Reads wait; writes do not — an upload's body comes as fast as its sender sends it, and a turn held that
    /// long would hold up everyone's reads — nor do `/health`, `/ready` and `/metrics`, which must answer while
    /// the server is busy.
    static func waitsForTurn(_ method: HTTPRequest.Method, path: String) -> Bool {
        (method == .get || method == .head) && !Paths.operations.contains(path)
    }
}
