import AmtswegCore
import Hummingbird
import ProcessBPMN

/// The step editor: change a step (name, performer, medium, times, specialist software), add one after
/// another, move it up or down, remove it, or open a choice after it. Every change redraws the diagram:
/// the process is stored again as BPMN generated from the step list, with one lane per performer.
/// Only processes whose diagram is a step list (block-structured) can be edited this way.
struct StepEditorPages: Sendable {
    let pages: Pages

    func addRoutes(to routes: RouteTable) {
        routes.get(Paths.stepsPattern, .editProcess, scope: .process(parameter: "id")) { request, context in
            try await overview(request, context)
        }
        routes.get(Paths.stepPattern, .editProcess, scope: .process(parameter: "id")) { request, context in
            try await edit(request, context, form: nil)
        }
        routes.post(Paths.stepPattern, .editProcess, scope: .process(parameter: "id")) { request, context in
            try await update(request, context)
        }
        routes.post(Paths.stepMovePattern, .editProcess, scope: .process(parameter: "id")) { request, context in
            try await move(request, context)
        }
        routes.post(Paths.stepDeletePattern, .editProcess, scope: .process(parameter: "id")) { request, context in
            try await remove(request, context)
        }
        routes.post(Paths.stepInsertPattern, .editProcess, scope: .process(parameter: "id")) { request, context in
            try await insert(request, context)
        }
        routes.post(Paths.stepChoicePattern, .editProcess, scope: .process(parameter: "id")) { request, context in
            try await choice(request, context)
        }
    }

    // MARK: - Loading and saving

    struct Editing {
        var snapshot: TenantSnapshot
        var record: ProcessRecord
        var process: ProcessModel
        var captured: CapturedProcess
        /// The version being edited: a save based on it is refused if someone saved meanwhile.
        var version: Int?
    }

    func load(_ context: AppRequestContext) async throws -> Editing {
        let snapshot = try await pages.snapshot(context)
        let (record, process) = try snapshot.readableProcess(try context.parameters.require("id"))
        guard let captured = CapturedProcess(process: process) else {
            throw HTTPError(
                .unprocessableContent,
                message:
                    "Der Prozess „\(process.name)“ ist nicht als Schrittliste aufgebaut; bitte im Modellierungswerkzeug ändern und erneut hochladen."
            )
        }
        return Editing(
            snapshot: snapshot, record: record, process: process, captured: captured,
            version: snapshot.versionNumber(of: record.id))
    }

    /// Stores the edited list as the next version of the process and returns to the editor at the step. The
    /// form names the version it was made from; if someone saved since, nothing is stored and the visitor is
    /// told (409), never their change silently lost or someone else's overwritten.
    func save(
        _ edited: CapturedProcess?, _ editing: Editing, step: String, input: FormInput, context: AppRequestContext
    ) async throws -> SeeOther {
        guard let edited else { throw HTTPError(.notFound, message: "Einen Schritt „\(step)“ gibt es nicht.") }
        let record = ProcessRecord(captured: edited, map: editing.snapshot.map)
        try await pages.workspace.saveProcess(
            record, of: editing.snapshot.map.tenant.id, by: context.author, comment: "",
            basedOn: Int(input[StepField.version]))
        return SeeOther(
            location:
                Paths.steps(editing.record.id.rawValue) + "?saved=1#step-" + Paths.escape(step))
    }

    // MARK: - Pages

    struct OverviewView: Sendable {
        struct Step: Sendable {
            var id: String
            var number: String
            var name: String
            var facts: String
            var editHref: String
            var actionBase: String
            var isFirst: Bool
            var isLast: Bool
        }
        var name: String
        var processHref: String
        var diagramHref: String
        var steps: [Step]
        var csrf: String
        var version: String
    }

