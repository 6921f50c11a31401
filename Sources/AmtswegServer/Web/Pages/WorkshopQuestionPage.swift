import AmtswegCore
import Foundation
import Hummingbird

/// The guided form a unit's Mitwirkende answer the workshop round with: one question per page, in plain German,
/// with what the map already holds for the unit shown for confirmation rather than retyped. Every answer is
/// saved at once, so the form can be left and resumed, and several people of one unit can answer together;
/// each answer waits for the facilitator's decision before it changes the map.
struct WorkshopQuestionPage: Sendable {
    let pages: Pages

    func addRoutes(to routes: RouteTable) {
        routes.get(Paths.workshopQuestionPattern, .editMap, scope: .unit(parameter: "unit")) { request, context in
            try await show(request, context, form: nil)
        }
        routes.post(Paths.workshopQuestionPattern, .editMap, scope: .unit(parameter: "unit")) { request, context in
            try await save(request, context)
        }
    }

    /// The plain words a unit is asked, per question.
    static func prompt(_ question: IstQuestion) -> String {
        switch question {
        case .whoWithWhom:
            "Welche Aufgaben hat Ihre Organisationseinheit? Bitte prüfen Sie die erfassten Aufgaben und ergänzen Sie, was fehlt."
        case .informationNeeds:
            "Welche Informationen braucht Ihre Organisationseinheit von wem, und welche gibt sie an wen weiter – auf welchem Weg?"
        case .internalInterfaces: "Was klappt an den Schnittstellen zu anderen Organisationseinheiten im Haus nicht?"
        case .externalInterfaces:
            "Was klappt an den Schnittstellen nach außen nicht – zu anderen Behörden, Bürgerinnen und Bürgern, Unternehmen?"
        case .entryPoints: "Wo und auf welchem Weg kommen Anfragen bei Ihrer Organisationseinheit an?"
        case .responsibilities: "Wo sind Zuständigkeiten oder Übergaben unklar?"
        case .taskTransparency: "Von welchen anderen Organisationseinheiten wissen Sie, was sie tun?"
        }
    }

    struct Step: Sendable {
        var label: String
        var href: String
        var isCurrent: Bool
        var isAnswered: Bool
    }

    struct AnswerLine: Sendable {
        var change: String
        var by: String
        var status: String
    }

    /// What was entered, kept when the form comes back with a message.
    struct Form: Sendable {
        var name = ""
        var text = ""
        var direction = "in"
        var partner = ""
        var object = ""
        var channel = ""
        var medium = ""
        var frequency = ""
        var volume = ""
        var known: Set<String> = []
        var errors: [String] = []
    }

    struct View: Sendable {
        var round: String
        var roundHref: String
        var unit: String
        var number: Int
        var total: Int
        var question: String
        var prompt: String
        var steps: [Step]
        var recorded: [String]
        var answers: [AnswerLine]
        var isOpen: Bool
        var isDuty: Bool
        var isFlow: Bool
        var isFinding: Bool
        var isEntryPoint: Bool
        var isAwareness: Bool
        var form: Form
        var directionIn: Bool
        var partners: [SelectOption]
        var objects: [SelectOption]
        var channels: [SelectOption]
        var media: [SelectOption]
        var knownUnits: [CheckOption]
        var hasErrors: Bool
        var saved: Bool
        var action: String
        var previousHref: String?
        var nextHref: String?
        var csrf: String
    }

    /// The round, the unit (one of the round's) and the question the path names; 404 for anything else.
    private func load(_ context: AppRequestContext) async throws -> (WorkshopPages.Loaded, OrgUnit, IstQuestion) {
        let loaded = try await WorkshopPages.load(context, pages: pages)
        let unitID = try context.parameters.require("unit")
        guard let unit = loaded.snapshot.unit(unitID), loaded.round.unitIDs.contains(unit.id) else {
            throw HTTPError(.notFound, message: "Die Organisationseinheit „\(unitID)“ gehört nicht zu dieser Runde.")
        }
        guard let number = context.parameters.get("question").flatMap(Int.init),
            let question = IstQuestion(rawValue: number)
        else { throw HTTPError(.notFound, message: "Die Runde hat die Fragen 1 bis 7.") }
        return (loaded, unit, question)
    }

