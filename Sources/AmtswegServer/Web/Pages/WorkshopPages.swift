import AmtswegCore
import AmtswegStore
import Foundation
import Hummingbird

/// Workshop rounds of the Ist-Analyse as shared work: the facilitator (Prozessmanagement) opens a round for a
/// set of units with a deadline, each unit answers the seven questions for itself (``WorkshopQuestionPage``),
/// and the facilitator follows the progress, decides on every answer — accept, accept corrected, reject — and
/// records contradictions between units as findings. Two rounds can be compared.
struct WorkshopPages: Sendable {
    let pages: Pages

    func addRoutes(to routes: RouteTable) {
        routes.get(Paths.workshops, .read) { request, context in try await list(request, context) }
        routes.get(Paths.newWorkshop, .review) { request, context in try await new(request, context, form: nil) }
        routes.post(Paths.workshops, .review) { request, context in try await open(request, context) }
        routes.get(Paths.workshopPattern, .read) { request, context in try await show(request, context) }
        routes.post(Paths.workshopClosePattern, .review) { request, context in try await close(request, context) }
        routes.get(Paths.workshopComparePattern, .read) { request, context in try await compare(request, context) }
        routes.post(Paths.workshopDecidePattern, .review) { request, context in try await decide(request, context) }
        routes.post(Paths.workshopContradictionsPattern, .review) { request, context in
            try await recordContradiction(request, context)
        }
        WorkshopQuestionPage(pages: pages).addRoutes(to: routes)
    }

    /// A round with everything its pages show: its answers, each unit's progress and the contradictions.
    struct Loaded: Sendable {
        var snapshot: TenantSnapshot
        var round: WorkshopRound
        var rounds: [WorkshopRound]
        var answers: [WorkshopAnswer]
        var progress: [WorkshopRound.Progress]
        var contradictions: [WorkshopContradiction]
    }

    /// The round named by the path's `id` (404 when there is none).
    static func load(_ context: AppRequestContext, pages: Pages) async throws -> Loaded {
        let snapshot = try await pages.snapshot(context)
        let tenant = snapshot.map.tenant.id
        let id = try context.parameters.require("id")
        let rounds = try await pages.workspace.workshopRounds(of: tenant)
        guard let round = rounds.first(where: { $0.id.rawValue == id }) else {
            throw HTTPError(.notFound, message: "Eine Workshop-Runde „\(id)“ gibt es nicht.")
        }
        let answers = try await pages.workspace.workshopAnswers(of: tenant).filter { $0.roundID == round.id }
        return Loaded(
            snapshot: snapshot, round: round, rounds: rounds, answers: answers,
            progress: round.progress(answers, today: Day(Date())),
            contradictions: WorkshopContradiction.find(in: answers, round: round, map: snapshot.map))
    }

    /// The id of the finding a contradiction becomes: one per answer that names the disputed flow, so it is
    /// recorded once.
    static func findingID(of contradiction: WorkshopContradiction) -> ID<WorkshopFinding> {
        ID("widerspruch-\(contradiction.answerID.rawValue)")
    }

    /// "vollständig", "überfällig", "offen" or "noch nicht begonnen", with the class the table marks it with.
    static func state(of progress: WorkshopRound.Progress) -> (label: String, className: String) {
        let className =
            switch progress.state {
            case .complete: "state-done"
            case .overdue: "state-overdue"
            case .open, .notStarted: "state-open"
            }
        return (progress.state.label, className)
    }

    // MARK: - The list

    struct ListView: Sendable {
        struct Line: Sendable {
            var title: String
            var href: String
            var units: String
            var deadline: String
            var status: String
            var complete: String
        }
        var lines: [Line]
        var mayOpen: Bool
    }

