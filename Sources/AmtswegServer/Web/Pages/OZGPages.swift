import AmtswegCore
import AmtswegStore
import Foundation
import Hummingbird

/// The OZG dashboard and each service's maturity: where the tenant's services sit in the OZG catalogue
/// (Themenfeld, Lage, OZG-Leistung), their current and target maturity by Themenfeld and Lage, which
/// OZG-Leistungen are online, what is not assessed or not in the catalogue — and per service its catalogue entry,
/// its assessment history and the form Prozessmanagement assesses it with.
struct OZGPages: Sendable {
    let pages: Pages

    func addRoutes(to routes: RouteTable) {
        routes.get(Paths.ozg, .read) { request, context in try await dashboard(request, context) }
        routes.get(Paths.ozgServicePattern, .read) { request, context in
            try await service(request, context, input: nil, errors: [])
        }
        routes.post(Paths.ozgServicePattern, .manageProcesses) { request, context in
            try await assess(request, context)
        }
    }

    struct Link: Sendable {
        var text: String
        var href: String
    }

    struct ServiceRow: Sendable {
        var name: String
        var href: String
        var ozgService: String
        var topic: String
        var level: String
        var target: String
        var assessed: String
        var flagged: Bool
        var processes: [Link]
        /// "3 Schwachstellen", linking to the list on the service's page; `nil` when there are none.
        var spots: Link?
        var initiatives: [Link]
    }

    struct DashboardView: Sendable {
        var hasCatalogue: Bool
        var snapshotNote: String
        var modelNote: String
        var figures: [TableRow]
        var chartSVG: String
        var topicRows: [TableRow]
        var situationRows: [TableRow]
        var serviceRows: [ServiceRow]
        var ozgRows: [TableRow]
        var unassessed: [Link]
        var notInCatalogue: [Link]
    }

    /// What links a service to the rest of the tenant: its processes, their problem spots, the initiatives.
    struct Links {
        var processes: [ID<Service>: [Link]] = [:]
        var spots: [ID<Service>: [Link]] = [:]
        var initiatives: [ID<Service>: [Link]] = [:]

        init(snapshot: TenantSnapshot, roadmap: Roadmap, spots: [ProblemSpot]) {
            var serviceOfProcess: [String: ID<Service>] = [:]
            for process in snapshot.processes {
                guard let service = process.serviceID else { continue }
                serviceOfProcess[process.id.rawValue] = service
                processes[service, default: []].append(
                    Link(text: process.name, href: Paths.process(process.id.rawValue)))
            }
            for spot in spots {
                // A spot concerns a service through the service itself or one of its processes or their steps.
                let services = Set(
                    spot.links.compactMap { link -> ID<Service>? in
                        switch link.kind {
                        case .service: ID(link.id)
                        case .process: serviceOfProcess[link.id]
                        default: link.processID.flatMap { serviceOfProcess[$0] }
                        }
                    })
                for service in services.sorted() {
                    self.spots[service, default: []].append(
                        Link(text: "\(spot.title): \(spot.detail)", href: Paths.problemSpot(spot.key)))
                }
            }
            for initiative in roadmap.initiatives {
                for service in initiative.serviceIDs {
                    initiatives[service, default: []].append(
                        Link(text: initiative.title, href: Paths.initiative(initiative.id)))
                }
            }
        }
    }

    static func levelText(_ level: Int?, model: MaturityModel?) -> String {
        guard let level else { return "–" }
        return model?.level(level)?.label ?? "Stufe \(level)"
    }

    /// "2 – Formular-Assistent", for the columns of a wide table.
    static func shortLevelText(_ level: Int?, model: MaturityModel?) -> String {
        guard let level else { return "–" }
        return model?.level(level).map { "\(level) – \($0.name)" } ?? "\(level)"
    }

    static func mean(_ value: Double?) -> String { value.map { Display.decimal($0, digits: 1) } ?? "–" }

