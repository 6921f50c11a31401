import AmtswegCore
import AmtswegStore
import FIM
import Foundation
import Hummingbird

/// One service's OZG page: its catalogue entry (LeiKa type, legal bases, SDG, OZG-Leistung, Lage, Themenfeld),
/// its processes, problem spots and initiatives, the history of its maturity assessments, and — for
/// Prozessmanagement — the form that rates it on each criterion of the model, the lowest setting the level.
extension OZGPages {
    struct CriterionField: Sendable {
        var name: String
        var fieldName: String
        var question: String
        var options: [SelectOption]
    }

    struct RatingRow: Sendable {
        var criterion: String
        var rating: String
        var isLowest: Bool
    }

    struct HistoryRow: Sendable {
        var day: String
        var by: String
        var level: String
        var target: String
        var model: String
        var note: String
    }

    struct ServiceView: Sendable {
        var name: String
        var facts: [ProcessView.Fact]
        var legalBases: [Link]
        var inCatalogue: Bool
        var current: String
        var target: String
        var assessed: String
        var ratings: [RatingRow]
        var history: [HistoryRow]
        var processes: [Link]
        var spots: [Link]
        var initiatives: [Link]
        var mayAssess: Bool
        var action: String
        var csrf: String
        var errors: [String]
        var modelVersion: String
        var modelNote: String
        var modelOptions: [SelectOption]
        var hasSeveralModels: Bool
        var criteria: [CriterionField]
        var targetOptions: [SelectOption]
        var assessedOn: String
        var assessedBy: String
        var note: String
    }

    enum Field: String, FormField {
        case model, target, note
        case assessedOn = "assessed-on"
        case assessedBy = "assessed-by"
    }

    static func criterionField(_ criterion: MaturityCriterion) -> String { "criterion-" + criterion.id }

    func service(
        _ request: Request, _ context: AppRequestContext, input: FormInput?, errors: [String],
        status: HTTPResponse.Status = .ok
    ) async throws -> HTMLResponse {
        let snapshot = try await pages.snapshot(context)
        let tenant = snapshot.map.tenant.id
        let id = try context.parameters.require("id")
        guard let service = snapshot.map.services.first(where: { $0.id.rawValue == id }) else {
            throw HTTPError(.notFound, message: "Eine Leistung „\(id)“ gibt es nicht.")
        }
        let overview = try await pages.workspace.ozgOverview(snapshot)
        let models = try await Self.models(pages.workspace, tenant)
        let row = overview.rows.first { $0.service.id == service.id }
        let history = try await pages.workspace.repository.maturityAssessments(of: tenant)
            .filter { $0.serviceID == service.id }
        let chosen = request.uri.queryParameters["model"].map(String.init) ?? input?[Field.model]
        let model =
            models.first { $0.version == chosen } ?? models.first { $0.version == row?.assessment?.modelVersion }
            ?? Self.defaultModel(models, overview: overview) ?? MaturityModelReader.builtIn()
        let roadmap = try await pages.workspace.roadmap(of: tenant)
        let links = Links(
            snapshot: snapshot, roadmap: roadmap,
            spots: snapshot.problemSpots)
        let placement = row?.placement
        var facts: [ProcessView.Fact] = [
            .init(label: "LeiKa-Schlüssel", value: service.leikaKey.rawValue, href: nil),
            .init(
                label: "Zuständig", value: snapshot.map.units.first { $0.id == service.unitID }?.name ?? "–",
                href: Paths.unit(service.unitID)),
        ]
        if let placement {
            facts += [
                .init(label: "LeiKa-Bezeichnung", value: placement.entry.name, href: nil),
                .init(label: "LeiKa-Typ", value: placement.entry.type.isEmpty ? "–" : placement.entry.type, href: nil),
                .init(
                    label: "OZG-Leistung", value: placement.service.map { "\($0.name) (OZG-ID \($0.id))" } ?? "–",
                    href: nil),
                .init(label: "Lage", value: placement.situation?.name ?? "–", href: nil),
                .init(label: "Themenfeld", value: placement.topic?.name ?? "–", href: nil),
                .init(
                    label: "Single Digital Gateway",
                    value: placement.entry.sdg1 || placement.entry.sdg2
                        ? [placement.entry.sdg1 ? "Anhang I" : nil, placement.entry.sdg2 ? "Anhang II" : nil]
                            .compactMap { $0 }.joined(separator: ", ") : "nicht genannt", href: nil),
            ]
        }
        let current = row?.assessment
        let lowest = current.flatMap { $0.currentLevel(in: model) }
        let today = Day(pages.configuration.now())
        func value(_ field: Field, _ stored: String) -> String { input?[field] ?? stored }
        let target = Int(value(.target, "\(current?.targetLevel ?? min(model.conformFrom + 1, model.topLevel))"))
        let view = ServiceView(
            name: service.name, facts: facts,
            legalBases: (placement?.entry.legalBases ?? []).map { Link(text: $0.name, href: $0.url ?? "") },
            inCatalogue: placement != nil,
            current: Self.levelText(row?.currentLevel, model: row?.model),
            target: Self.levelText(row?.targetLevel, model: row?.model),
            assessed: current.map { "\(GermanFormat.date($0.assessedOn)), \($0.assessedBy)" } ?? "noch nie",
            ratings: (row?.model?.criteria ?? []).map { criterion in
                let rating = current?.ratings[criterion.id]
                var isLowest = false
                if case .level(let level) = rating, level == lowest { isLowest = true }
                return RatingRow(
                    criterion: criterion.name,
                    rating: rating.map { rating in
                        switch rating {
                        case .level(let level): Self.levelText(level, model: row?.model)
                        case .notNeeded: "entfällt (nicht erforderlich)"
                        }
                    } ?? "–", isLowest: isLowest)
            },
            history: history.reversed().map { assessment in
                let model = models.first { $0.version == assessment.modelVersion }
                return HistoryRow(
                    day: GermanFormat.date(assessment.assessedOn), by: assessment.assessedBy,
                    level: Self.levelText(model.flatMap { assessment.currentLevel(in: $0) }, model: model),
                    target: Self.levelText(assessment.targetLevel, model: model), model: assessment.modelVersion,
                    note: assessment.note)
            },
            processes: links.processes[service.id] ?? [], spots: links.spots[service.id] ?? [],
            initiatives: links.initiatives[service.id] ?? [],
            mayAssess: context.access?.role.grants(.manageProcesses) ?? true,
            action: Paths.ozgService(service.id), csrf: context.csrfToken, errors: errors,
            modelVersion: model.version,
            modelNote: "\(model.name): das Kriterium mit der niedrigsten Stufe bestimmt den Reifegrad.",
            modelOptions: models.map {
                SelectOption(value: $0.version, label: $0.name, isSelected: $0.version == model.version)
            }, hasSeveralModels: models.count > 1,
            criteria: model.criteria.map { criterion in
                let field = Self.criterionField(criterion)
                let stored = current?.modelVersion == model.version ? current?.ratings[criterion.id]?.key : nil
                let selected = input?[field] ?? stored ?? ""
                return CriterionField(
                    name: criterion.name, fieldName: field, question: criterion.question,
                    options: [SelectOption(value: "", label: "– bitte wählen –", isSelected: selected.isEmpty)]
                        + model.levels.map {
                            SelectOption(value: "\($0.number)", label: $0.label, isSelected: selected == "\($0.number)")
                        }
                        + (criterion.onlyWhereNeeded
                            ? [
                                SelectOption(
                                    value: "entfällt", label: "entfällt (nicht erforderlich)",
                                    isSelected: selected == "entfällt")
                            ]
                            : []))
            },
            targetOptions: model.levels.map {
                SelectOption(value: "\($0.number)", label: $0.label, isSelected: $0.number == target)
            },
            assessedOn: value(.assessedOn, today.description),
            assessedBy: value(.assessedBy, context.author.displayName), note: value(.note, ""))
        return try pages.page(
            "roadmap/ozg-service", title: "\(service.name) – " + pages.text("Reifegrad", context), section: .roadmap,
            content: view, context: context, snapshot: snapshot, status: status,
            notice: request.uri.queryParameters["saved"] != nil ? "Bewertung gespeichert." : nil)
    }

