import AmtswegCore
import Hummingbird

/// The Optimize phase: problem spots with filters and explanations, the Ist/Soll pairs with their savings,
/// and one comparison side by side.
struct OptimizePages: Sendable {
    let pages: Pages

    func addRoutes(to routes: RouteTable) {
        routes.get(Paths.optimize, .read) { request, context in try await problems(request, context) }
        routes.get(Paths.comparePattern, .read) { request, context in try await compare(request, context) }
        routes.get(Paths.problemSpotPattern, .read) { request, context in try await spot(request, context) }
    }

    /// The problem spot with `key` among those the rules find now; nil when none has it (any more).
    static func spot(_ key: String, in snapshot: TenantSnapshot) -> ProblemSpot? {
        snapshot.problemSpots.first { $0.key == key }
    }

    struct SpotView: Sendable {
        var spot: ProblemLine
        var proposeHref: String?
        var comments: CommentSectionView
    }

    /// One problem spot: what the rule found, what it touches, the initiatives that address it, and the staff's
    /// comments and proposals about it.
    func spot(_ request: Request, _ context: AppRequestContext) async throws -> HTMLResponse {
        let snapshot = try await pages.snapshot(context)
        let key = try context.parameters.require("key")
        guard let found = Self.spot(key, in: snapshot) else {
            throw HTTPError(.notFound, message: "Diese Schwachstelle gibt es (nicht mehr).")
        }
        let tenant = snapshot.map.tenant.id
        let roadmap = try await pages.workspace.roadmap(of: tenant)
        var line = ProblemLine(found)
        line.addressedBy = roadmap.initiatives.filter { $0.problemSpotKeys.contains(key) }.map {
            .init(label: "\($0.id) \($0.title)", href: Paths.initiative($0.id))
        }
        let map = snapshot.map
        line.createHref =
            context.access?.may(.planRoadmap, forUnits: [], in: map) == true ? Paths.newInitiative(spot: key) : nil
        let mayComment = context.access?.may(.comment, forUnits: [], in: map) == true
        let view = SpotView(
            spot: line, proposeHref: mayComment ? Paths.newProposal(about: .problemSpot(key)) : nil,
            comments: CommentSectionView(
                .problemSpot(key), comments: snapshot.visible(try await pages.workspace.comments(of: tenant)),
                mayComment: mayComment, map: map,
                people: try await CommentPages.people(of: tenant, in: pages.workspace), csrf: context.csrfToken))
        return try pages.page(
            "optimize/spot", title: found.title, section: .optimize, content: view, context: context,
            snapshot: snapshot)
    }

    struct ProblemsView: Sendable {
        struct RuleGroup: Sendable {
            var title: String
            var explanation: String
            var count: String
            var spots: [ProblemLine]
        }
        struct Pair: Sendable {
            var ist: String
            var soll: String
            var href: String
            var saving: String
            var addressedBy: [ProblemLine.Link]
            var createHref: String?
        }
        var groups: [RuleGroup]
        var total: String
        var shown: String
        var rules: [SelectOption]
        var severities: [SelectOption]
        var processes: [SelectOption]
        var isFiltered: Bool
        var pairs: [Pair]
    }

