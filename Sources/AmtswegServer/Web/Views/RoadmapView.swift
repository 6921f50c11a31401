import AmtswegCore

/// The roadmap page's view model: Zielbild, goals with trends, fields of action with their initiatives, the
/// schedule as Gantt chart, the priority matrix and the units' load — every chart with its table.
struct RoadmapView: Sendable {
    struct GoalView: Sendable {
        var id: String
        var title: String
        var indicator: String
        var scope: String
        var source: String
        var baseline: String
        var target: String
        var current: String
        var progress: String
        var status: String
        var statusClass: String
        var trendSVG: String
        var points: [TableRow]
        var fieldNames: String
    }

    struct InitiativeLine: Sendable {
        var id: String
        var href: String
        var title: String
        var status: String
        var owner: String
        var score: String
        var period: String
        var conflicts: String
    }

    struct FieldView: Sendable {
        var name: String
        var kind: String
        var description: String
        var goals: String
        var initiatives: [InitiativeLine]
    }

    var hasVision: Bool
    var vision: String
    var visionAgreed: String
    /// Where the overview puts the vision, kept apart from the plan (``RoadmapVisionView``); empty in print.
    var visionSlot = ""
    var goals: [GoalView]
    var fields: [FieldView]
    var conflicts: [String]
    var scheduleError: String?
    var ganttSVG: String
    var ganttRows: [TableRow]
    var matrixSVG: String
    var matrixRows: [TableRow]
    var loadSVG: String
    var loadHeader: [String]
    var loadRows: [TableRow]
    var weights: String
    var horizon: String
    var today: String
    var csrf: String

