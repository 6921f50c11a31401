import AmtswegCore

/// The page of one initiative: facts, the priority score criterion by criterion, its place in the schedule and
/// its conflicts, what it is linked to, and the progress notes.
struct InitiativeView: Sendable {
    struct Link: Sendable {
        var label: String
        var href: String
    }

    struct Note: Sendable {
        var day: String
        var author: String
        var text: String
    }

    var id: String
    var title: String
    var description: String
    var status: String
    var facts: [TableRow]
    var scoreRows: [TableRow]
    var score: String
    var rank: String
    var period: String
    var conflicts: [String]
    var spots: [Link]
    var vanishedSpots: Bool
    var processes: [Link]
    var dependencies: [Link]
    var dependents: [Link]
    var notes: [Note]
    var form: InitiativeForm?
    var mayReport: Bool
    var noteAction: String
    /// The improvement proposal the initiative was made from, where it was: the link back.
    var sourceProposal: Link?
    var comments: CommentSectionView?
    var csrf: String

    init(
        initiative: Initiative, plan: RoadmapPlan, snapshot: TenantSnapshot, form: InitiativeForm?, mayReport: Bool,
        csrf: String
    ) {
        let roadmap = plan.roadmap
        let map = snapshot.map
        let unitName = Dictionary(map.units.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        id = initiative.id.rawValue
        title = initiative.title
        description = initiative.description
        status =
            initiative.status == .rejected
            ? "verworfen: \(initiative.rejectionReason)" : initiative.status.label
        let saved = plan.facts[initiative.id]?.savedHoursPerYear ?? 0
        var facts: [TableRow] = [
            TableRow("Handlungsfeld", text: [initiative.fieldID.flatMap { roadmap.field($0)?.name } ?? "–"]),
            TableRow(
                "Ziele", text: [initiative.goalIDs.compactMap { roadmap.goal($0)?.title }.joined(separator: "; ")]),
            TableRow("Verantwortlich", text: [initiative.ownerUnitID.flatMap { unitName[$0] } ?? "–"]),
            TableRow(
                "Aufwand",
                text: [
                    initiative.efforts.map {
                        "\(unitName[$0.unitID] ?? $0.unitID.rawValue): \(Display.decimal($0.personDays)) Personentage"
                    }.joined(separator: "; ")
                ]),
            TableRow("Kosten", text: [Display.integer(Int(initiative.cost.rounded())) + " €"]),
            TableRow("Risiko", text: ["\(initiative.risk) von 5"]),
            TableRow("Dauer", text: ["\(initiative.durationQuarters) Quartal(e)"]),
            TableRow("Frühester Beginn", text: [initiative.earliestStart?.label ?? "–"]),
            TableRow("Fester Beginn", text: [initiative.fixedStart?.label ?? "–"]),
            TableRow("Frist", text: [initiative.deadline.map(GermanFormat.date) ?? "–"]),
        ]
        if let pair = initiative.processPair {
            facts.append(
                TableRow(
                    "Einsparung aus Ist/Soll", href: Paths.compare(pair.ist.rawValue, pair.soll.rawValue),
                    text: ["\(Display.integer(Int(saved.rounded()))) Stunden im Jahr"]))
        }
        self.facts = facts
        let score = plan.score(of: initiative.id)
        self.score = score.map { Display.decimal($0.score, digits: 1) } ?? "–"
        rank =
            score.flatMap { score in plan.scores.firstIndex { $0.initiativeID == score.initiativeID } }
            .map { "Platz \($0 + 1) von \(plan.scores.count)" } ?? "nicht bewertet (nicht offen)"
        scoreRows = (score?.components ?? []).map { component in
            TableRow(
                Self.criterionLabel(component.criterion),
                numbers: [
                    Self.rawLabel(component), Display.decimal(component.normalised, digits: 2),
                    Display.decimal(component.weight), Display.decimal(component.points, digits: 1),
                ])
        }
        let placement = plan.schedule?.placements[initiative.id]
        period =
            placement.map { "\($0.start.label) bis \($0.end.label)" + ($0.isFixed ? " (fest)" : "") }
            ?? (plan.scheduleError ?? "nicht eingeplant")
        conflicts = (plan.schedule?.conflicts ?? []).filter { $0.initiativeID == initiative.id }
            .map { RoadmapView.describe($0, roadmap: roadmap, units: unitName) }
        let spotsByKey = Dictionary(plan.spots.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        spots = initiative.problemSpotKeys.map { key in
            guard let spot = spotsByKey[key] else {
                return Link(label: "Schwachstelle behoben oder Regel abgeschaltet (\(key))", href: "")
            }
            return Link(
                label: "\(spot.title): \(spot.detail)", href: spot.links.first.map(Display.href) ?? Paths.optimize)
        }
        vanishedSpots = initiative.problemSpotKeys.contains { spotsByKey[$0] == nil }
        let processIDs =
            initiative.processIDs + [initiative.processPair?.ist, initiative.processPair?.soll].compactMap { $0 }
        processes = processIDs.map {
            Link(label: snapshot.record($0.rawValue)?.name ?? $0.rawValue, href: Paths.process($0))
        }
        func link(_ id: ID<Initiative>) -> Link {
            Link(label: "\(id) \(roadmap.initiative(id)?.title ?? "")", href: Paths.initiative(id))
        }
        dependencies = initiative.dependencies.map(link)
        dependents = roadmap.initiatives.filter { $0.dependencies.contains(initiative.id) }.map { link($0.id) }
        notes = initiative.notes.reversed().map {
            Note(day: GermanFormat.date($0.day), author: $0.author, text: $0.text)
        }
        self.form = form
        self.mayReport = mayReport
        noteAction = Paths.initiativeNotes(initiative.id)
        self.csrf = csrf
    }

    static func criterionLabel(_ criterion: String) -> String {
        switch criterion {
        case "saving": "Einsparung"
        case "goals": "Ziele"
        case "citizens": "Betroffene"
        case "deadline": "Frist"
        case "effort": "Aufwand"
        case "risk": "Risiko"
        default: criterion
        }
    }

    static func rawLabel(_ component: PriorityScore.Component) -> String {
        switch component.criterion {
        case "saving": "\(Display.integer(Int(component.raw.rounded()))) h/Jahr"
        case "goals": "\(Int(component.raw)) Ziel(e)"
        case "citizens": "\(Display.integer(Int(component.raw))) Fälle/Jahr"
        case "deadline": component.raw < 0 ? "keine" : "in \(Int(component.raw)) Quartal(en)"
        case "effort": "\(Display.decimal(component.raw, digits: 0)) Personentage"
        case "risk": "\(Int(component.raw)) von 5"
        default: Display.decimal(component.raw)
        }
    }
}
