import AmtswegCore

/// The form of an initiative with what was entered and what is wrong with it. Made empty, from an initiative,
/// from a problem spot, an Ist/Soll pair or a workshop finding (pre-filled and linked back), or from a submitted
/// form.
struct InitiativeForm: Sendable {
    static let effortRows = 3

    struct EffortRow: Sendable {
        var index: Int
        var units: [SelectOption]
        var days: String
    }

    var id = ""
    var isNew = true
    var action = Paths.initiatives
    var title = ""
    var description = ""
    var field = ""
    var goalIDs: [String] = []
    var owner = ""
    var efforts: [(unit: String, days: String)] = []
    var cost = "0"
    var risk = "2"
    var duration = "1"
    var earliest = ""
    var fixed = ""
    var deadline = ""
    var dependencies: [String] = []
    var status = InitiativeStatus.idea.rawValue
    var reason = ""
    var spotKeys: [String] = []
    var processIDs: [String] = []
    var serviceIDs: [String] = []
    var ist = ""
    var soll = ""
    var finding = ""
    /// Where the form came from ("Schwachstelle …"), shown above it.
    var origin = ""
    var notes: [Initiative.ProgressNote] = []

    var errors: [String] = []
    var csrf = ""
    var fields: [SelectOption] = []
    var goals: [CheckOption] = []
    var owners: [SelectOption] = []
    var effortRows: [EffortRow] = []
    var risks: [SelectOption] = []
    var statuses: [SelectOption] = []
    var others: [CheckOption] = []
    var hidden: [SelectOption] = []

    init() {}

    init(_ initiative: Initiative) {
        id = initiative.id.rawValue
        isNew = false
        action = Paths.initiative(initiative.id)
        title = initiative.title
        description = initiative.description
        field = initiative.fieldID?.rawValue ?? ""
        goalIDs = initiative.goalIDs.map(\.rawValue)
        owner = initiative.ownerUnitID?.rawValue ?? ""
        efforts = initiative.efforts.map {
            (
                $0.unitID.rawValue,
                Display.decimal($0.personDays, digits: $0.personDays == $0.personDays.rounded() ? 0 : 1)
            )
        }
        cost = Display.decimal(initiative.cost, digits: 0).replacingOccurrences(of: ".", with: "")
        risk = "\(initiative.risk)"
        duration = "\(initiative.durationQuarters)"
        earliest = initiative.earliestStart?.description ?? ""
        fixed = initiative.fixedStart?.description ?? ""
        deadline = initiative.deadline?.description ?? ""
        dependencies = initiative.dependencies.map(\.rawValue)
        status = initiative.status.rawValue
        reason = initiative.rejectionReason
        spotKeys = initiative.problemSpotKeys
        processIDs = initiative.processIDs.map(\.rawValue)
        serviceIDs = initiative.serviceIDs.map(\.rawValue)
        ist = initiative.processPair?.ist.rawValue ?? ""
        soll = initiative.processPair?.soll.rawValue ?? ""
        finding = initiative.sourceFindingID?.rawValue ?? ""
        notes = initiative.notes
    }

    init(_ input: FormInput, existing: Initiative?) {
        if let existing { self.init(existing) } else { self.init() }
        title = input[InitiativeField.title]
        description = input[InitiativeField.description]
        field = input[InitiativeField.field]
        goalIDs = input.values(InitiativeField.goal)
        owner = input[InitiativeField.owner]
        efforts = (1...Self.effortRows).map {
            (input["effort-unit-\($0)"], input["effort-days-\($0)"])
        }.filter { !$0.0.isEmpty || !$0.1.isEmpty }
        cost = input[InitiativeField.cost]
        risk = input[InitiativeField.risk]
        duration = input[InitiativeField.duration]
        earliest = input[InitiativeField.earliest]
        fixed = input[InitiativeField.fixed]
        deadline = input[InitiativeField.deadline]
        dependencies = input.values(InitiativeField.dependency)
        status = input[InitiativeField.status]
        reason = input[InitiativeField.reason]
        if existing == nil {
            spotKeys = input.values(InitiativeField.spot)
            processIDs = input.values(InitiativeField.process)
            serviceIDs = input.values(InitiativeField.service)
            ist = input[InitiativeField.ist]
            soll = input[InitiativeField.soll]
            finding = input[InitiativeField.finding]
        }
    }