    func assess(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let input = try await FormInput.read(request, context: context, limit: pages.configuration.maxFormBytes)
        let snapshot = try await pages.snapshot(context)
        let tenant = snapshot.map.tenant.id
        let id = try context.parameters.require("id")
        guard let service = snapshot.map.services.first(where: { $0.id.rawValue == id }) else {
            throw HTTPError(.notFound, message: "Eine Leistung „\(id)“ gibt es nicht.")
        }
        let models = try await Self.models(pages.workspace, tenant)
        guard let model = models.first(where: { $0.version == input[Field.model] }) ?? models.last else {
            throw HTTPError(.unprocessableContent, message: "Kein Reifegradmodell hinterlegt.")
        }
        var errors: [String] = []
        var ratings: [String: MaturityRating] = [:]
        for criterion in model.criteria {
            let text = input[Self.criterionField(criterion)]
            if let rating = MaturityRating(key: text) {
                ratings[criterion.id] = rating
            } else {
                errors.append("„\(criterion.name)“: bitte eine Stufe wählen.")
            }
        }
        let day = Day(input[Field.assessedOn])
        if day == nil { errors.append("Bewertet am: bitte ein Datum angeben (TT.MM.JJJJ).") }
        if let day, day > Day(pages.configuration.now()) {
            errors.append("Bewertet am: das Datum liegt in der Zukunft.")
        }
        let by = input[Field.assessedBy]
        if by.count > 200 { errors.append("Bewertet von: höchstens 200 Zeichen.") }
        let note = input[Field.note]
        if note.count > 2_000 { errors.append("Anmerkung: höchstens 2.000 Zeichen.") }
        let assessment = MaturityAssessment(
            serviceID: service.id, modelVersion: model.version, ratings: ratings,
            targetLevel: Int(input[Field.target]) ?? -1, assessedOn: day ?? Day(pages.configuration.now()),
            assessedBy: by, note: note)
        if errors.isEmpty { errors = assessment.problems(in: model) }
        guard errors.isEmpty else {
            return try await self.service(
                request, context, input: input, errors: errors, status: .unprocessableContent
            )
            .response(from: request, context: context)
        }
        if try await pages.workspace.repository.maturityModels(of: tenant).isEmpty {
            try await pages.workspace.saveMaturityModel(model, of: tenant, by: context.author)
        }
        try await pages.workspace.recordMaturityAssessment(assessment, of: tenant, by: context.author)
        return SeeOther(location: Paths.ozgService(service.id) + "?saved=1").response(from: request, context: context)
    }

    /// The tenant's models; the one shipped with Amtsweg when none is stored yet (it is stored with the first
    /// assessment).
    static func models(_ workspace: Workspace, _ tenant: ID<Tenant>) async throws -> [MaturityModel] {
        let stored = try await workspace.repository.maturityModels(of: tenant)
        return stored.isEmpty ? [MaturityModelReader.builtIn()] : stored
    }
}
