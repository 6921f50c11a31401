import AmtswegCore
import Foundation
import Hummingbird
import ProcessMining

/// The Monitor phase: key figures per process and per service from the models, and the event logs uploaded
/// from specialist software, with the upload form.
struct MonitorPages: Sendable {
    let pages: Pages

    func addRoutes(to routes: RouteTable) {
        routes.get(Paths.monitor, .read) { request, context in try await overview(request, context, upload: .init()) }
        routes.post(Paths.eventLogs, .manageProcesses) { request, context in try await upload(request, context) }
    }

    struct View: Sendable {
        struct Log: Sendable {
            var name: String
            var href: String
            var facts: String
        }
        var processRows: [TableRow]
        var serviceRows: [TableRow]
        var chart: String
        var logs: [Log]
        var upload: UploadForm
    }

    struct UploadForm: Sendable {
        var csrf = ""
        var name = ""
        var keepResources = false
        var process = ""
        var processes: [SelectOption] = []
        var error: String?
        var maxSize = ""
    }

    func overview(
        _ request: Request, _ context: AppRequestContext, upload: UploadForm, status: HTTPResponse.Status = .ok
    ) async throws -> HTMLResponse {
        let snapshot = try await pages.snapshot(context)
        let map = snapshot.map
        let reports = snapshot.processes.map { ProcessReport(process: $0, map: map) }
        let processRows = reports.map { report in
            let f = report.figures, a = f.allPaths
            return TableRow(
                f.processName, href: Paths.process(f.processID),
                numbers: [
                    Display.integer(a.desks), Display.decimal(a.handoffs), Display.decimal(a.mediaBreaks),
                    Display.duration(minutes: a.handlingMinutes), Display.duration(minutes: a.leadTimeMinutes),
                    f.ftePerYear.map { Display.decimal($0, digits: 2) } ?? "–",
                ])
        }
        let serviceRows = map.services.sorted { $0.name < $1.name }.compactMap { service -> TableRow? in
            let processes = snapshot.processes.filter { $0.serviceID == service.id && $0.state == .ist }
            guard !processes.isEmpty else { return nil }
            let figures = ServiceFigures(service: service, processes: processes, map: map)
            return TableRow(
                service.name, href: Paths.service(service.id),
                numbers: [
                    figures.casesPerYear.map(Display.integer) ?? "–", Display.integer(figures.perCase.desks),
                    Display.duration(minutes: figures.perCase.leadTimeMinutes),
                    figures.ftePerYear.map { Display.decimal($0, digits: 2) } ?? "–",
                ])
        }
        let chart = BarChart(
            title: "Bearbeitungs- und Liegezeit je Fall, in Arbeitstagen",
            bars: reports.map {
                .init(
                    label: $0.figures.processName, first: $0.figures.allPaths.handlingMinutes / 480,
                    second: $0.figures.allPaths.waitingMinutes / 480)
            }, firstLabel: "Bearbeitungszeit", secondLabel: "Liegezeit", unit: "Tage")
        let logs = try await pages.workspace.repository.eventLogs(of: map.tenant.id)
        var upload = upload
        upload.csrf = context.csrfToken
        upload.maxSize = ByteCountFormatter.megabytes(pages.configuration.maxUploadBytes)
        upload.processes = snapshot.processes.sorted { $0.name < $1.name }.map {
            .init(value: $0.id.rawValue, label: $0.name, isSelected: $0.id.rawValue == upload.process)
        }
        let view = View(
            processRows: processRows, serviceRows: serviceRows, chart: chart.svg,
            logs: logs.map { log in
                .init(
                    name: log.name, href: "/monitor/logs/\(Paths.escape(log.id.rawValue))",
                    facts: "\(Display.integer(log.caseCount)) Fälle, \(Display.integer(log.eventCount)) Ereignisse, "
                        + "hochgeladen am \(log.uploadedAt.formatted(.dateTime.day().month().year().locale(Locale(identifier: "de_DE"))))"
                        + (log.isPseudonymised ? ", Bearbeitende pseudonymisiert" : ", mit Klarnamen"))
            }, upload: upload)
        return try pages.page(
            "monitor/overview", title: "Messen", section: .monitor, content: view, context: context,
            snapshot: snapshot, status: status)
    }

    func upload(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await FormInput.read(request, context: context, limit: pages.configuration.maxUploadBytes)
        let snapshot = try await pages.snapshot(context)
        var upload = UploadForm(
            name: form["name"], keepResources: form["keep-resources"] == "on", process: form["process"])
        let processID = snapshot.process(upload.process)?.id
        guard let file = form.files["file"], !file.data.isEmpty else {
            upload.error = "Bitte eine Protokolldatei auswählen (XES, XES.GZ oder CSV)."
            return try await overview(request, context, upload: upload, status: .unprocessableContent)
                .response(from: request, context: context)
        }
        do {
            let existing = try await pages.workspace.repository.eventLogs(of: snapshot.map.tenant.id)
            let record = try await pages.logs.importLog(
                file.data, fileName: file.fileName, name: upload.name, keepResources: upload.keepResources,
                processID: processID,
                units: form.files["units"].flatMap { $0.data.isEmpty ? nil : ($0.data, $0.fileName) },
                tenant: snapshot.map.tenant.id, author: context.author, existing: existing)
            return SeeOther(location: "/monitor/logs/\(Paths.escape(record.id.rawValue))")
                .response(from: request, context: context)
        } catch let error as MiningError {
            upload.error = "Das Protokoll wurde nicht gespeichert: \(error)"
            return try await overview(request, context, upload: upload, status: .unprocessableContent)
                .response(from: request, context: context)
        }
    }
}
