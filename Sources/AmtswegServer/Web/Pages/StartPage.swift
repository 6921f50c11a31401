import AmtswegCore
import Hummingbird

/// The municipality at a glance: what is recorded, the processes that bind the most staff, the most
/// pressing problem spots, and where to go next.
struct StartPage: Sendable {
    let pages: Pages

    struct View: Sendable {
        struct Count: Sendable {
            var label: String
            var value: String
            var href: String
        }
        struct ProcessLine: Sendable {
            var name: String
            var href: String
            var state: String
            var desks: String
            var leadTime: String
            var fte: String
        }
        struct Phase: Sendable {
            var name: String
            var question: String
            var href: String
            var action: String
        }
        var tenantName: String
        var population: String
        var counts: [Count]
        var processes: [ProcessLine]
        var hasProcesses: Bool
        var problems: [ProblemLine]
        var hasProblems: Bool
        var problemCount: String
        var phases: [Phase]
    }

    func addRoutes(to routes: RouteTable) {
        routes.get(Paths.start, .read) { request, context in try await show(request, context) }
    }

    func show(_ request: Request, _ context: AppRequestContext) async throws -> HTMLResponse {
        let snapshot = try await pages.snapshot(context)
        // Made from the snapshot alone: kept through comments, votes and roadmap changes.
        return try await pages.cachedPage(
            request, "start", title: snapshot.map.tenant.name, section: .start, context: context, snapshot: snapshot,
            areas: []
        ) { [translations = pages.renderer.translations, language = context.language] _ in
            Self.view(snapshot) { translations.text($0, in: language) }
        }
    }

    static func view(_ snapshot: TenantSnapshot, translate t: (String) -> String) -> View {
        let map = snapshot.map
        let reports = snapshot.reports
        let spots = snapshot.problemSpots
        let busiest = reports.sorted { ($0.figures.ftePerYear ?? 0) > ($1.figures.ftePerYear ?? 0) }.prefix(6)
        let view = View(
            tenantName: map.tenant.name, population: Display.integer(map.tenant.population),
            counts: [
                .init(label: t("Organisationseinheiten"), value: Display.integer(map.units.count), href: Paths.map),
                .init(label: t("Stellen"), value: Display.integer(map.positions.count), href: Paths.map),
                .init(label: t("Aufgaben"), value: Display.integer(map.duties.count), href: Paths.map),
                .init(label: t("Leistungen"), value: Display.integer(map.services.count), href: Paths.services),
                .init(label: t("Informationsflüsse"), value: Display.integer(map.flows.count), href: Paths.flows),
                .init(label: t("Prozesse"), value: Display.integer(snapshot.records.count), href: Paths.processes),
            ],
            processes: busiest.map { report in
                let process = snapshot.processes.first { $0.id == report.figures.processID }
                return .init(
                    name: report.figures.processName, href: Paths.process(report.figures.processID),
                    state: process?.state.label ?? "",
                    desks: Display.integer(report.figures.allPaths.desks),
                    leadTime: Display.duration(
                        minutes: report.figures.allPaths.leadTimeMinutes,
                        hoursPerDay: snapshot.map.settings.hoursPerWorkingDay),
                    fte: report.figures.ftePerYear.map { Display.decimal($0, digits: 2) } ?? "–")
            },
            hasProcesses: !reports.isEmpty,
            problems: spots.prefix(5).map(ProblemLine.init), hasProblems: !spots.isEmpty,
            problemCount: Display.integer(spots.count),
            phases: [
                .init(
                    name: t("Erfassen"), question: t("Wer arbeitet mit wem, woran?"), href: Paths.ist,
                    action: t("Ist-Analyse ansehen")),
                .init(
                    name: t("Anreichern"), question: t("Was gehört zu jedem Prozess?"), href: Paths.processes,
                    action: t("Prozesse öffnen")),
                .init(
                    name: t("Messen"), question: t("Wie läuft es wirklich?"), href: Paths.monitor,
                    action: t("Kennzahlen und Ereignisprotokolle")),
                .init(
                    name: t("Verbessern"), question: t("Was ändern wir zuerst?"), href: Paths.optimize,
                    action: t("Schwachstellen ansehen")),
            ])
        return view
    }
}

/// One problem spot as a list line, with links to the objects it concerns.
struct ProblemLine: Sendable {
    struct Link: Sendable {
        var label: String
        var href: String
    }
    var title: String
    var detail: String
    var explanation: String
    var severity: String
    var severityClass: String
    var rule: String
    var links: [Link]
    var firstLink: Link?
    /// The roadmap's initiatives that address the spot.
    var addressedBy: [Link] = []
    /// The form for a new initiative made from the spot, for those who plan the roadmap.
    var createHref: String?
    /// The spot's page: its comments and the way to propose an improvement.
    var href: String

    init(_ spot: ProblemSpot) {
        title = spot.title
        detail = spot.detail
        explanation = spot.explanation
        severity = spot.severity.label
        severityClass = "severity-" + spot.severity.rawValue
        rule = spot.rule.rawValue
        links = spot.links.map { Link(label: "\($0.kind.label): \($0.name)", href: Display.href($0)) }
        firstLink = links.first
        href = Paths.problemSpot(spot.key)
    }
}
