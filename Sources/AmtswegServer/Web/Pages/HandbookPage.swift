import AmtswegCore
import Foundation
import Hummingbird

/// The process handbook (Prozesshandbuch) as a page to print or save as PDF from the browser: the whole
/// tenant's, one unit's (`?unit=`) or one process's (`?process=`), in the visitor's view of the processes.
struct HandbookPage: Sendable {
    let pages: Pages

    func addRoutes(to routes: RouteTable) {
        routes.get(Paths.handbook, .read) { request, context in try await show(request, context) }
    }

    func show(_ request: Request, _ context: AppRequestContext) async throws -> HTMLResponse {
        let snapshot = try await pages.snapshot(context)
        let query = request.uri.queryParameters
        let scope: ProcessHandbook.Scope =
            if let unit = query["unit"] { .unit(String(unit)) } else if let process = query["process"] {
                .process(String(process))
            } else { .tenant }
        guard let resolved = ProcessHandbook.resolve(scope, in: snapshot) else {
            throw HTTPError(.notFound, message: "Diesen Prozess oder diese Organisationseinheit gibt es nicht.")
        }
        let today = Day(pages.configuration.now())
        let language = context.language
        // Kept per state of the data, view, scope, language and day: a handbook of many processes draws every
        // diagram, and printing it twice should not.
        let html = try await pages.workspace.derived(
            from: snapshot, "handbook|\(resolved.key)|\(language.rawValue)|\(today)"
        ) { [pages] in
            let renderer = ProcessHandbook.Renderer(pages: pages.renderer)
            let view = try await renderer.view(
                resolved, snapshot: snapshot, workspace: pages.workspace, today: today, stylesheet: Paths.stylesheet,
                language: language)
            return try renderer.render(view, language: language)
        }
        return HTMLResponse(html)
    }
}
