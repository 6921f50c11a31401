import Hummingbird

/// Before each request, lets the workspace notice writes made by others to a shared store (``Workspace/synchronize()``):
/// with several app instances on one PostgreSQL database, a write through one is seen by the next request to
/// any other — never a kept page from before it.
struct StoreSyncMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let workspace: Workspace

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        // `/health` says only that the process lives, `/ready` asks the store itself, `/metrics` reads counters:
        // none waits for it here.
        if !Paths.operations.contains(request.uri.path) { try await workspace.synchronize() }
        return try await next(request, context)
    }
}