    func list(_ request: Request, _ context: AppRequestContext) async throws -> HTMLResponse {
        let snapshot = try await pages.snapshot(context)
        let tenant = snapshot.map.tenant.id
        let answers = try await pages.workspace.workshopAnswers(of: tenant)
        let today = Day(Date())
        let rounds = try await pages.workspace.workshopRounds(of: tenant).sorted { $0.openedOn > $1.openedOn }
        let view = ListView(
            lines: rounds.map { round in
                let progress = round.progress(answers, today: today)
                return .init(
                    title: round.title, href: Paths.workshop(round.id), units: Display.integer(round.unitIDs.count),
                    deadline: GermanFormat.date(round.deadline),
                    status: round.closedOn.map { "geschlossen am \(GermanFormat.date($0))" } ?? "offen",
                    complete: "\(progress.filter(\.isComplete).count) von \(progress.count)")
            },
            mayOpen: context.access?.may(.review, forUnits: [], in: snapshot.map) == true)
        return try pages.page(
            "map/workshops", title: "Workshop-Runden", section: .map, content: view, context: context,
            snapshot: snapshot)
    }

    // MARK: - Opening a round

    struct Form: Sendable {
        var title = ""
        var deadline = ""
        var units: [CheckOption] = []
        var errors: [String] = []
        var hasErrors = false
        var csrf = ""
    }

    func new(_ request: Request, _ context: AppRequestContext, form: Form?, status: HTTPResponse.Status = .ok)
        async throws -> HTMLResponse
    {
        let snapshot = try await pages.snapshot(context)
        var form = form ?? Form(title: "Ist-Analyse \(Day(Date()).year)")
        let chosen = Set(form.units.filter(\.isChecked).map(\.value))
        form.units = snapshot.map.units.sorted { $0.name < $1.name }.enumerated().map { offset, unit in
            .init(
                value: unit.id.rawValue, label: unit.name, isChecked: chosen.contains(unit.id.rawValue),
                elementID: "round-unit-\(offset)")
        }
        form.hasErrors = !form.errors.isEmpty
        form.csrf = context.csrfToken
        return try pages.page(
            "map/workshop-form", title: "Workshop-Runde eröffnen", section: .map, content: form, context: context,
            snapshot: snapshot, status: status)
    }

    func open(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let input = try await FormInput.read(request, context: context, limit: pages.configuration.maxFormBytes)
        let snapshot = try await pages.snapshot(context)
        let chosen = (input.fields[WorkshopField.unit.rawValue] ?? []).filter { snapshot.unit($0) != nil }
        var form = Form(
            title: input[WorkshopField.title], deadline: input[WorkshopField.deadline],
            units: chosen.map { .init(value: $0, label: "", isChecked: true, elementID: "") })
        let today = Day(Date())
        let title = form.title.trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty || title.count > 200 {
            form.errors.append("Bitte einen Titel mit höchstens 200 Zeichen angeben.")
        }
        let deadline = Day(form.deadline.trimmingCharacters(in: .whitespaces))
        if deadline == nil { form.errors.append("Bitte die Frist als Datum angeben, zum Beispiel 31.01.2027.") }
        if let deadline, deadline < today { form.errors.append("Die Frist liegt in der Vergangenheit.") }
        if chosen.isEmpty { form.errors.append("Bitte mindestens eine Organisationseinheit wählen.") }
        guard form.errors.isEmpty, let deadline else {
            return try await new(request, context, form: form, status: .unprocessableContent)
                .response(from: request, context: context)
        }
        let rounds = try await pages.workspace.workshopRounds(of: snapshot.map.tenant.id)
        let round = WorkshopRound(
            id: ID(RoadmapSettingsPages.nextID("runde-", rounds.map(\.id.rawValue), digits: 1)), title: title,
            unitIDs: chosen.map { ID($0) }, deadline: deadline, openedOn: today, openedBy: context.author)
        try await pages.workspace.openWorkshopRound(round, of: snapshot.map.tenant.id)
        return SeeOther(location: Paths.workshop(round.id)).response(from: request, context: context)
    }

    // MARK: - One round

