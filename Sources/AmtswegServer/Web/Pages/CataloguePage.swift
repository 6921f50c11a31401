import AmtswegCore
import Hummingbird

/// The Enrich catalogues: specialist software, documents and forms, legal bases, skills — each with the
/// processes whose steps use it.
struct CataloguePage: Sendable {
    let pages: Pages

    struct View: Sendable {
        struct Entry: Sendable {
            var anchor: String
            var name: String
            var detail: String
            var href: String?
            var usedIn: [ProcessView.Fact]
        }
        struct Group: Sendable {
            var id: String
            var title: String
            var entries: [Entry]
        }
        var groups: [Group]
    }

    func addRoutes(to routes: RouteTable) {
        routes.get(Paths.catalogue, .read) { request, context in try await show(request, context) }
    }

    func show(_ request: Request, _ context: AppRequestContext) async throws -> HTMLResponse {
        let snapshot = try await pages.snapshot(context)
        let map = snapshot.map, catalogue = map.catalogue
        let index = MapIndex(map)
        /// The processes with a step that uses `key`.
        func usedIn<Key: Equatable>(_ key: Key, _ keys: (StepDetails) -> [Key]) -> [ProcessView.Fact] {
            snapshot.processes.filter { process in
                process.steps.contains { keys($0.step ?? StepDetails()).contains(key) }
            }.map { .init(label: $0.name, value: $0.name, href: Paths.process($0.id)) }
        }
        let holders = Dictionary(grouping: catalogue.skillHoldings, by: \.skillID)
        let groups: [View.Group] = [
            .init(
                id: "application", title: "Fachverfahren",
                entries: catalogue.applications.sorted { $0.name < $1.name }.map { application in
                    .init(
                        anchor: "application-\(application.id)", name: application.name,
                        detail: ([application.vendor].compactMap { $0 } + application.standards
                            + application.unitIDs.map(index.unitName)).joined(separator: " · "),
                        href: nil, usedIn: usedIn(application.id, \.applicationIDs))
                }),
            .init(
                id: "document", title: "Dokumente und Formulare",
                entries: catalogue.documents.sorted { $0.name < $1.name }.map { document in
                    .init(
                        anchor: "document-\(document.id)", name: document.name, detail: document.kind.label, href: nil,
                        usedIn: usedIn(document.id, \.documentIDs))
                }),
            .init(
                id: "legalBasis", title: "Rechtsgrundlagen",
                entries: catalogue.legalBases.sorted { $0.citation < $1.citation }.map { basis in
                    .init(
                        anchor: "legalBasis-\(basis.id)", name: basis.citation, detail: "",
                        href: basis.url.flatMap { $0.hasPrefix("https://") || $0.hasPrefix("http://") ? $0 : nil },
                        usedIn: usedIn(basis.id, \.legalBasisIDs))
                }),
            .init(
                id: "skill", title: "Kompetenzen",
                entries: catalogue.skills.sorted { $0.name < $1.name }.map { skill in
                    .init(
                        anchor: "skill-\(skill.id)", name: skill.name,
                        detail: "bei \((holders[skill.id] ?? []).count) Stellen vorhanden", href: nil,
                        usedIn: usedIn(skill.id) { $0.requiredSkills.map(\.skillID) })
                }),
        ]
        return try pages.page(
            "processes/catalogue", title: "Kataloge", section: .processes, content: View(groups: groups),
            context: context, snapshot: snapshot)
    }
}