    func overview(_ request: Request, _ context: AppRequestContext) async throws -> HTMLResponse {
        let editing = try await load(context)
        let view = ProcessView(record: editing.record, process: editing.process, snapshot: editing.snapshot)
        let ids = editing.captured.stepIDs
        var steps: [OverviewView.Step] = []
        func collect(_ entries: [ProcessView.StepEntry]) {
            for entry in entries {
                if !entry.isBlock {
                    steps.append(
                        .init(
                            id: entry.id, number: entry.number, name: entry.name, facts: entry.facts,
                            editHref: entry.editHref ?? "", actionBase: entry.editHref ?? "",
                            isFirst: entry.id == ids.first, isLast: entry.id == ids.last))
                }
                for branch in entry.branches { collect(branch.entries) }
            }
        }
        collect(view.steps)
        let overview = OverviewView(
            name: editing.process.name, processHref: Paths.process(editing.record.id),
            diagramHref: view.diagramHref + "?v=\(editing.record.bpmn.hashValue & 0xFFFF_FFFF)", steps: steps,
            csrf: context.csrfToken, version: editing.version.map(String.init) ?? "")
        return try pages.page(
            "processes/steps", title: "Schritte bearbeiten: \(editing.process.name)", section: .processes,
            content: overview, context: context, snapshot: editing.snapshot,
            notice: request.uri.queryParameters["saved"] != nil ? "Gespeichert. Das Diagramm ist neu gezeichnet." : nil)
    }

    func edit(
        _ request: Request, _ context: AppRequestContext, form: StepForm?, status: HTTPResponse.Status = .ok
    ) async throws -> HTMLResponse {
        let editing = try await load(context)
        let stepID = try context.parameters.require("step")
        guard let step = editing.captured.step(stepID) else {
            throw HTTPError(.notFound, message: "Einen Schritt „\(stepID)“ gibt es nicht.")
        }
        var form = form ?? StepForm(name: step.name, details: step.details)
        if form.version.isEmpty { form.version = editing.version.map(String.init) ?? "" }
        form.prepare(
            map: editing.snapshot.map, processID: editing.record.id.rawValue, stepID: stepID, csrf: context.csrfToken
        ) { pages.renderer.translations.text($0, in: context.language) }
        return try pages.page(
            "processes/step-form", title: "Schritt bearbeiten: \(step.name)", section: .processes, content: form,
            context: context, snapshot: editing.snapshot, status: status)
    }

    func update(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let input = try await FormInput.read(request, context: context, limit: pages.configuration.maxFormBytes)
        let editing = try await load(context)
        let stepID = try context.parameters.require("step")
        guard let step = editing.captured.step(stepID) else {
            throw HTTPError(.notFound, message: "Einen Schritt „\(stepID)“ gibt es nicht.")
        }
        var form = StepForm(input)
        guard let (name, details) = form.validate(in: editing.snapshot.map, keeping: step.details) else {
            return try await edit(request, context, form: form, status: .unprocessableContent)
                .response(from: request, context: context)
        }
        return try await save(
            editing.captured.updatingStep(stepID, name: name, details: details), editing, step: stepID, input: input,
            context: context
        ).response(from: request, context: context)
    }

    func move(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let input = try await FormInput.read(request, context: context, limit: pages.configuration.maxFormBytes)
        let editing = try await load(context)
        let stepID = try context.parameters.require("step")
        let offset = input[StepField.direction] == "up" ? -1 : 1
        return try await save(
            editing.captured.movingStep(stepID, by: offset), editing, step: stepID, input: input, context: context
        )
        .response(from: request, context: context)
    }

    func remove(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let input = try await FormInput.read(request, context: context, limit: pages.configuration.maxFormBytes)
        let editing = try await load(context)
        let stepID = try context.parameters.require("step")
        guard editing.captured.stepIDs.count > 1 else {
            throw HTTPError(
                .unprocessableContent, message: "Der letzte Schritt eines Prozesses lässt sich nicht entfernen.")
        }
        return try await save(
            editing.captured.removingStep(stepID), editing, step: stepID, input: input, context: context
        )
        .response(from: request, context: context)
    }

    func insert(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let input = try await FormInput.read(request, context: context, limit: pages.configuration.maxFormBytes)
        let editing = try await load(context)
        let stepID = try context.parameters.require("step")
        let name = input[StepField.name].isEmpty ? "Neuer Schritt" : String(input[StepField.name].prefix(200))
        let performer = editing.captured.step(stepID)?.details.performer
        guard
            let edited = editing.captured.insertingStep(
                after: stepID, name: name, details: StepDetails(performer: performer))
        else { throw HTTPError(.notFound, message: "Einen Schritt „\(stepID)“ gibt es nicht.") }
        let newID = edited.stepIDs.first { !editing.captured.stepIDs.contains($0) } ?? stepID
        return try await save(edited, editing, step: newID, input: input, context: context).response(
            from: request, context: context)
    }