    struct RoundView: Sendable {
        struct UnitLine: Sendable {
            var unit: String
            var unitHref: String
            var answered: String
            var open: String
            var state: String
            var stateClass: String
            var answerHref: String?
        }
        struct AnswerLine: Sendable {
            var id: String
            var unit: String
            var question: String
            var change: String
            var by: String
            var decision: String?
            var action: String?
            var mayCorrect: Bool
            var correction: String
        }
        struct ContradictionLine: Sendable {
            var text: String
            var answerID: String
            var isRecorded: Bool
        }
        var title: String
        var deadline: String
        var openedBy: String
        var status: String
        var isOpen: Bool
        /// "2 von 6 Organisationseinheiten vollständig · 1 überfällig · 5 Antworten warten auf Entscheidung · …"
        var summary: String
        var units: [UnitLine]
        var undecided: [AnswerLine]
        var decided: [AnswerLine]
        var contradictions: [ContradictionLine]
        var mayDecide: Bool
        var closeAction: String?
        var contradictionAction: String
        var compareAction: String
        var otherRounds: [SelectOption]
        var csrf: String
    }

    func show(_ request: Request, _ context: AppRequestContext) async throws -> HTMLResponse {
        let loaded = try await Self.load(context, pages: pages)
        let (snapshot, round) = (loaded.snapshot, loaded.round)
        let index = MapIndex(snapshot.map)
        let mayDecide = context.access?.may(.review, forUnits: [], in: snapshot.map) == true
        func line(_ answer: WorkshopAnswer) -> RoundView.AnswerLine {
            var correction = ""
            var mayCorrect = false
            switch answer.change {
            case .duty(let duty): (correction, mayCorrect) = (duty.name, true)
            case .finding(let finding): (correction, mayCorrect) = (finding.text, true)
            default: break
            }
            return .init(
                id: answer.id.rawValue, unit: index.unitName(answer.unitID),
                question: "\(answer.question.rawValue). \(answer.question.text)",
                change: answer.change.description(in: index),
                by: "\(answer.answeredBy.displayName), \(Display.dateTime(answer.answeredAt))",
                decision: answer.decision.map { Self.label($0, index: index, by: answer.decidedBy) },
                action: mayDecide && answer.decision == nil && answer.change != .confirmed
                    ? Paths.workshopDecide(round.id, answer: answer.id) : nil,
                mayCorrect: mayCorrect, correction: correction)
        }
        let view = RoundView(
            title: round.title, deadline: GermanFormat.date(round.deadline),
            openedBy: "\(round.openedBy.displayName), \(GermanFormat.date(round.openedOn))",
            status: round.closedOn.map { "geschlossen am \(GermanFormat.date($0))" } ?? "offen",
            isOpen: round.isOpen, summary: Self.summary(loaded),
            units: loaded.progress.map { progress in
                let (state, className) = Self.state(of: progress)
                let first = progress.open.first ?? .whoWithWhom
                let mayAnswer =
                    round.isOpen
                    && context.access?.may(.editMap, forUnits: [progress.unitID], in: snapshot.map) == true
                return .init(
                    unit: index.unitName(progress.unitID), unitHref: Paths.unit(progress.unitID),
                    answered: "\(progress.answered.count) von \(IstQuestion.allCases.count)",
                    open: progress.open.map { String($0.rawValue) }.joined(separator: ", "), state: state,
                    stateClass: className,
                    answerHref: mayAnswer ? Paths.workshopQuestion(round.id, unit: progress.unitID, first) : nil)
            },
            undecided: loaded.answers.filter { $0.decision == nil && $0.change != .confirmed }.map(line),
            decided: loaded.answers.filter { $0.decision != nil }.map(line),
            contradictions: loaded.contradictions.map { contradiction in
                .init(
                    text: contradiction.finding(
                        id: Self.findingID(of: contradiction), map: snapshot.map, round: round.id, on: Day(Date())
                    ).text, answerID: contradiction.answerID.rawValue,
                    isRecorded: snapshot.map.findings.contains { $0.id == Self.findingID(of: contradiction) })
            },
            mayDecide: mayDecide,
            closeAction: mayDecide && round.isOpen ? Paths.workshop(round.id) + "/close" : nil,
            contradictionAction: Paths.workshop(round.id) + "/contradictions",
            compareAction: Paths.workshopCompare(round.id, with: nil),
            otherRounds: loaded.rounds.filter { $0.id != round.id }.map {
                .init(value: $0.id.rawValue, label: $0.title, isSelected: false)
            }, csrf: context.csrfToken)
        return try pages.page(
            "map/workshop", title: round.title, section: .map, content: view, context: context, snapshot: snapshot)
    }

