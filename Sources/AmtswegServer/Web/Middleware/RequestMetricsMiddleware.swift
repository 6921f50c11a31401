import Hummingbird

/// Counts every answered request for `/metrics`, by the route's pattern, method and status, with its duration;
/// answers of 413 (too large) and of the time limit count as uploads refused by a limit. Scrapes of `/metrics`
/// itself are not counted, so the figures show the application's traffic only.
struct RequestMetricsMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        if request.uri.path == Paths.metrics { return try await next(request, context) }
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            record(request, context, status: response.status, since: start)
            return response
        } catch {
            record(
                request, context, status: (error as? any HTTPResponseError)?.status ?? .internalServerError,
                since: start)
            throw error
        }
    }

    private func record(
        _ request: Request, _ context: Context, status: HTTPResponse.Status, since start: ContinuousClock.Instant
    ) {
        // The route's pattern as the router writes it (`/processes/{id}`; `NotFound` where none matched); files
        // under one name.
        let route =
            request.uri.path.hasPrefix(Paths.staticFiles + "/")
            ? Paths.staticFiles + "/*" : context.endpointPath ?? "NotFound"
        metrics.requestFinished(
            route: route, method: request.method.rawValue, status: status.code, duration: ContinuousClock.now - start)
        let isWrite = ![.get, .head, .options].contains(request.method)
        if status == .contentTooLarge { metrics.uploadRefused(.size) }
        if status == .serviceUnavailable, isWrite { metrics.uploadRefused(.time) }
    }
}