    func choice(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let input = try await FormInput.read(request, context: context, limit: pages.configuration.maxFormBytes)
        let editing = try await load(context)
        let stepID = try context.parameters.require("step")
        let question =
            input[StepField.question].isEmpty ? "Entscheidung" : String(input[StepField.question].prefix(200))
        let first = input[StepField.first].isEmpty ? "ja" : String(input[StepField.first].prefix(100))
        let second = input[StepField.second].isEmpty ? "nein" : String(input[StepField.second].prefix(100))
        let edited = editing.captured.insertingChoice(
            after: stepID, question: question,
            branches: [(first, 0.5, "\(first): weiter bearbeiten"), (second, 0.5, "\(second): weiter bearbeiten")])
        return try await save(edited, editing, step: stepID, input: input, context: context).response(
            from: request, context: context)
    }
}

/// The form of one step, with what was entered and what is wrong with it.
struct StepForm: Sendable {
    struct Check: Sendable {
        var value: String
        var label: String
        var isChecked: Bool
        var inputID: String
        /// The form field the box belongs to.
        var name = ""
    }
    /// One catalogue to pick from: specialist software, documents, legal bases or skills.
    struct CheckGroup: Sendable {
        var legend: String
        var emptyNote: String
        var checks: [Check]
    }
    var name = ""
    var performer = ""
    var medium = ""
    var handling = ""
    var waiting = ""
    var applications: [String] = []
    var documents: [String] = []
    var legalBases: [String] = []
    var skills: [String] = []
    var errors: [String] = []
    var nameError: String?
    var handlingError: String?
    var waitingError: String?
    var performerOptions: [SelectOption] = []
    var mediumOptions: [SelectOption] = []
    var groups: [CheckGroup] = []
    var action = ""
    var backHref = ""
    var csrf = ""
    /// The version the form was made from (see ``StepEditorPages/save(_:_:step:input:context:)``).
    var version = ""
    /// Stored, not computed: Mustache sees only stored properties.
    var hasErrors = false

    init(name: String, details: StepDetails) {
        self.name = name
        performer = details.performer?.description ?? ""
        medium = details.medium?.rawValue ?? ""
        handling = Display.decimal(details.handlingMinutes, digits: 0)
        waiting = Display.decimal(details.waitingMinutes, digits: 0)
        applications = details.applicationIDs.map(\.rawValue)
        documents = details.documentIDs.map(\.rawValue)
        legalBases = details.legalBasisIDs.map(\.rawValue)
        skills = details.requiredSkills.map(\.skillID.rawValue)
    }

    init(_ input: FormInput) {
        name = input[StepField.name]
        version = input[StepField.version]
        performer = input[StepField.performer]
        medium = input[StepField.medium]
        handling = input[StepField.handling]
        waiting = input[StepField.waiting]
        applications = input.fields[StepField.application.rawValue] ?? []
        documents = input.fields[StepField.document.rawValue] ?? []
        legalBases = input.fields[StepField.legalBasis.rawValue] ?? []
        skills = input.fields[StepField.skill.rawValue] ?? []
    }