    /// The round in one sentence: how many units are done or late, how many answers wait, how many
    /// contradictions are open.
    static func summary(_ loaded: Loaded) -> String {
        let complete = loaded.progress.filter(\.isComplete).count
        let overdue = loaded.progress.filter(\.isOverdue).count
        let waiting = loaded.answers.filter { $0.decision == nil && $0.change != .confirmed }.count
        let contradictions = loaded.contradictions.filter {
            !loaded.snapshot.map.findings.map(\.id).contains(findingID(of: $0))
        }.count
        return [
            "\(complete) von \(loaded.progress.count) Organisationseinheiten vollständig",
            "\(overdue) überfällig",
            waiting == 1 ? "1 Antwort wartet auf Entscheidung" : "\(waiting) Antworten warten auf Entscheidung",
            contradictions == 1 ? "1 Widerspruch offen" : "\(contradictions) Widersprüche offen",
        ].joined(separator: " · ")
    }

    /// "übernommen von …", "geändert übernommen: …", "abgelehnt: …".
    static func label(_ decision: WorkshopAnswer.Decision, index: MapIndex, by author: Author?) -> String {
        let by = author.map { " (\($0.displayName))" } ?? ""
        switch decision {
        case .accepted: return "übernommen" + by
        case .edited(let change): return "geändert übernommen" + by + ": " + change.description(in: index)
        case .rejected(let reason): return "abgelehnt" + by + ": " + reason
        }
    }

    // MARK: - Decisions

    func decide(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let input = try await FormInput.read(request, context: context, limit: pages.configuration.maxFormBytes)
        let loaded = try await Self.load(context, pages: pages)
        let id = try context.parameters.require("answer")
        guard let answer = loaded.answers.first(where: { $0.id.rawValue == id }) else {
            throw HTTPError(.notFound, message: "Eine Antwort „\(id)“ gibt es in dieser Runde nicht.")
        }
        let decision = try Self.decision(
            input[WorkshopField.decision], note: input[WorkshopField.note], on: answer)
        try await pages.workspace.decideWorkshopAnswer(
            answer.id, decision, of: loaded.snapshot.map.tenant.id, by: context.author)
        return SeeOther(location: Paths.workshop(loaded.round.id) + "#answers")
            .response(from: request, context: context)
    }

    /// The decision a form or an API call asks for: `accept`; `edit` with the corrected wording of a task or a
    /// finding in `note`; `reject` with the reason in `note`. Anything else is 422 with what is missing.
    static func decision(_ kind: String, note: String, on answer: WorkshopAnswer) throws -> WorkshopAnswer.Decision {
        func text(_ what: String) throws -> String {
            do { return try PlainText.checked(note, limit: 2_000) } catch {
                throw HTTPError(.unprocessableContent, message: "\(what): \(error)")
            }
        }
        switch kind {
        case "accept": return .accepted
        case "reject": return .rejected(reason: try text("Bitte einen Grund für die Ablehnung angeben"))
        case "edit":
            let corrected = try text("Bitte die korrigierte Fassung angeben")
            switch answer.change {
            case .duty(var duty):
                duty.name = corrected
                return .edited(.duty(duty))
            case .finding(var finding):
                finding.text = corrected
                return .edited(.finding(finding))
            default:
                throw HTTPError(
                    .unprocessableContent,
                    message:
                        "Nur Aufgaben und Befunde lassen sich geändert übernehmen; diese Antwort übernehmen oder ablehnen."
                )
            }
        default:
            throw HTTPError(.unprocessableContent, message: "Bitte eine Entscheidung wählen: accept, edit oder reject.")
        }
    }

