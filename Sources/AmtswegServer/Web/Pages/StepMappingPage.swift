import AmtswegCore
import Foundation
import Hummingbird
import ProcessMining

/// Which step of the attached process each activity of an event log stands for. Amtsweg suggests it by name
/// (``StepMatching``); Prozessmanagement confirms or corrects it here, and the process page's measured times use
/// the confirmed mapping from then on. Each confirmation is in the audit log.
struct StepMappingPage: Sendable {
    let pages: Pages

    func addRoutes(to routes: RouteTable) {
        routes.get(Paths.eventLogStepsPattern, .read) { request, context in
            try await show(request, context, chosen: nil, errors: [])
        }
        routes.post(Paths.eventLogStepsPattern, .manageProcesses) { request, context in
            try await save(request, context)
        }
    }

    struct View: Sendable {
        struct Row: Sendable {
            var number: Int
            var activity: String
            var events: String
            var options: [SelectOption]
            /// Amtsweg's suggestion where it differs from what is chosen (so a correction stays visible).
            var suggestion: String
        }

        var csrf: String
        var mayChange: Bool
        var errors: [String]
        var action: String
        var logName: String
        var logHref: String
        var processName: String
        var processHref: String
        var isConfirmed: Bool
        var rows: [Row]
    }

    /// The log, its process and its activities (most events first) that a mapping is about.
    private struct Subject {
        var snapshot: TenantSnapshot
        var log: EventLogRecord
        var process: ProcessModel
        var activities: [(name: String, events: Int)]
        var suggested: [String: String]

        /// The stored mapping if confirmed, else the suggestion.
        var current: [String: String] { log.stepMapping ?? suggested }
    }

    private func subject(_ context: AppRequestContext) async throws -> Subject {
        let snapshot = try await pages.snapshot(context)
        let id: String = try context.parameters.require("id")
        let tenant = snapshot.map.tenant.id
        // The list is kept per state of the data and carries the confirmed mapping; the parsed log (cached
        // since upload) gives the activities.
        guard let summary = try await pages.workspace.eventLogs(of: tenant).first(where: { $0.id.rawValue == id })
        else { throw HTTPError(.notFound, message: "Ein Ereignisprotokoll „\(id)“ gibt es nicht.") }
        guard let processID = summary.processID else {
            throw HTTPError(
                .notFound, message: "Dem Ereignisprotokoll „\(summary.name)“ ist kein Prozess zugeordnet.")
        }
        let (_, process) = try snapshot.readableProcess(processID.rawValue)
        let (_, log) = try await pages.logs.log(summary.id, of: tenant)
        var counts = [Int](repeating: 0, count: log.activities.count)
        for code in log.activity { counts[Int(code)] += 1 }
        let activities = log.activities.strings.enumerated().map { (name: $0.element, events: counts[$0.offset]) }
            .sorted { ($0.events, $1.name) > ($1.events, $0.name) }
        return Subject(
            snapshot: snapshot, log: summary, process: process, activities: activities,
            suggested: StepMatching.suggest(activities: log.activities.strings, steps: process.steps))
    }

    func show(
        _ request: Request, _ context: AppRequestContext, chosen: [String: String]?, errors: [String],
        status: HTTPResponse.Status = .ok
    ) async throws -> HTMLResponse {
        let subject = try await subject(context)
        let mapping = chosen ?? subject.current
        let steps = subject.process.steps
        let noStep = pages.text("kein Schritt", context), asChosen = pages.text("wie gewählt", context)
        let rows = subject.activities.enumerated().map { index, activity in
            let selected = mapping[activity.name] ?? ""
            let suggested = subject.suggested[activity.name] ?? ""
            return View.Row(
                number: index + 1, activity: activity.name, events: Display.integer(activity.events),
                options: [SelectOption(value: "", label: noStep, isSelected: selected.isEmpty)]
                    + steps.map { SelectOption(value: $0.id, label: $0.name, isSelected: $0.id == selected) },
                suggestion: suggested == selected ? asChosen : steps.first { $0.id == suggested }?.name ?? noStep)
        }
        let view = View(
            csrf: context.csrfToken, mayChange: context.access?.role.grants(.manageProcesses) ?? true,
            errors: errors, action: Paths.eventLogSteps(subject.log.id.rawValue), logName: subject.log.name,
            logHref: Paths.eventLog(subject.log.id.rawValue), processName: subject.process.name,
            processHref: Paths.process(subject.process.id.rawValue), isConfirmed: subject.log.stepMapping != nil,
            rows: rows)
        return try pages.page(
            "monitor/steps", title: pages.text("Aktivitäten und Schritte", context), section: .monitor,
            content: view, context: context, snapshot: subject.snapshot, status: status,
            notice: request.uri.queryParameters["saved"] != nil
                ? "Gespeichert. Die gemessenen Zeiten des Prozesses verwenden jetzt diese Zuordnung." : nil)
    }

    /// Stores the mapping the form sends: one `activity` and one `step` field per activity, in the same order.
    /// Every activity of the log must be there once, every step must be one of the process's (or none).
    func save(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let input = try await FormInput.read(request, context: context, limit: pages.configuration.maxFormBytes)
        let subject = try await subject(context)
        let activities = input.fields["activity"] ?? [], chosenSteps = input.fields["step"] ?? []
        guard activities.count == chosenSteps.count else {
            throw HTTPError(.badRequest, message: "Zu jeder Aktivität gehört genau eine Auswahl eines Schritts.")
        }
        let known = Set(subject.activities.map(\.name))
        let stepNames = Dictionary(uniqueKeysWithValues: subject.process.steps.map { ($0.id, $0.name) })
        var mapping: [String: String] = [:]
        var errors: [String] = []
        for (activity, step) in zip(activities, chosenSteps) {
            if !known.contains(activity) {
                errors.append("Die Aktivität „\(activity)“ kommt im Protokoll nicht vor.")
            } else if !step.isEmpty, stepNames[step] == nil {
                errors.append("Einen Schritt „\(step)“ hat der Prozess „\(subject.process.name)“ nicht.")
            } else if !step.isEmpty {
                mapping[activity] = step
            }
        }
        if Set(activities) != known || activities.count != known.count {
            errors.append(
                "Das Formular nennt nicht jede Aktivität des Protokolls genau einmal. Bitte die Seite neu laden.")
        }
        guard errors.isEmpty else {
            return try await show(request, context, chosen: mapping, errors: errors, status: .unprocessableContent)
                .response(from: request, context: context)
        }
        let mappedSteps = Set(mapping.values).count
        try await pages.workspace.confirmStepMapping(
            mapping, ofLog: subject.log.id, of: subject.snapshot.map.tenant.id,
            summary: "Zuordnung bestätigt: Ereignisprotokoll „\(subject.log.name)“ zu Prozess „"
                + "\(subject.process.name)“ – \(mapping.count) von \(known.count) Aktivitäten auf "
                + "\(mappedSteps) von \(stepNames.count) Schritten",
            by: context.author)
        return SeeOther(location: Paths.eventLogSteps(subject.log.id.rawValue) + "?saved=1")
            .response(from: request, context: context)
    }
}