    func show(
        _ request: Request, _ context: AppRequestContext, form: Form?, status: HTTPResponse.Status = .ok
    ) async throws -> HTMLResponse {
        let (loaded, unit, question) = try await load(context)
        let map = loaded.snapshot.map
        let index = MapIndex(map)
        let form = form ?? Form()
        let mine = loaded.answers.filter { $0.unitID == unit.id }
        let answered = Set(mine.map(\.question))
        let round = loaded.round
        func href(_ question: IstQuestion) -> String { Paths.workshopQuestion(round.id, unit: unit.id, question) }
        let endpoints: [FlowEndpoint] =
            map.units.filter { $0.id != unit.id }.map { .unit($0.id) } + map.externalParties.map { .external($0.id) }
        let view = View(
            round: round.title, roundHref: Paths.workshop(round.id), unit: unit.name, number: question.rawValue,
            total: IstQuestion.allCases.count, question: question.text, prompt: Self.prompt(question),
            steps: IstQuestion.allCases.map {
                Step(
                    label: $0.text, href: href($0), isCurrent: $0 == question,
                    isAnswered: answered.contains($0))
            },
            recorded: Self.recorded(question, of: unit.id, in: index),
            answers: mine.filter { $0.question == question }.map { answer in
                AnswerLine(
                    change: answer.change.description(in: index),
                    by: "\(answer.answeredBy.displayName), \(Display.dateTime(answer.answeredAt))",
                    status: answer.decision.map { WorkshopPages.label($0, index: index, by: answer.decidedBy) }
                        ?? (answer.change == .confirmed ? "bestätigt" : "wartet auf Entscheidung"))
            },
            isOpen: round.isOpen, isDuty: question.answerKind == .duty, isFlow: question.answerKind == .flow,
            isFinding: question.answerKind == .finding, isEntryPoint: question.answerKind == .entryPoint,
            isAwareness: question.answerKind == .awareness, form: form, directionIn: form.direction != "out",
            partners: endpoints.map { ($0.description, FlowForm.kindLabel($0) + index.name(of: $0)) }
                .sorted { $0.1 < $1.1 }.map { .init(value: $0.0, label: $0.1, isSelected: $0.0 == form.partner) },
            objects: map.informationObjects.sorted { $0.name < $1.name }.map {
                .init(value: $0.id.rawValue, label: $0.name, isSelected: $0.id.rawValue == form.object)
            },
            channels: Channel.allCases.map {
                .init(value: $0.rawValue, label: $0.label, isSelected: $0.rawValue == form.channel)
            },
            media: Medium.allCases.map {
                .init(value: $0.rawValue, label: $0.label, isSelected: $0.rawValue == form.medium)
            },
            knownUnits: map.units.filter { $0.id != unit.id }.sorted { $0.name < $1.name }.enumerated().map {
                offset, other in
                .init(
                    value: other.id.rawValue, label: other.name, isChecked: form.known.contains(other.id.rawValue),
                    elementID: "known-\(offset)")
            }, hasErrors: !form.errors.isEmpty, saved: request.uri.queryParameters["saved"] != nil,
            action: href(question),
            previousHref: IstQuestion(rawValue: question.rawValue - 1).map(href),
            nextHref: IstQuestion(rawValue: question.rawValue + 1).map(href), csrf: context.csrfToken)
        return try pages.page(
            "map/workshop-question", title: "Frage \(question.rawValue): \(unit.name)", section: .map, content: view,
            context: context, snapshot: loaded.snapshot, status: status)
    }

    /// What the map already holds for the unit on the question, in words.
    static func recorded(_ question: IstQuestion, of unit: ID<OrgUnit>, in index: MapIndex) -> [String] {
        let map = index.map
        switch question.answerKind {
        case .duty: return map.duties.filter { $0.unitID == unit }.map(\.name).sorted()
        case .flow:
            return map.flows.filter { map.units(of: $0).contains(unit) }
                .map { WorkshopAnswer.Change.flow($0).description(in: index) }
        case .entryPoint:
            return map.entryPoints.filter { $0.unitID == unit }
                .map { WorkshopAnswer.Change.entryPoint($0).description(in: index) }
        case .awareness:
            return map.awareness.filter { $0.unitID == unit }.map { index.unitName($0.knownUnitID) }.sorted()
        case .finding: return map.findings.filter { $0.unitID == unit && $0.question == question }.map(\.text)
        }
    }

    func save(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let input = try await FormInput.read(request, context: context, limit: pages.configuration.maxFormBytes)
        let (loaded, unit, question) = try await load(context)
        guard loaded.round.isOpen else {
            throw HTTPError(.conflict, message: "Die Runde „\(loaded.round.title)“ ist geschlossen.")
        }
        var form = Form(
            name: input[AnswerField.name], text: input[AnswerField.text], direction: input[AnswerField.direction],
            partner: input[AnswerField.partner], object: input[AnswerField.object],
            channel: input[AnswerField.channel], medium: input[AnswerField.medium],
            frequency: input[AnswerField.frequency], volume: input[AnswerField.volume],
            known: Set(input.fields[AnswerField.known.rawValue] ?? []))
        let changes: [WorkshopAnswer.Change]
        if input[AnswerField.intent] == "confirm" {
            changes = [.confirmed]
        } else {
            do {
                changes = try Self.changes(
                    from: form, question: question, unit: unit.id, round: loaded.round.id, map: loaded.snapshot.map,
                    author: context.author)
            } catch let error as AnswerProblem {
                form.errors = error.messages
                return try await show(request, context, form: form, status: .unprocessableContent)
                    .response(from: request, context: context)
            }
        }
        try await record(changes, of: unit.id, on: question, in: loaded, by: context.author)
        return SeeOther(location: Paths.workshopQuestion(loaded.round.id, unit: unit.id, question) + "?saved=1#answers")
            .response(from: request, context: context)
    }

