import AmtswegCore
import AmtswegStore
import Foundation
import Hummingbird

/// Planning the roadmap (Prozessmanagement): the Zielbild, goals, fields of action, the weights of the priority
/// score with the planning horizon, and the units' capacities — one page, one form per part. Every change is
/// checked against the whole roadmap and refused naming each problem; deleting a goal says what lost its link.
struct RoadmapSettingsPages: Sendable {
    let pages: Pages
    var roadmapPages: RoadmapPages { RoadmapPages(pages: pages) }

    func addRoutes(to routes: RouteTable) {
        routes.get(Paths.roadmapSettings, .planRoadmap) { request, context in try await show(request, context) }
        routes.post(Paths.roadmapVision, .planRoadmap) { request, context in
            try await change(request, context, action: "saveVision", object: "roadmap", summary: "Zielbild geändert") {
                roadmap, input, _ in
                let statement = input[SettingsField.statement]
                guard !statement.isEmpty else { throw RoadmapError(["Bitte das Zielbild als Text angeben."]) }
                let day = input[SettingsField.agreedOn]
                guard day.isEmpty || Day(day) != nil else {
                    throw RoadmapError(["„\(day)“ ist kein Datum (TT.MM.JJJJ)."])
                }
                let finding = input[SettingsField.finding]
                roadmap.vision = Vision(
                    statement: statement, agreedOn: Day(day), agreedBy: input[SettingsField.agreedBy],
                    sourceFindingID: finding.isEmpty ? nil : ID(finding))
                return []
            }
        }
        routes.post(Paths.roadmapWeights, .planRoadmap) { request, context in
            try await change(
                request, context, action: "saveWeights", object: "roadmap", summary: "Gewichte und Zeitraum geändert"
            ) { roadmap, input, _ in
                var problems: [String] = []
                func weight(_ field: SettingsField) -> Double {
                    guard let value = GermanFormat.parseDecimal(input[field]) else {
                        problems.append("Gewicht „\(input[field])“ ist keine Zahl.")
                        return 0
                    }
                    return value
                }
                roadmap.weights = PriorityWeights(
                    saving: weight(.saving), goals: weight(.goals), citizens: weight(.citizens),
                    deadline: weight(.deadline), effort: weight(.effort), risk: weight(.risk))
                guard let horizon = Int(input[SettingsField.horizon]) else {
                    throw RoadmapError(problems + ["Der Planungszeitraum muss eine ganze Zahl von Quartalen sein."])
                }
                roadmap.horizonQuarters = horizon
                if !problems.isEmpty { throw RoadmapError(problems) }
                return []
            }
        }
        routes.post(Paths.roadmapCapacities, .planRoadmap) { request, context in
            try await change(
                request, context, action: "saveCapacities", object: "roadmap", summary: "Kapazitäten geändert"
            ) { roadmap, input, map in
                roadmap.capacities = try Self.capacities(input, map: map)
                return []
            }
        }
        routes.post(Paths.roadmapFields, .planRoadmap) { request, context in
            try await saveField(request, context, id: nil)
        }
        routes.post(Paths.roadmapFieldPattern, .planRoadmap) { request, context in
            try await saveField(request, context, id: try context.parameters.require("id"))
        }
        routes.post(Paths.roadmapFieldDeletePattern, .planRoadmap) { request, context in
            let id = ID<FieldOfAction>(try context.parameters.require("id"))
            return try await change(
                request, context, action: "deleteField", object: "field:\(id)", summary: "Handlungsfeld gelöscht: \(id)"
            ) { roadmap, _, _ in
                guard roadmap.field(id) != nil else {
                    throw HTTPError(.notFound, message: "Ein Handlungsfeld „\(id)“ gibt es nicht.")
                }
                let (changed, unlinked) = roadmap.removingField(id)
                roadmap = changed
                return unlinked
            }
        }
        routes.post(Paths.roadmapGoals, .planRoadmap) { request, context in
            try await saveGoal(request, context, id: nil)
        }
        routes.post(Paths.roadmapGoalPattern, .planRoadmap) { request, context in
            try await saveGoal(request, context, id: try context.parameters.require("id"))
        }
        routes.post(Paths.roadmapGoalDeletePattern, .planRoadmap) { request, context in
            let id = ID<Goal>(try context.parameters.require("id"))
            return try await change(
                request, context, action: "deleteGoal", object: "goal:\(id)", summary: "Ziel gelöscht: \(id)"
            ) { roadmap, _, _ in
                guard roadmap.goal(id) != nil else {
                    throw HTTPError(.notFound, message: "Ein Ziel „\(id)“ gibt es nicht.")
                }
                let (changed, unlinked) = roadmap.removingGoal(id)
                roadmap = changed
                return unlinked
            }
        }
    }

