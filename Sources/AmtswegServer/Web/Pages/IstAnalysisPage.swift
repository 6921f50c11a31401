import AmtswegCore
import Foundation
import Hummingbird

/// The Ist-Analyse: the seven workshop questions answered from the map, with the matrix as a heat map, the
/// network as a graph (and a table as its text equivalent), and a form to record what the workshop said.
struct IstAnalysisPage: Sendable {
    let pages: Pages

    func addRoutes(to routes: RouteTable) {
        routes.get(Paths.ist, .read) { request, context in
            try await show(request, context, form: .empty, cached: true)
        }
        routes.post(Paths.istFindings, .editMap) { request, context in try await record(request, context) }
    }

    /// The page; the plain GET (no form to show again, no notice) is kept until the map changes.
    func show(
        _ request: Request, _ context: AppRequestContext, form: FindingForm, status: HTTPResponse.Status = .ok,
        notice: String? = nil, cached: Bool = false
    ) async throws -> HTMLResponse {
        let snapshot = try await pages.snapshot(context)
        let rounds = try await pages.workspace.workshopRounds(of: snapshot.map.tenant.id)
        @Sendable func view(csrf: String) -> IstAnalysisView {
            var form = form
            form.questions = IstQuestion.allCases.map { question in
                .init(
                    value: String(question.rawValue), label: "\(question.rawValue). \(question.text)",
                    isSelected: String(question.rawValue) == form.question)
            }
            form.units = snapshot.map.units.sorted { $0.name < $1.name }.map {
                .init(value: $0.id.rawValue, label: $0.name, isSelected: $0.id.rawValue == form.unit)
            }
            form.csrf = csrf
            return IstAnalysisView(IstAnalysis(snapshot.map), map: snapshot.map, rounds: rounds, form: form)
        }
        if cached {
            return try await pages.cachedPage(
                request, "map/ist", title: "Ist-Analyse", section: .map, context: context, snapshot: snapshot,
                content: view)
        }
        return try pages.page(
            "map/ist", title: "Ist-Analyse", section: .map, content: view(csrf: context.csrfToken), context: context,
            snapshot: snapshot, status: status, notice: notice)
    }

    func record(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let input = try await FormInput.read(request, context: context, limit: pages.configuration.maxFormBytes)
        var form = FindingForm(input)
        let snapshot = try await pages.snapshot(context)
        guard let finding = form.validate(in: snapshot.map) else {
            return try await show(request, context, form: form, status: .unprocessableContent)
                .response(from: request, context: context)
        }
        var map = snapshot.map
        map.findings.append(finding)
        try await pages.workspace.saveMap(
            map, change: .finding(finding), by: context.author, basedOn: snapshot.mapVersion)
        form = .empty
        return SeeOther(location: Paths.ist + "?saved=1#findings").response(from: request, context: context)
    }
}

/// The workshop form, with what was entered and what is wrong with it.
struct FindingForm: Sendable {
    var question = ""
    var text = ""
    var author = ""
    var unit = ""
    var day = ""
    var errors: [String] = []
    var textError: String?
    var authorError: String?
    var questionError: String?
    var dayError: String?
    var questions: [SelectOption] = []
    var units: [SelectOption] = []
    var csrf = ""
    /// Stored, not computed: Mustache sees only stored properties.
    var hasErrors = false

    static let empty = FindingForm()

    init() {}

    init(_ input: FormInput) {
        question = input[FindingField.question]
        text = input[FindingField.text]
        author = input[FindingField.author]
        unit = input[FindingField.unit]
        day = input[FindingField.day]
    }

    /// The finding, or nil with the messages filled in.
    mutating func validate(in map: TenantMap) -> WorkshopFinding? {
        let istQuestion = Int(question).flatMap(IstQuestion.init(rawValue:))
        if istQuestion == nil { questionError = "Bitte eine der sieben Fragen wählen." }
        if text.isEmpty {
            textError = "Bitte das Ergebnis eintragen."
        } else if text.count > 4000 {
            textError = "Das Ergebnis ist zu lang (höchstens 4.000 Zeichen)."
        }
        if author.isEmpty { authorError = "Bitte angeben, wer das Ergebnis eingebracht hat." }
        let recordedOn = day.isEmpty ? Day.today : Day(day)
        if recordedOn == nil { dayError = "Das Datum bitte als TT.MM.JJJJ angeben, z. B. 14.03.2026." }
        if !unit.isEmpty, !map.units.contains(where: { $0.id.rawValue == unit }) { unit = "" }
        errors = [questionError, textError, authorError, dayError].compactMap { $0 }
        hasErrors = !errors.isEmpty
        guard errors.isEmpty, let istQuestion, let recordedOn else { return nil }
        let taken = Set(map.findings.map(\.id.rawValue))
        var number = map.findings.count + 1
        while taken.contains("ws-\(number)") { number += 1 }
        return WorkshopFinding(
            id: ID("ws-\(number)"), question: istQuestion, text: text, author: author, recordedOn: recordedOn,
            unitID: unit.isEmpty ? nil : ID(unit))
    }
}

extension Day {
    /// Today in the server's calendar.
    static var today: Day? {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)
    }
}

/// The fields of the form, as its template names them.
enum FindingField: String, FormField {
    case question, text, author, unit, day
}
