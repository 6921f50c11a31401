import AmtswegCore

/// The planning page's forms, filled with the roadmap as it stands; element ids carry the form's key so that
/// every label points to its own field.
struct RoadmapSettingsView: Sendable {
    struct FieldForm: Sendable {
        var key: String
        var title: String
        var action: String
        var deleteAction: String?
        var name: String
        var kinds: [SelectOption]
        var description: String
        var goals: [CheckOption]
    }

    struct GoalForm: Sendable {
        var key: String
        var heading: String
        var action: String
        var deleteAction: String?
        var title: String
        var indicators: [SelectOption]
        var scopes: [SelectOption]
        var rules: [SelectOption]
        var baselineValue: String
        var baselineDay: String
        var targetValue: String
        var targetDay: String
        var directions: [SelectOption]
    }

    struct CapacityRow: Sendable {
        var key: String
        var unit: String
        var usual: String
        var exceptions: String
    }

    var csrf: String
    var errors: [String]
    var statement: String
    var agreedOn: String
    var agreedBy: String
    /// The workshop findings the Zielbild can come from; the first option is "none".
    var findings: [SelectOption]
    var weights: [TableRow]
    var weightSaving: String
    var weightGoals: String
    var weightCitizens: String
    var weightDeadline: String
    var weightEffort: String
    var weightRisk: String
    var horizon: String
    var capacities: [CapacityRow]
    var fields: [FieldForm]
    var goals: [GoalForm]

    init(plan: RoadmapPlan, snapshot: TenantSnapshot, csrf: String, errors: [String]) {
        let roadmap = plan.roadmap
        let map = snapshot.map
        self.csrf = csrf
        self.errors = errors
        statement = roadmap.vision?.statement ?? ""
        agreedOn = roadmap.vision?.agreedOn.map(GermanFormat.date) ?? ""
        agreedBy = roadmap.vision?.agreedBy ?? ""
        let source = roadmap.vision?.sourceFindingID
        findings = map.findings.sorted { ($0.recordedOn, $0.id) > ($1.recordedOn, $1.id) }.map { finding in
            SelectOption(
                value: finding.id.rawValue,
                label: "\(GermanFormat.date(finding.recordedOn)): \(Display.clipped(finding.text, to: 90))",
                isSelected: finding.id == source)
        }
        let w = roadmap.weights
        func number(_ value: Double) -> String { Display.decimal(value, digits: value == value.rounded() ? 0 : 1) }
        weightSaving = number(w.saving)
        weightGoals = number(w.goals)
        weightCitizens = number(w.citizens)
        weightDeadline = number(w.deadline)
        weightEffort = number(w.effort)
        weightRisk = number(w.risk)
        weights = []
        horizon = "\(roadmap.horizonQuarters)"
        let byUnit = Dictionary(roadmap.capacities.map { ($0.unitID, $0) }, uniquingKeysWith: { a, _ in a })
        capacities = map.units.sorted { $0.name < $1.name }.map { unit in
            let capacity = byUnit[unit.id]
            return CapacityRow(
                key: unit.id.rawValue, unit: unit.name, usual: capacity.map { number($0.personDaysPerQuarter) } ?? "",
                exceptions: capacity?.exceptions.sorted { $0.key < $1.key }.map { "\($0.key): \(number($0.value))" }
                    .joined(separator: "; ") ?? "")
        }
        func fieldForm(_ field: FieldOfAction?) -> FieldForm {
            let key = field.map { "field-\($0.id)" } ?? "field-new"
            return FieldForm(
                key: key, title: field.map { "\($0.id) \($0.name)" } ?? "Neues Handlungsfeld",
                action: field.map { Paths.roadmapField($0.id) } ?? Paths.roadmapFields,
                deleteAction: field.map { Paths.roadmapField($0.id) + "/delete" }, name: field?.name ?? "",
                kinds: FieldOfAction.Kind.allCases.map {
                    .init(value: $0.rawValue, label: $0.label, isSelected: $0 == (field?.kind ?? .operational))
                },
                description: field?.description ?? "",
                goals: roadmap.goals.map { goal in
                    CheckOption(
                        value: goal.id.rawValue, label: goal.title,
                        isChecked: field?.goalIDs.contains(goal.id) ?? false,
                        elementID: "\(key)-goal-\(goal.id)")
                })
        }
        fields = roadmap.fields.map(fieldForm) + [fieldForm(nil)]
        let scopeChoices: [(String, String)] =
            [("tenant", "ganze Verwaltung")]
            + map.units.sorted { $0.name < $1.name }.map { ("unit:\($0.id)", "Einheit: \($0.name)") }
            + map.services.sorted { $0.name < $1.name }.map { ("service:\($0.id)", "Leistung: \($0.name)") }
            + snapshot.records.sorted { $0.name < $1.name }.map { ("process:\($0.id)", "Prozess: \($0.name)") }
        func goalForm(_ goal: Goal?) -> GoalForm {
            let key = goal.map { "goal-\($0.id)" } ?? "goal-new"
            let scope = goal?.indicator.scope.key ?? "tenant"
            return GoalForm(
                key: key, heading: goal.map { "\($0.id) \($0.title)" } ?? "Neues Ziel",
                action: goal.map { Paths.roadmapGoal($0.id) } ?? Paths.roadmapGoals,
                deleteAction: goal.map { Paths.roadmapGoal($0.id) + "/delete" }, title: goal?.title ?? "",
                indicators: IndicatorKind.allCases.map {
                    .init(value: $0.rawValue, label: "\($0.label) (\($0.unit))", isSelected: $0 == goal?.indicator.kind)
                },
                scopes: scopeChoices.map { .init(value: $0.0, label: $0.1, isSelected: $0.0 == scope) },
                rules: ProblemRule.allCases.map {
                    .init(value: $0.rawValue, label: $0.title, isSelected: $0 == goal?.indicator.rule)
                },
                baselineValue: goal.map { number($0.baseline.value) } ?? "",
                baselineDay: GermanFormat.date(goal?.baseline.day ?? plan.today),
                targetValue: goal.map { number($0.target.value) } ?? "",
                targetDay: goal.map { GermanFormat.date($0.target.day) } ?? "",
                directions: Goal.Direction.allCases.map {
                    .init(value: $0.rawValue, label: $0.label, isSelected: $0 == goal?.direction)
                })
        }
        goals = roadmap.goals.map(goalForm) + [goalForm(nil)]
    }
}