    func problems(_ request: Request, _ context: AppRequestContext) async throws -> HTMLResponse {
        let snapshot = try await pages.snapshot(context)
        let map = snapshot.map
        let roadmap = try await pages.workspace.roadmap(of: map.tenant.id)
        return try await pages.cachedPage(
            request, "optimize/problems", title: "Schwachstellen", section: .optimize, context: context,
            snapshot: snapshot
        ) { _ in
            let all = snapshot.problemSpots
            let mayPlan = context.access?.may(.planRoadmap, forUnits: [], in: map) == true
            func initiatives(_ matches: (Initiative) -> Bool) -> [ProblemLine.Link] {
                roadmap.initiatives.filter(matches).map {
                    .init(label: "\($0.id) \($0.title)", href: Paths.initiative($0.id))
                }
            }
            func line(_ spot: ProblemSpot) -> ProblemLine {
                var line = ProblemLine(spot)
                let key = spot.key
                line.addressedBy = initiatives { $0.problemSpotKeys.contains(key) }
                line.createHref = mayPlan ? Paths.newInitiative(spot: key) : nil
                return line
            }
            let query = request.uri.queryParameters
            let rule = query["rule"].map(String.init).flatMap(ProblemRule.init(rawValue:))
            let severity = query["severity"].map(String.init).flatMap(ProblemSeverity.init(rawValue:))
            let process = query["process"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
            let spots = all.filter { spot in
                (rule == nil || spot.rule == rule) && (severity == nil || spot.severity == severity)
                    && (process == nil || spot.links.contains { $0.id == process || $0.processID == process })
            }
            let groups = ProblemRule.allCases.compactMap { rule -> ProblemsView.RuleGroup? in
                let mine = spots.filter { $0.rule == rule }
                guard let first = mine.first else { return nil }
                return .init(
                    title: first.title, explanation: first.explanation, count: Display.integer(mine.count),
                    spots: mine.map(line))
            }.sorted { ($0.spots[0].severityRank, $0.title) < ($1.spots[0].severityRank, $1.title) }
            let pairs = snapshot.processes.compactMap { soll -> ProblemsView.Pair? in
                guard soll.state == .soll, let istID = soll.istID, let ist = snapshot.process(istID.rawValue) else {
                    return nil
                }
                let comparison = ProcessComparison(ist: ist, soll: soll, map: map)
                return .init(
                    ist: ist.name, soll: soll.name,
                    href: Paths.compare(ist.id.rawValue, soll.id.rawValue),
                    saving: comparison.savedEurosPerYear.map { Display.integer(Int($0.rounded())) + " € im Jahr" }
                        ?? "ohne Fallzahl nicht berechenbar",
                    addressedBy: initiatives { $0.processPair == .init(ist: ist.id, soll: soll.id) },
                    createHref: mayPlan ? Paths.newInitiative(ist: ist.id.rawValue, soll: soll.id.rawValue) : nil)
            }
            let present = Set(all.map(\.rule))
            let view = ProblemsView(
                groups: groups, total: Display.integer(all.count), shown: Display.integer(spots.count),
                rules: ProblemRule.allCases.filter(present.contains).map {
                    .init(value: $0.rawValue, label: $0.title, isSelected: $0 == rule)
                },
                severities: ProblemSeverity.allCases.map {
                    .init(value: $0.rawValue, label: $0.label, isSelected: $0 == severity)
                },
                processes: snapshot.processes.sorted { $0.name < $1.name }.map {
                    .init(value: $0.id.rawValue, label: $0.name, isSelected: $0.id.rawValue == process)
                },
                isFiltered: rule != nil || severity != nil || process != nil, pairs: pairs)
            return view
        }
    }

    struct CompareView: Sendable {
        var ist: String
        var soll: String
        var istHref: String
        var sollHref: String
        var istDiagram: String
        var sollDiagram: String
        var rows: [TableRow]
        var savings: String
    }

    func compare(_ request: Request, _ context: AppRequestContext) async throws -> HTMLResponse {
        let snapshot = try await pages.snapshot(context)
        let (_, ist) = try snapshot.readableProcess(try context.parameters.require("ist"))
        let (_, soll) = try snapshot.readableProcess(try context.parameters.require("soll"))
        let comparison = ProcessComparison(ist: ist, soll: soll, map: snapshot.map)
        func value(_ number: Double, _ key: String) -> String {
            key == "specialistSoftwareShare" ? Display.percent(number) : Display.decimal(number)
        }
        let rows = comparison.rows.map { row in
            TableRow(
                row.label,
                numbers: [
                    value(row.ist, row.key), value(row.soll, row.key),
                    (row.delta > 0 ? "+" : "") + value(row.delta, row.key),
                    row.relativeDelta.map { ($0 > 0 ? "+" : "") + Display.percent($0) } ?? "–",
                ], highlight: row.delta < 0)
        }
        var savings = "Für die Leistung ist keine Fallzahl erfasst; die Einsparung im Jahr lässt sich nicht berechnen."
        if let cases = comparison.casesPerYear, let hours = comparison.savedHoursPerYear,
            let fte = comparison.savedFTE, let euros = comparison.savedEurosPerYear
        {
            savings =
                "Bei \(Display.integer(cases)) Fällen im Jahr spart der Soll-Prozess \(Display.decimal(hours, digits: 0)) "
                + "Arbeitsstunden, das sind \(Display.decimal(fte, digits: 2)) Vollzeitstellen oder "
                + "\(Display.integer(Int(euros.rounded()))) € Personalkosten im Jahr."
        }
        let view = CompareView(
            ist: ist.name, soll: soll.name, istHref: Paths.process(ist.id),
            sollHref: Paths.process(soll.id),
            istDiagram: Paths.processDiagram(ist.id.rawValue),
            sollDiagram: Paths.processDiagram(soll.id.rawValue), rows: rows, savings: savings)
        return try pages.page(
            "optimize/compare", title: "Ist und Soll: \(ist.name)", section: .optimize, content: view,
            context: context, snapshot: snapshot)
    }
}

extension ProblemLine {
    /// High before medium before low.
    var severityRank: Int {
        switch severityClass {
        case "severity-high": 0
        case "severity-medium": 1
        default: 2
        }
    }
}