    func dashboard(_ request: Request, _ context: AppRequestContext) async throws -> HTMLResponse {
        let snapshot = try await pages.snapshot(context)
        let tenant = snapshot.map.tenant.id
        let overview = try await pages.workspace.ozgOverview(snapshot)
        let models = try await pages.workspace.repository.maturityModels(of: tenant)
        let roadmap = try await pages.workspace.roadmap(of: tenant)
        let model = Self.defaultModel(models, overview: overview)
        let links = Links(
            snapshot: snapshot, roadmap: roadmap,
            spots: snapshot.problemSpots)
        let rows = overview.rows
        let assessed = rows.filter { $0.currentLevel != nil }
        let conform = rows.filter { row in row.currentLevel.map { $0 >= (row.model?.conformFrom ?? 3) } ?? false }
        let online = overview.ozgServices.filter(\.isOnline).count
        let figures = [
            TableRow("Leistungen der Kommune", numbers: [Display.integer(rows.count)]),
            TableRow("davon bewertet", numbers: [Display.integer(assessed.count)]),
            TableRow(
                "davon online (ab Stufe \(model?.onlineFrom ?? 2))",
                numbers: [Display.integer(rows.filter(\.isOnline).count)]),
            TableRow(
                "davon OZG-konform (ab Stufe \(model?.conformFrom ?? 3))", numbers: [Display.integer(conform.count)]),
            TableRow("OZG-Leistungen der Kommune online", numbers: ["\(online) von \(overview.ozgServices.count)"]),
        ]
        func groupRows(_ groups: [OZGOverview.Group]) -> [TableRow] {
            groups.map {
                TableRow(
                    $0.name,
                    numbers: [
                        Display.integer($0.serviceIDs.count), Display.integer($0.assessed), Display.integer($0.online),
                        Self.mean($0.currentMean), Self.mean($0.targetMean),
                    ])
            }
        }
        let snapshotNote: String
        // The overview keeps the catalogue's source and date: the catalogue itself is not read again here.
        let catalogue = overview.catalogueSnapshot
        if let catalogue {
            snapshotNote =
                "Katalog: \(catalogue.source)"
                + (catalogue.asOf.map { ", Stand \(GermanFormat.date($0))" } ?? ", Stand unbekannt")
                + ". Ein Schnappschuss öffentlicher Daten: vor Entscheidungen mit der OZG-Informationsplattform abgleichen."
        } else {
            snapshotNote =
                "Noch kein OZG-Katalog eingelesen. Prozessmanagement liest ihn mit „amtsweg ozg import“ ein; bis dahin "
                + "ordnet Amtsweg die Leistungen keinem Themenfeld zu."
        }
        let view = DashboardView(
            hasCatalogue: catalogue != nil, snapshotNote: snapshotNote,
            modelNote: model.map {
                "\($0.name): Stufen 0 bis \($0.topLevel), \($0.criteria.count) Kriterien; das Kriterium mit der "
                    + "niedrigsten Stufe bestimmt den Reifegrad. Online ab Stufe \($0.onlineFrom), OZG-konform ab "
                    + "Stufe \($0.conformFrom)."
            } ?? "Noch kein Reifegradmodell hinterlegt; es wird mit der ersten Bewertung hinterlegt.",
            figures: figures,
            chartSVG: MaturityChart(
                title: "Reifegrad heute und Ziel je Themenfeld",
                groups: overview.topics.map { .init(label: $0.name, current: $0.currentMean, target: $0.targetMean) },
                topLevel: model?.topLevel ?? 4, onlineFrom: model?.onlineFrom ?? 2
            ).svg,
            topicRows: groupRows(overview.topics), situationRows: groupRows(overview.situations),
            serviceRows: rows.map { row in
                ServiceRow(
                    name: row.service.name, href: Paths.ozgService(row.service.id),
                    ozgService: row.placement?.service?.name ?? (row.placement == nil ? "nicht im OZG-Katalog" : "–"),
                    topic: row.placement?.topic?.name ?? "–",
                    level: Self.shortLevelText(row.currentLevel, model: row.model),
                    target: Self.shortLevelText(row.targetLevel, model: row.model),
                    assessed: row.assessment.map { GermanFormat.date($0.assessedOn) } ?? "nie",
                    flagged: row.placement == nil, processes: links.processes[row.service.id] ?? [],
                    spots: (links.spots[row.service.id]?.count).map {
                        Link(
                            text: $0 == 1 ? "1 Schwachstelle" : "\($0) Schwachstellen",
                            href: Paths.ozgService(row.service.id) + "#service-links")
                    }, initiatives: links.initiatives[row.service.id] ?? [])
            },
            ozgRows: overview.ozgServices.map {
                TableRow(
                    $0.service.name,
                    text: [
                        $0.situation?.name ?? "–", $0.topic?.name ?? "–", Display.integer($0.tenantServiceIDs.count),
                        $0.bestLevel.map { "Stufe \($0)" } ?? "–", $0.isOnline ? "online" : "nicht online",
                    ], highlight: $0.isOnline)
            },
            unassessed: overview.unassessed.map { Link(text: $0.name, href: Paths.ozgService($0.id)) },
            notInCatalogue: catalogue == nil
                ? []
                : overview.notInCatalogue.map {
                    Link(text: "\($0.name) (LeiKa \($0.leikaKey))", href: Paths.ozgService($0.id))
                })
        return try pages.page(
            "roadmap/ozg", title: pages.text("OZG-Umsetzung und Reifegrad", context), section: .roadmap,
            content: view, context: context, snapshot: snapshot)
    }

    /// The model a new assessment uses: the one of the newest assessments, else the highest version.
    static func defaultModel(_ models: [MaturityModel], overview: OZGOverview) -> MaturityModel? {
        let used = overview.rows.compactMap(\.assessment).max { $0.assessedOn < $1.assessedOn }?.modelVersion
        return models.first { $0.version == used }
            ?? models.max { $0.version.compare($1.version, options: .numeric) == .orderedAscending }
    }
}