    mutating func prepare(
        map: TenantMap, processID: String, stepID: String, csrf: String, translate: (String) -> String
    ) {
        self.csrf = csrf
        let positions = map.positions.sorted { $0.title < $1.title }.map { position -> SelectOption in
            let value = Performer.position(position.id).description
            return .init(
                value: value, label: "Stelle: \(map.name(of: .position(position.id)))", isSelected: value == performer)
        }
        let roles = map.roles.sorted { $0.name < $1.name }.map { role -> SelectOption in
            let value = Performer.role(role.id).description
            return .init(value: value, label: "Rolle: \(role.name)", isSelected: value == performer)
        }
        let units = map.units.sorted { $0.name < $1.name }.map { unit -> SelectOption in
            let value = Performer.unit(unit.id).description
            return .init(value: value, label: "Einheit: \(unit.name)", isSelected: value == performer)
        }
        performerOptions = positions + roles + units
        mediumOptions = Medium.allCases.map {
            .init(value: $0.rawValue, label: $0.label, isSelected: $0.rawValue == medium)
        }
        let catalogue = map.catalogue
        func group(_ legend: String, _ name: String, _ chosen: [String], _ entries: [(id: String, label: String)])
            -> CheckGroup
        {
            CheckGroup(
                legend: translate(legend), emptyNote: translate("Im Katalog ist noch nichts dieser Art erfasst."),
                checks: entries.sorted { $0.label < $1.label }.map {
                    Check(value: $0.id, label: $0.label, isChecked: chosen.contains($0.id), inputID: "\(name)-\($0.id)")
                })
        }
        groups = [
            group(
                "Fachverfahren", "application", applications, catalogue.applications.map { ($0.id.rawValue, $0.name) }),
            group(
                "Dokumente und Formulare", "document", documents, catalogue.documents.map { ($0.id.rawValue, $0.name) }),
            group(
                "Rechtsgrundlagen", "legalBasis", legalBases, catalogue.legalBases.map { ($0.id.rawValue, $0.citation) }
            ),
            group("Benötigte Kompetenzen", "skill", skills, catalogue.skills.map { ($0.id.rawValue, $0.name) }),
        ]
        for index in groups.indices {
            let name = ["application", "document", "legalBasis", "skill"][index]
            for check in groups[index].checks.indices { groups[index].checks[check].name = name }
        }
        action = Paths.step(processID, stepID)
        backHref = Paths.steps(processID)
    }

    /// The step's name and details, or nil with every message filled in. What the form does not show
    /// (RACI, documents, legal bases, skills, building block) is kept from `previous`.
    mutating func validate(in map: TenantMap, keeping previous: StepDetails) -> (String, StepDetails)? {
        if name.isEmpty {
            nameError = "Bitte den Schritt benennen."
        } else if name.count > 200 {
            nameError = "Der Name ist zu lang (höchstens 200 Zeichen)."
        }
        func minutes(_ text: String) -> Double? {
            guard !text.isEmpty else { return 0 }
            guard let value = Double(text.replacingOccurrences(of: ",", with: ".")), value >= 0, value <= 1_000_000
            else { return nil }
            return value
        }
        let handlingMinutes = minutes(handling), waitingMinutes = minutes(waiting)
        if handlingMinutes == nil { handlingError = "Bitte die Bearbeitungszeit in Minuten angeben, z. B. 15." }
        if waitingMinutes == nil { waitingError = "Bitte die Liegezeit in Minuten angeben, z. B. 480." }
        errors = [nameError, handlingError, waitingError].compactMap { $0 }
        hasErrors = !errors.isEmpty
        guard errors.isEmpty, let handlingMinutes, let waitingMinutes else { return nil }
        var details = previous
        details.performer = Performer(reference: performer).flatMap { candidate in
            switch candidate {
            case .position(let id): map.positions.contains { $0.id == id } ? candidate : nil
            case .role(let id): map.roles.contains { $0.id == id } ? candidate : nil
            case .unit(let id): map.units.contains { $0.id == id } ? candidate : nil
            }
        }
        details.medium = Medium(rawValue: medium)
        details.handlingMinutes = handlingMinutes
        details.waitingMinutes = waitingMinutes
        let catalogue = map.catalogue
        details.applicationIDs = applications.filter(Set(catalogue.applications.map(\.id.rawValue)).contains)
            .map { ID($0) }
        details.documentIDs = documents.filter(Set(catalogue.documents.map(\.id.rawValue)).contains).map { ID($0) }
        details.legalBasisIDs = legalBases.filter(Set(catalogue.legalBases.map(\.id.rawValue)).contains)
            .map { ID($0) }
        // Skills keep the level they had; newly chosen ones are asked for at the basic level.
        let levels = Dictionary(previous.requiredSkills.map { ($0.skillID, $0.level) }, uniquingKeysWith: { a, _ in a })
        details.requiredSkills = skills.filter(Set(catalogue.skills.map(\.id.rawValue)).contains).map {
            SkillRequirement(ID($0), level: levels[ID($0)] ?? .basic)
        }
        return (name, details)
    }
}

/// The fields of the form, as its template names them.
enum StepField: String, FormField {
    case direction, name, question, first, second, performer, medium, handling, waiting, application, document,
        legalBasis, skill, version
}