    /// The initiative the form describes, or `nil` with `errors` naming each problem (the form's own and those
    /// the roadmap finds with it in place).
    mutating func validate(
        id newID: ID<Initiative>, in roadmap: Roadmap, map: TenantMap, processIDs known: Set<ID<ProcessModel>>
    )
        -> Initiative?
    {
        errors = []
        func number(_ text: String, _ label: String, default fallback: Double? = nil) -> Double? {
            if text.isEmpty, let fallback { return fallback }
            guard let value = GermanFormat.parseDecimal(text) else {
                errors.append("\(label): „\(text)“ ist keine Zahl.")
                return nil
            }
            return value
        }
        func quarter(_ text: String, _ label: String) -> Quarter? {
            guard !text.isEmpty else { return nil }
            guard let value = Quarter(text) else {
                errors.append("\(label): „\(text)“ ist kein Quartal (Beispiel: 2027-Q2).")
                return nil
            }
            return value
        }
        if title.isEmpty { errors.append("Bitte einen Titel angeben.") }
        let cost = number(cost, "Kosten", default: 0)
        let risk = Int(risk).flatMap { (1...5).contains($0) ? $0 : nil }
        if risk == nil { errors.append("Das Risiko muss zwischen 1 und 5 liegen.") }
        let duration = Int(duration)
        if duration == nil { errors.append("Dauer: „\(self.duration)“ ist keine ganze Zahl von Quartalen.") }
        let efforts: [Initiative.Effort] = self.efforts.compactMap { row in
            guard !row.unit.isEmpty else {
                errors.append("Aufwand: Zu „\(row.days)“ Personentagen fehlt die Einheit.")
                return nil
            }
            guard let days = number(row.days, "Aufwand") else { return nil }
            return .init(unitID: ID(row.unit), personDays: days)
        }
        let deadlineDay: Day? = deadline.isEmpty ? nil : Day(deadline)
        if !deadline.isEmpty, deadlineDay == nil { errors.append("Frist: „\(deadline)“ ist kein Datum (TT.MM.JJJJ).") }
        let status = InitiativeStatus(rawValue: status)
        if status == nil { errors.append("Bitte einen Stand wählen.") }
        let earliestStart = quarter(earliest, "Frühester Beginn")
        let fixedStart = quarter(fixed, "Fester Beginn")
        guard errors.isEmpty, let cost, let risk, let duration, let status else { return nil }
        let initiative = Initiative(
            id: newID, title: title, description: description, fieldID: field.isEmpty ? nil : ID(field),
            goalIDs: goalIDs.map { ID($0) }, problemSpotKeys: spotKeys, processIDs: processIDs.map { ID($0) },
            processPair: ist.isEmpty || soll.isEmpty ? nil : .init(ist: ID(ist), soll: ID(soll)),
            serviceIDs: serviceIDs.map { ID($0) }, ownerUnitID: owner.isEmpty ? nil : ID(owner), efforts: efforts,
            cost: cost, risk: risk, durationQuarters: duration, earliestStart: earliestStart, fixedStart: fixedStart,
            deadline: deadlineDay, dependencies: dependencies.map { ID($0) }, status: status, rejectionReason: reason,
            notes: notes, sourceFindingID: finding.isEmpty ? nil : ID(finding))
        var candidate = roadmap
        if let index = candidate.initiatives.firstIndex(where: { $0.id == newID }) {
            candidate.initiatives[index] = initiative
        } else {
            candidate.initiatives.append(initiative)
        }
        errors = candidate.problems(map: map, processIDs: known)
        return errors.isEmpty ? initiative : nil
    }

    /// Fills the choices of the form's selects and boxes.
    mutating func prepare(roadmap: Roadmap, map: TenantMap, csrf: String) {
        self.csrf = csrf
        fields = roadmap.fields.map {
            .init(value: $0.id.rawValue, label: "\($0.name) (\($0.kind.label))", isSelected: $0.id.rawValue == field)
        }
        goals = roadmap.goals.map {
            .init(
                value: $0.id.rawValue, label: $0.title, isChecked: goalIDs.contains($0.id.rawValue),
                elementID: "goal-\($0.id)")
        }
        let units = map.units.sorted { $0.name < $1.name }
        owners = units.map { .init(value: $0.id.rawValue, label: $0.name, isSelected: $0.id.rawValue == owner) }
        effortRows = (1...Self.effortRows).map { index in
            let row = index <= efforts.count ? efforts[index - 1] : ("", "")
            return EffortRow(
                index: index,
                units: units.map { .init(value: $0.id.rawValue, label: $0.name, isSelected: $0.id.rawValue == row.0) },
                days: row.1)
        }
        risks = (1...5).map {
            .init(
                value: "\($0)", label: ["sehr gering", "gering", "mittel", "hoch", "sehr hoch"][$0 - 1] + " (\($0))",
                isSelected: "\($0)" == risk)
        }
        statuses = InitiativeStatus.allCases.map {
            .init(value: $0.rawValue, label: $0.label, isSelected: $0.rawValue == status)
        }
        others = roadmap.initiatives.filter { $0.id.rawValue != id }.map {
            .init(
                value: $0.id.rawValue, label: "\($0.id) \($0.title)", isChecked: dependencies.contains($0.id.rawValue),
                elementID: "dependency-\($0.id)")
        }
        hidden = []
        if isNew {
            hidden += spotKeys.map { .init(value: $0, label: InitiativeField.spot.rawValue, isSelected: false) }
            hidden += processIDs.map { .init(value: $0, label: InitiativeField.process.rawValue, isSelected: false) }
            hidden += serviceIDs.map { .init(value: $0, label: InitiativeField.service.rawValue, isSelected: false) }
            for (name, value) in [(InitiativeField.ist, ist), (.soll, soll), (.finding, finding)] where !value.isEmpty {
                hidden.append(.init(value: value, label: name.rawValue, isSelected: false))
            }
        }
    }
}

enum InitiativeField: String, FormField {
    case title, description, field, goal, owner, cost, risk, duration, earliest, fixed, deadline, dependency, status,
        reason, spot, process, service, ist, soll, finding, note
}

extension FormInput {
    /// Every value of a field sent several times (checkboxes), trimmed, empty ones left out.
    func values(_ field: some FormField) -> [String] {
        (fields[field.rawValue] ?? []).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }
}
