import AmtswegCore
import Hummingbird

/// Search over every object of the tenant by name.
struct SearchPage: Sendable {
    let pages: Pages

    struct View: Sendable {
        struct Hit: Sendable {
            var kind: String
            var name: String
            var context: String?
            var href: String
        }
        var query: String
        var hits: [Hit]
        var hasQuery: Bool
        var summary: String
    }

    func addRoutes(to routes: RouteTable) {
        routes.get(Paths.search, .read) { request, context in try await show(request, context) }
    }

    func show(_ request: Request, _ context: AppRequestContext) async throws -> HTMLResponse {
        let snapshot = try await pages.snapshot(context)
        let query = String((request.uri.queryParameters["q"].map(String.init) ?? "").prefix(200))
        let hits = TenantSearch.search(query, map: snapshot.map, processes: snapshot.processes)
        let view = View(
            query: query,
            hits: hits.map { hit in
                .init(
                    kind: hit.kind.label, name: hit.name, context: hit.context,
                    href: Display.href(ObjectLink(kind: hit.kind, id: hit.id, processID: hit.processID, name: hit.name))
                )
            }, hasQuery: !query.trimmingCharacters(in: .whitespaces).isEmpty,
            summary: hits.isEmpty ? "Keine Treffer für „\(query)“." : "\(hits.count) Treffer für „\(query)“.")
        return try pages.renderer.page(
            "search", title: "Suche", section: .search, content: view, context: context,
            tenantName: snapshot.map.tenant.name, searchQuery: query)
    }
}
