public import AmtswegCore
public import Foundation

/// The process handbook (Prozesshandbuch) for one process, one unit or the whole tenant: one HTML document with
/// a print stylesheet, which the page serves and the command line hands to headless Chromium for a PDF.
public enum ProcessHandbook {
    /// What the handbook covers, as the command line and the page's query name it.
    public enum Scope: Sendable, Hashable {
        case tenant
        case unit(String)
        case process(String)
    }

    /// The scope with its unit or process looked up; `nil` when the snapshot has no such unit or process.
    static func resolve(_ scope: Scope, in snapshot: TenantSnapshot) -> HandbookView.Scope? {
        switch scope {
        case .tenant: .tenant
        case .unit(let id): snapshot.unit(id).map { .unit($0.id) }
        case .process(let id): snapshot.process(id).map { .process($0.id) }
        }
    }

    /// Why a handbook cannot be made, in words for the command line.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The handbook of the tenant's working state, for the command line.
    public static func printHTML(
        workspace: Workspace, tenant: ID<Tenant>, scope: Scope, today: Day, stylesheet: String, resources: URL,
        language: Language = .german
    ) async throws -> (html: String, processes: Int) {
        let snapshot = try await workspace.snapshot(of: tenant)
        guard let resolved = resolve(scope, in: snapshot) else {
            let problem =
                switch scope {
                case .unit(let id): "Eine Organisationseinheit „\(id)“ gibt es nicht."
                case .process(let id): "Einen lesbaren Prozess „\(id)“ gibt es nicht."
                case .tenant: "Die Kommune hat keine Prozesse."
                }
            throw Failure(description: problem)
        }
        let renderer = Renderer(pages: try await PageRenderer(resources: resources))
        let view = try await renderer.view(
            resolved, snapshot: snapshot, workspace: workspace, today: today, stylesheet: stylesheet,
            language: language)
        return (try renderer.render(view, language: language), view.chapters.count)
    }

    /// Reads what the handbook needs besides the snapshot, then renders it.
    struct Renderer: Sendable {
        let pages: PageRenderer

        func view(
            _ scope: HandbookView.Scope, snapshot: TenantSnapshot, workspace: Workspace, today: Day,
            stylesheet: String, language: Language
        ) async throws -> HandbookView {
            let tenant = snapshot.map.tenant.id
            let masters = try await workspace.repository.referenceProcesses(of: tenant)
            let sources = HandbookView.Sources(
                roadmap: try await workspace.roadmap(of: tenant),
                maturity: try await workspace.ozgOverview(snapshot),
                lineage: try await workspace.lineage(of: tenant),
                masterVersions: Dictionary(grouping: masters, by: \.id).mapValues { $0.map(\.version) },
                masterNames: Dictionary(masters.map { ($0.id, $0.name) }, uniquingKeysWith: { _, newer in newer }))
            return HandbookView(
                scope: scope, snapshot: snapshot, sources: sources, today: today, stylesheet: stylesheet,
                language: language, t: pages.translations.lambda(for: language))
        }

        func render(_ view: HandbookView, language: Language) throws -> String {
            let html = try pages.render("handbook/print", view)
            return language == .english ? pages.translations.translatingTextNodes(html) : html
        }
    }
}