    func recordContradiction(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let input = try await FormInput.read(request, context: context, limit: pages.configuration.maxFormBytes)
        let loaded = try await Self.load(context, pages: pages)
        let answerID = input[WorkshopField.answer]
        guard let contradiction = loaded.contradictions.first(where: { $0.answerID.rawValue == answerID }) else {
            throw HTTPError(.unprocessableContent, message: "Zu dieser Antwort gibt es keinen Widerspruch.")
        }
        let finding = contradiction.finding(
            id: Self.findingID(of: contradiction), map: loaded.snapshot.map, round: loaded.round.id, on: Day(Date()))
        try await pages.workspace.recordContradiction(finding, of: loaded.snapshot.map.tenant.id, by: context.author)
        return SeeOther(location: Paths.workshop(loaded.round.id) + "#contradictions")
            .response(from: request, context: context)
    }

    func close(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        _ = try await FormInput.read(request, context: context, limit: pages.configuration.maxFormBytes)
        let loaded = try await Self.load(context, pages: pages)
        try await pages.workspace.closeWorkshopRound(
            loaded.round.id, on: Day(Date()), of: loaded.snapshot.map.tenant.id, by: context.author)
        return SeeOther(location: Paths.workshop(loaded.round.id)).response(from: request, context: context)
    }

    // MARK: - Two rounds compared

    struct CompareView: Sendable {
        struct Row: Sendable {
            var label: String
            var first: String
            var second: String
        }
        var first: String
        var firstHref: String
        var second: String
        var secondHref: String
        var questions: [Row]
        var units: [Row]
        var firstFindings: [String]
        var secondFindings: [String]
    }

    func compare(_ request: Request, _ context: AppRequestContext) async throws -> HTMLResponse {
        let loaded = try await Self.load(context, pages: pages)
        let snapshot = loaded.snapshot
        let otherID = request.uri.queryParameters["with"].map(String.init) ?? ""
        guard let other = loaded.rounds.first(where: { $0.id.rawValue == otherID && $0.id != loaded.round.id }) else {
            throw HTTPError(.notFound, message: "Bitte eine zweite Workshop-Runde zum Vergleich wählen.")
        }
        let all = try await pages.workspace.workshopAnswers(of: snapshot.map.tenant.id)
        // The older round first, so the table reads as "then → now".
        let (first, second) = loaded.round.openedOn <= other.openedOn ? (loaded.round, other) : (other, loaded.round)
        let index = MapIndex(snapshot.map)
        let comparison = WorkshopRoundComparison(first: first, second: second, answers: all, map: snapshot.map)
        func figures(_ counts: WorkshopRoundComparison.Counts) -> String {
            "\(counts.answers) Antworten, \(counts.merged) übernommen"
        }
        let view = CompareView(
            first: first.title, firstHref: Paths.workshop(first.id), second: second.title,
            secondHref: Paths.workshop(second.id),
            questions: comparison.questions.map {
                .init(
                    label: "\($0.question.rawValue). \($0.question.text)", first: figures($0.first),
                    second: figures($0.second))
            },
            units: comparison.units.map {
                .init(
                    label: index.unitName($0.unitID),
                    first: $0.first.map { "\($0) von \(IstQuestion.allCases.count) Fragen" } ?? "nicht beteiligt",
                    second: $0.second.map { "\($0) von \(IstQuestion.allCases.count) Fragen" } ?? "nicht beteiligt")
            }, firstFindings: comparison.firstFindings.map(\.text),
            secondFindings: comparison.secondFindings.map(\.text))
        return try pages.page(
            "map/workshop-compare", title: "Workshop-Runden im Vergleich", section: .map, content: view,
            context: context, snapshot: snapshot)
    }
}

/// The fields of the workshop forms.
enum WorkshopField: String, FormField {
    case title, deadline, unit, decision, note, answer
}