    init(plan: RoadmapPlan, map: TenantMap, csrf: String) {
        let roadmap = plan.roadmap
        self.csrf = csrf
        today = GermanFormat.date(plan.today)
        let vision = RoadmapVisionView(roadmap.vision, map: map)
        hasVision = vision.hasVision
        self.vision = vision.vision
        visionAgreed = vision.visionAgreed
        let unitName = Dictionary(map.units.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        goals = roadmap.goals.map { goal in
            let unit = goal.indicator.kind.unit
            let current = plan.currentValues[goal.indicator.key]
            let series = plan.series(of: goal)
            let reached = current.map(goal.isReached) ?? false
            let onTrack = plan.isOnTrack(goal)
            return GoalView(
                id: goal.id.rawValue, title: goal.title, indicator: goal.indicator.kind.label,
                scope: Self.scopeLabel(goal.indicator, map: map, processes: plan),
                source: goal.indicator.kind.source.label,
                baseline: "\(Self.value(goal.baseline.value, unit)) (\(GermanFormat.date(goal.baseline.day)))",
                target: "\(Self.value(goal.target.value, unit)) bis \(GermanFormat.date(goal.target.day))",
                current: current.map { Self.value($0, unit) } ?? "noch nicht messbar",
                progress: current.map { Display.percent(max(0, goal.progress($0))) } ?? "–",
                status: reached ? "erreicht" : onTrack ? "auf Kurs" : "nicht auf Kurs",
                statusClass: reached || onTrack ? "status-good" : "status-bad",
                trendSVG: TrendChart(
                    title: "Verlauf: \(goal.title)", unit: unit, baseline: goal.baseline, target: goal.target,
                    series: series
                ).svg,
                points: series.map { TableRow(GermanFormat.date($0.day), numbers: [Self.value($0.value, unit)]) },
                fieldNames: roadmap.fields.filter { $0.goalIDs.contains(goal.id) }.map(\.name).joined(separator: ", "))
        }
        var conflictsByInitiative: [ID<Initiative>: [String]] = [:]
        var conflictLines: [String] = []
        for conflict in plan.schedule?.conflicts ?? [] {
            let text = Self.describe(conflict, roadmap: roadmap, units: unitName)
            conflictLines.append(text)
            if let id = conflict.initiativeID { conflictsByInitiative[id, default: []].append(text) }
        }
        conflicts = conflictLines
        scheduleError = plan.scheduleError
        func line(_ initiative: Initiative) -> InitiativeLine {
            let placement = plan.schedule?.placements[initiative.id]
            return InitiativeLine(
                id: initiative.id.rawValue, href: Paths.initiative(initiative.id), title: initiative.title,
                status: initiative.status.label, owner: initiative.ownerUnitID.flatMap { unitName[$0] } ?? "–",
                score: plan.score(of: initiative.id).map { Display.decimal($0.score, digits: 0) } ?? "–",
                period: placement.map { $0.start == $0.end ? $0.start.label : "\($0.start.label) – \($0.end.label)" }
                    ?? (initiative.status.isOpen ? "nicht eingeplant" : initiative.status.label),
                conflicts: conflictsByInitiative[initiative.id]?.joined(separator: " ") ?? "")
        }
        fields = roadmap.fields.sorted {
            ($0.kind == .operational ? 0 : 1, $0.id) < ($1.kind == .operational ? 0 : 1, $1.id)
        }
        .map { field in
            FieldView(
                name: field.name, kind: field.kind.label, description: field.description,
                goals: field.goalIDs.compactMap { roadmap.goal($0)?.title }.joined(separator: "; "),
                initiatives: plan.ranked(roadmap.initiatives.filter { $0.fieldID == field.id }).map(line))
        }
        let unassigned = plan.ranked(roadmap.initiatives.filter { $0.fieldID == nil }).map(line)
        if !unassigned.isEmpty {
            fields.append(
                FieldView(name: "Ohne Handlungsfeld", kind: "", description: "", goals: "", initiatives: unassigned))
        }

        // Gantt chart: placed initiatives by field of action, in schedule order.
        let first = Quarter(plan.today)
        let placements = plan.schedule?.placements ?? [:]
        var groups: [GanttChart.Group] = []
        for field in roadmap.fields.sorted(by: { $0.id < $1.id }) + [
            FieldOfAction(id: "", name: "Ohne Handlungsfeld", kind: .operational)
        ] {
            let rows = roadmap.initiatives.filter { ($0.fieldID ?? "") == field.id && placements[$0.id] != nil }
                .sorted { (placements[$0.id]!.start, $0.id) < (placements[$1.id]!.start, $1.id) }
                .map { initiative in
                    let placed = placements[initiative.id]!
                    return GanttChart.Row(
                        id: initiative.id, label: "\(initiative.id) \(initiative.title)", start: placed.start,
                        end: placed.end, isFixed: placed.isFixed,
                        hasConflict: conflictsByInitiative[initiative.id] != nil,
                        deadline: initiative.deadline)
                }
            if !rows.isEmpty { groups.append(.init(title: field.name, rows: rows)) }
        }
        let lastEnd = placements.values.map(\.end).max() ?? first
        let quarters = max(4, min(roadmap.horizonQuarters, first.distance(to: lastEnd) + 1))
        let dependencies = roadmap.initiatives.flatMap { initiative in
            initiative.dependencies.map { ($0, initiative.id) }
        }
        ganttSVG =
            GanttChart(
                title: "Zeitplan der Maßnahmen", groups: groups, first: first, quarters: quarters, today: plan.today,
                dependencies: dependencies
            ).svg
        ganttRows = groups.flatMap { group in
            group.rows.map { row in
                TableRow(
                    row.label, href: Paths.initiative(row.id),
                    text: [group.title, row.start.label, row.end.label, row.deadline.map(GermanFormat.date) ?? "–"])
            }
        }

        // Priority matrix.
        let titles = Dictionary(roadmap.initiatives.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        matrixSVG =
            PriorityMatrix(
                title: "Wirkung und Aufwand der offenen Maßnahmen",
                points: plan.scores.map {
                    .init(
                        label: $0.initiativeID.rawValue, title: titles[$0.initiativeID] ?? "", effort: $0.personDays,
                        impact: $0.impact)
                }
            ).svg
        matrixRows = plan.scores.map { score in
            TableRow(
                "\(score.initiativeID) \(titles[score.initiativeID] ?? "")",
                numbers: [
                    Display.decimal(score.personDays, digits: 0), Display.percent(score.impact),
                    Display.decimal(score.score, digits: 0),
                ])
        }

        // Load per unit and quarter against capacity.
        let loadQuarters = (0..<quarters).map { first.adding($0) }
        loadHeader = loadQuarters.map(\.label)
        let load = plan.schedule?.load ?? [:]
        let capacityRows = roadmap.capacities.filter { load[$0.unitID] != nil }
        loadSVG =
            UnitLoadChart(
                title: "Auslastung der Einheiten je Quartal", quarters: loadHeader,
                rows: capacityRows.map { capacity in
                    .init(
                        unit: unitName[capacity.unitID] ?? capacity.unitID.rawValue,
                        cells: loadQuarters.map { (load[capacity.unitID]?[$0] ?? 0, capacity.personDays(in: $0)) })
                }
            ).svg
        loadRows = capacityRows.map { capacity in
            TableRow(
                unitName[capacity.unitID] ?? capacity.unitID.rawValue,
                numbers: loadQuarters.map {
                    "\(Display.decimal(load[capacity.unitID]?[$0] ?? 0)) / \(Display.decimal(capacity.personDays(in: $0)))"
                })
        }
        let w = roadmap.weights
        weights =
            "Einsparung \(Display.decimal(w.saving)), Ziele \(Display.decimal(w.goals)), Betroffene \(Display.decimal(w.citizens)), "
            + "Frist \(Display.decimal(w.deadline)), Aufwand \(Display.decimal(w.effort)), Risiko \(Display.decimal(w.risk))"
        horizon = "\(roadmap.horizonQuarters) Quartale ab \(first.label)"
    }

    /// A value in its unit with as many decimals as small values need to show a change.
    static func value(_ value: Double, _ unit: String) -> String {
        let digits =
            value == value.rounded() || abs(value) >= 100 ? 0 : unit == "%" || abs(value) >= 10 ? 1 : 2
        return Display.decimal(value, digits: digits) + (unit == "%" ? " %" : " " + unit)
    }

    static func scopeLabel(_ indicator: Indicator, map: TenantMap, processes plan: RoadmapPlan) -> String {
        var parts: [String] = []
        switch indicator.scope {
        case .tenant: parts.append("ganze Verwaltung")
        case .unit(let id): parts.append(map.units.first { $0.id == id }?.name ?? id.rawValue)
        case .service(let id): parts.append("Leistung " + (map.services.first { $0.id == id }?.name ?? id.rawValue))
        case .process(let id): parts.append("Prozess " + id.rawValue)
        }
        if let rule = indicator.rule { parts.append("Regel „\(rule.title)“") }
        return parts.joined(separator: ", ")
    }

    static func describe(_ conflict: ScheduleConflict, roadmap: Roadmap, units: [ID<OrgUnit>: String]) -> String {
        func name(_ id: ID<Initiative>) -> String { "„\(roadmap.initiative(id)?.title ?? id.rawValue)“ (\(id))" }
        switch conflict {
        case .deadlineMissed(let id, let deadline, let end):
            return "\(name(id)) wird erst \(end.label) fertig, die Frist ist der \(GermanFormat.date(deadline))."
        case .overCapacity(let unit, let quarter, let load, let capacity):
            return "\(units[unit] ?? unit.rawValue) ist \(quarter.label) mit \(Display.decimal(load)) Personentagen "
                + "über der Kapazität von \(Display.decimal(capacity))."
        case .noRoom(let id):
            return "\(name(id)) findet im Planungszeitraum kein Quartal mit genug freier Kapazität."
        case .blockedBy(let id, let dependency):
            return "\(name(id)) wartet auf \(name(dependency)), das nicht eingeplant werden konnte."
        case .dependsOnRejected(let id, let dependency):
            return "\(name(id)) hängt von der verworfenen Maßnahme \(name(dependency)) ab."
        case .startsBeforeDependency(let id, let dependency):
            return "\(name(id)) ist fest eingeplant, bevor \(name(dependency)) fertig ist."
        }
    }
}
