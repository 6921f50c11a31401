import Foundation
import Hummingbird
import Logging

/// One log line per answered request: method, path (never the query, which may carry search terms or a
/// sign-in's return address), status and duration, through the request's logger, whose metadata carries
/// Hummingbird's request id (`hb.request.id`) — so a request's lines can be found together.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, context, status: response.status.code, since: start)
            return response
        } catch {
            log(request, context, status: (error as? any HTTPResponseError)?.status.code ?? 500, since: start)
            throw error
        }
    }

    private func log(_ request: Request, _ context: Context, status: Int, since start: ContinuousClock.Instant) {
        Self.log(
            context.logger, method: request.method.rawValue, path: request.uri.path, status: status,
            elapsed: ContinuousClock.now - start)
    }

    /// The line for one answer; also written for answers replayed before the middleware (``ReplayedAnswers``).
    /// `requestID` is given where the logger does not carry one (a replayed answer's): with the event, which costs
    /// less than a copy of the logger with it.
    static func log(
        _ logger: Logger, method: String, path: String, status: Int, elapsed: Duration, requestID: RequestID? = nil
    ) {
        // Tenths of a millisecond, written without `String(format:)`, which cost more than a kept page.
        let tenths = elapsed.components.seconds * 10_000 + elapsed.components.attoseconds / 100_000_000_000_000
        var metadata: Logger.Metadata = [
            "method": .string(method), "path": .string(path), "status": .stringConvertible(status),
            "ms": .string("\(tenths / 10).\(tenths % 10)"),
        ]
        if let requestID { metadata["hb.request.id"] = .stringConvertible(requestID) }
        logger.info("request", metadata: metadata)
    }
}
