import AmtswegCore
import AmtswegStore
import Foundation
import Hummingbird

/// The assumptions behind every figure: the length of a working day (turning minutes into working days), the
/// net annual working hours (hours into full-time equivalents), the hourly cost (savings in euros) and the
/// thresholds of the problem rules. Prozessmanagement sets them; each change is in the audit log.
struct FigureSettingsPage: Sendable {
    let pages: Pages

    func addRoutes(to routes: RouteTable) {
        routes.get(Paths.figureSettings, .read) { request, context in
            try await show(request, context, input: nil, errors: [])
        }
        routes.post(Paths.figureSettings, .manageProcesses) { request, context in try await save(request, context) }
    }

    struct View: Sendable {
        var csrf: String
        var mayChange: Bool
        var errors: [String]
        var hoursPerWorkingDay: String
        var netAnnualWorkingHours: String
        var hourlyCost: String
        var maxDesks: String
        var longWaitDays: String
    }

    func show(
        _ request: Request, _ context: AppRequestContext, input: FormInput?, errors: [String],
        status: HTTPResponse.Status = .ok
    ) async throws -> HTMLResponse {
        let snapshot = try await pages.snapshot(context)
        let settings = snapshot.map.settings
        func value(_ field: FigureSettingsField, _ stored: String) -> String { input?[field] ?? stored }
        func number(_ value: Double) -> String { Display.decimal(value, digits: value == value.rounded() ? 0 : 1) }
        let view = View(
            csrf: context.csrfToken, mayChange: context.access?.role.grants(.manageProcesses) ?? true, errors: errors,
            hoursPerWorkingDay: value(.hoursPerWorkingDay, number(settings.hoursPerWorkingDay)),
            netAnnualWorkingHours: value(.netAnnualWorkingHours, number(settings.netAnnualWorkingHours)),
            hourlyCost: value(.hourlyCost, number(settings.hourlyCost)),
            maxDesks: value(.maxDesks, "\(settings.maxDesks)"),
            longWaitDays: value(.longWaitDays, number(settings.longWaitDays)))
        return try pages.page(
            "processes/settings", title: pages.text("Annahmen der Kennzahlen", context), section: .processes,
            content: view, context: context, snapshot: snapshot, status: status,
            notice: request.uri.queryParameters["saved"] != nil ? "Gespeichert." : nil)
    }

    func save(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let input = try await FormInput.read(request, context: context, limit: pages.configuration.maxFormBytes)
        let snapshot = try await pages.snapshot(context)
        let bounds = ProcessSettings.bounds
        var errors: [String] = []
        func number(_ field: FigureSettingsField, _ label: String, _ range: ClosedRange<Double>) -> Double {
            guard let value = GermanFormat.parseDecimal(input[field]), range.contains(value) else {
                errors.append(
                    "\(label): „\(input[field])“ – bitte eine Zahl von \(Display.decimal(range.lowerBound, digits: range.lowerBound == range.lowerBound.rounded() ? 0 : 1)) bis \(Display.decimal(range.upperBound, digits: 0))."
                )
                return range.lowerBound
            }
            return value
        }
        var settings = snapshot.map.settings
        settings.hoursPerWorkingDay = number(.hoursPerWorkingDay, "Stunden je Arbeitstag", bounds.hoursPerWorkingDay)
        settings.netAnnualWorkingHours = number(
            .netAnnualWorkingHours, "Netto-Jahresarbeitszeit", bounds.netAnnualWorkingHours)
        settings.hourlyCost = number(.hourlyCost, "Kosten je Arbeitsstunde", bounds.hourlyCost)
        settings.maxDesks = Int(
            number(
                .maxDesks, "Höchstzahl Stationen",
                Double(bounds.maxDesks.lowerBound)...Double(bounds.maxDesks.upperBound)
            )
            .rounded())
        settings.longWaitDays = number(.longWaitDays, "Lange Liegezeit ab", bounds.longWaitDays)
        guard errors.isEmpty else {
            return try await show(request, context, input: input, errors: errors, status: .unprocessableContent)
                .response(from: request, context: context)
        }
        var map = snapshot.map
        map.settings = settings
        try await pages.workspace.saveMap(
            map,
            change: MapChange(
                action: "saveFigureSettings", object: "settings:figures",
                summary: "Annahmen der Kennzahlen: Arbeitstag \(Display.decimal(settings.hoursPerWorkingDay)) h, "
                    + "\(Display.decimal(settings.netAnnualWorkingHours, digits: 0)) h/Jahr, "
                    + "\(Display.decimal(settings.hourlyCost, digits: 2)) €/h, höchstens \(settings.maxDesks) Stationen, "
                    + "lange Liegezeit ab \(Display.decimal(settings.longWaitDays)) Arbeitstagen"),
            by: context.author, basedOn: snapshot.mapVersion)
        return SeeOther(location: Paths.figureSettings + "?saved=1").response(from: request, context: context)
    }
}

enum FigureSettingsField: String, FormField {
    case hoursPerWorkingDay = "hours-per-day"
    case netAnnualWorkingHours = "annual-hours"
    case hourlyCost = "hourly-cost"
    case maxDesks = "max-desks"
    case longWaitDays = "long-wait-days"
}