    // MARK: - Page

    func show(
        _ request: Request, _ context: AppRequestContext, errors: [String] = [], status: HTTPResponse.Status = .ok
    ) async throws -> HTMLResponse {
        let (snapshot, plan) = try await roadmapPages.plan(context)
        let query = request.uri.queryParameters
        var notice: String? = query["saved"] != nil ? "Gespeichert." : nil
        if let unlinked = query["unlinked"].map(String.init), !unlinked.isEmpty {
            notice = "Gespeichert. Ohne diesen Bezug sind jetzt: \(unlinked)."
        }
        let view = RoadmapSettingsView(plan: plan, snapshot: snapshot, csrf: context.csrfToken, errors: errors)
        return try pages.page(
            "roadmap/settings", title: "Fahrplan planen", section: .roadmap, content: view, context: context,
            snapshot: snapshot, status: status, notice: notice)
    }

    /// Applies one change to the roadmap and saves it; a refused change shows the page again with its problems.
    /// `apply` returns the titles of what lost a link, for the notice.
    func change(
        _ request: Request, _ context: AppRequestContext, action: String, object: String, summary: String,
        apply: (inout Roadmap, FormInput, TenantMap) throws -> [String]
    ) async throws -> Response {
        let input = try await FormInput.read(request, context: context, limit: pages.configuration.maxFormBytes)
        let (snapshot, plan) = try await roadmapPages.plan(context)
        var roadmap = plan.roadmap
        do {
            let unlinked = try apply(&roadmap, input, snapshot.map)
            try await pages.workspace.saveRoadmap(
                roadmap, of: snapshot.map.tenant.id,
                change: MapChange(action: action, object: object, summary: summary),
                by: context.author)
            let suffix = unlinked.isEmpty ? "" : "&unlinked=" + Paths.escape(unlinked.joined(separator: ", "))
            return SeeOther(location: Paths.roadmapSettings + "?saved=1" + suffix).response(
                from: request, context: context)
        } catch let error as RoadmapError {
            return try await show(request, context, errors: error.problems, status: .unprocessableContent)
                .response(from: request, context: context)
        } catch StoreError.invalidRoadmap(let problems) {
            return try await show(request, context, errors: problems, status: .unprocessableContent)
                .response(from: request, context: context)
        }
    }

    // MARK: - Parts

    func saveField(_ request: Request, _ context: AppRequestContext, id: String?) async throws -> Response {
        try await change(
            request, context, action: id == nil ? "createField" : "updateField", object: "field:\(id ?? "neu")",
            summary: id == nil ? "Handlungsfeld angelegt" : "Handlungsfeld geändert: \(id!)"
        ) { roadmap, input, _ in
            let fieldID = ID<FieldOfAction>(id ?? Self.nextID("H", roadmap.fields.map(\.id.rawValue)))
            if let id, roadmap.field(ID(id)) == nil {
                throw HTTPError(.notFound, message: "Ein Handlungsfeld „\(id)“ gibt es nicht.")
            }
            guard let kind = FieldOfAction.Kind(rawValue: input[SettingsField.kind]) else {
                throw RoadmapError(["Bitte wählen, ob das Handlungsfeld operativ oder strategisch ist."])
            }
            let field = FieldOfAction(
                id: fieldID, name: input[SettingsField.name], kind: kind, description: input[SettingsField.description],
                goalIDs: input.values(SettingsField.goal).map { ID($0) })
            if let index = roadmap.fields.firstIndex(where: { $0.id == fieldID }) {
                roadmap.fields[index] = field
            } else {
                roadmap.fields.append(field)
            }
            return []
        }
    }

