import Hummingbird

/// Answers 405 with `Allow` where the router found no route but the path exists with other methods (TRACE on
/// an API list, say), instead of a misleading 404.
struct MethodNotAllowedMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let routes: RouteList

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound && error.body == nil {
            var allowed = routes.methods(for: request.uri.path)
            guard !allowed.isEmpty, !allowed.contains(request.method) else { throw error }
            if allowed.contains(.get) { allowed.append(.head) }
            throw HTTPError(
                .methodNotAllowed, headers: [.allow: allowed.map(\.rawValue).joined(separator: ", ")],
                message: "\(request.method) ist hier nicht möglich; erlaubt: "
                    + allowed.map(\.rawValue).joined(separator: ", ") + ".")
        }
    }
}