    /// Stores each change as one answer of `unit` to `question` — the page's and the API's way alike.
    func record(
        _ changes: [WorkshopAnswer.Change], of unit: ID<OrgUnit>, on question: IstQuestion,
        in loaded: WorkshopPages.Loaded, by author: Author
    ) async throws {
        let now = Date()
        for change in changes {
            try await pages.workspace.saveWorkshopAnswer(
                WorkshopAnswer(
                    id: ID(UUID().uuidString.lowercased()), roundID: loaded.round.id, unitID: unit, question: question,
                    change: change, answeredBy: author, answeredAt: now),
                of: loaded.snapshot.map.tenant.id)
        }
    }

    /// What the form says, as changes the facilitator decides on one by one — the page's and the API's way
    /// alike. New objects get ids of their own, so two answers never claim the same one.
    static func changes(
        from form: Form, question: IstQuestion, unit: ID<OrgUnit>, round: ID<WorkshopRound>, map: TenantMap,
        author: Author
    ) throws -> [WorkshopAnswer.Change] {
        let suffix = String(UUID().uuidString.lowercased().prefix(8))
        func text(_ value: String, limit: Int, missing: String) throws -> String {
            do { return try PlainText.checked(value, limit: limit) } catch {
                throw AnswerProblem(messages: [
                    value.trimmingCharacters(in: .whitespaces).isEmpty ? missing : "\(error)"
                ])
            }
        }
        switch question.answerKind {
        case .duty:
            let name = try text(form.name, limit: 200, missing: "Bitte die Aufgabe benennen.")
            return [.duty(Duty(id: ID("aufgabe-\(suffix)"), name: name, unitID: unit))]
        case .finding:
            let words = try text(form.text, limit: 2_000, missing: "Bitte beschreiben, was nicht klappt.")
            return [
                .finding(
                    WorkshopFinding(
                        id: ID("befund-\(suffix)"), question: question, text: words, author: author.displayName,
                        recordedOn: Day(Date()), unitID: unit, roundID: round))
            ]
        case .flow:
            var flowForm = FlowForm()
            let own = FlowEndpoint.unit(unit).description
            (flowForm.from, flowForm.to) = form.direction == "out" ? (own, form.partner) : (form.partner, own)
            (flowForm.object, flowForm.channel, flowForm.medium) = (form.object, form.channel, form.medium)
            flowForm.frequency = form.frequency
            guard var flow = flowForm.validate(in: map) else { throw AnswerProblem(messages: flowForm.errors) }
            flow.id = ID("fluss-\(suffix)")
            return [.flow(flow)]
        case .entryPoint:
            var messages: [String] = []
            let channel = Channel(rawValue: form.channel)
            if channel == nil { messages.append("Bitte einen Kanal wählen.") }
            let volume = Int(form.volume.replacingOccurrences(of: ".", with: ""))
            if volume == nil || volume! < 0 || volume! > 10_000_000 {
                messages.append("Bitte die Anzahl der Anfragen im Jahr als ganze Zahl angeben, z. B. 1200.")
            }
            guard messages.isEmpty, let channel, let volume else { throw AnswerProblem(messages: messages) }
            return [
                .entryPoint(
                    EntryPoint(id: ID("eingang-\(suffix)"), unitID: unit, channel: channel, volumePerYear: volume))
            ]
        case .awareness:
            let known = map.units.filter { form.known.contains($0.id.rawValue) && $0.id != unit }
            guard !known.isEmpty else {
                throw AnswerProblem(messages: ["Bitte mindestens eine Organisationseinheit ankreuzen."])
            }
            return known.map { .awareness(UnitAwareness(unitID: unit, knownUnitID: $0.id)) }
        }
    }

    /// What is wrong with an answer, in the words the form shows.
    struct AnswerProblem: Error {
        var messages: [String]
    }
}

/// The fields of the answer form.
enum AnswerField: String, FormField {
    case intent, name, text, direction, partner, object, channel, medium, frequency, volume, known
}