    func saveGoal(_ request: Request, _ context: AppRequestContext, id: String?) async throws -> Response {
        let (snapshot, _) = try await roadmapPages.plan(context)
        let evaluator = try await roadmapPages.pages.workspace.indicatorEvaluator(snapshot)
        return try await change(
            request, context, action: id == nil ? "createGoal" : "updateGoal", object: "goal:\(id ?? "neu")",
            summary: id == nil ? "Ziel angelegt" : "Ziel geändert: \(id!)"
        ) { roadmap, input, _ in
            if let id, roadmap.goal(ID(id)) == nil {
                throw HTTPError(.notFound, message: "Ein Ziel „\(id)“ gibt es nicht.")
            }
            let goalID = ID<Goal>(id ?? Self.nextID("Z", roadmap.goals.map(\.id.rawValue)))
            var problems: [String] = []
            let title = input[SettingsField.title]
            if title.isEmpty { problems.append("Bitte einen Titel für das Ziel angeben.") }
            guard let kind = IndicatorKind(rawValue: input[SettingsField.indicator]) else {
                throw RoadmapError(problems + ["Bitte eine Kennzahl wählen."])
            }
            guard let scope = IndicatorScope(key: input[SettingsField.scope]) else {
                throw RoadmapError(problems + ["Bitte wählen, worauf sich die Kennzahl bezieht."])
            }
            let indicator = Indicator(
                kind, scope: scope, rule: ProblemRule(rawValue: input[SettingsField.rule]),
                level: Int(input[SettingsField.level]))
            func point(_ value: SettingsField, _ day: SettingsField, _ label: String, fallback: Double?) -> Goal.Point?
            {
                let number = input[value].isEmpty ? fallback : GermanFormat.parseDecimal(input[value])
                guard let number else {
                    problems.append(
                        "\(label): „\(input[value])“ ist keine Zahl (leer lassen übernimmt den heutigen Wert).")
                    return nil
                }
                guard let date = Day(input[day]) else {
                    problems.append("\(label): „\(input[day])“ ist kein Datum (TT.MM.JJJJ).")
                    return nil
                }
                return Goal.Point(value: number, day: date)
            }
            let baseline = point(.baselineValue, .baselineDay, "Ausgangswert", fallback: evaluator.value(of: indicator))
            let target = point(.targetValue, .targetDay, "Zielwert", fallback: nil)
            guard problems.isEmpty, let baseline, let target else { throw RoadmapError(problems) }
            let direction =
                Goal.Direction(rawValue: input[SettingsField.direction])
                ?? (target.value >= baseline.value ? .increase : .decrease)
            let goal = Goal(
                id: goalID, title: title, indicator: indicator, baseline: baseline, target: target, direction: direction
            )
            if let index = roadmap.goals.firstIndex(where: { $0.id == goalID }) {
                roadmap.goals[index] = goal
            } else {
                roadmap.goals.append(goal)
            }
            return []
        }
    }

    /// One line per unit: usual person-days per quarter, and exceptions written "2027-Q3: 10; 2028-Q1: 0".
    static func capacities(_ input: FormInput, map: TenantMap) throws -> [UnitCapacity] {
        var capacities: [UnitCapacity] = []
        var problems: [String] = []
        for unit in map.units {
            let usual = input["capacity-\(unit.id)"]
            let exceptionsText = input["exceptions-\(unit.id)"]
            guard !usual.isEmpty || !exceptionsText.isEmpty else { continue }
            guard let days = usual.isEmpty ? 0 : GermanFormat.parseDecimal(usual), days >= 0 else {
                problems.append("\(unit.name): „\(usual)“ ist keine Zahl von Personentagen.")
                continue
            }
            var exceptions: [Quarter: Double] = [:]
            for part in exceptionsText.split(separator: ";") where !part.trimmingCharacters(in: .whitespaces).isEmpty {
                let pieces = part.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard pieces.count == 2, let quarter = Quarter(pieces[0]),
                    let value = GermanFormat.parseDecimal(pieces[1]),
                    value >= 0
                else {
                    problems.append("\(unit.name): „\(part)“ ist keine Ausnahme der Form 2027-Q3: 10.")
                    continue
                }
                exceptions[quarter] = value
            }
            capacities.append(UnitCapacity(unitID: unit.id, personDaysPerQuarter: days, exceptions: exceptions))
        }
        if !problems.isEmpty { throw RoadmapError(problems) }
        return capacities
    }

    /// "Z6" after "Z5"; "M14" after "M13" (at least `digits` digits).
    static func nextID(_ prefix: String, _ existing: [String], digits: Int = 1) -> String {
        let numbers = existing.compactMap { $0.hasPrefix(prefix) ? Int($0.dropFirst(prefix.count)) : nil }
        let next = String((numbers.max() ?? 0) + 1)
        return prefix + String(repeating: "0", count: max(0, digits - next.count)) + next
    }
}

enum SettingsField: String, FormField {
    case statement, agreedOn = "agreed-on", agreedBy = "agreed-by", finding
    case saving, goals, citizens, deadline, effort, risk, horizon
    case name, kind, description, goal
    case title, indicator, scope, rule, level
    case baselineValue = "baseline-value", baselineDay = "baseline-day", targetValue = "target-value"
    case targetDay = "target-day", direction
}
