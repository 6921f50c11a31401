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
        routes.post(Paths.eventLogPrivacy, .manageProcesses) { request, context in try await confirm(request, context) }
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
        let logs = try await pages.workspace.eventLogs(of: map.tenant.id)
        // The plain page is kept until the tenant's data changes (an upload counts: see
        // ``Workspace/eventLogsChanged(_:)``); a form shown again with its error is not.
        @Sendable func view(csrf: String) -> View {
            let hours = map.settings.hoursPerWorkingDay
            let reports = snapshot.reports
            // Chart and table in one unit with the same numbers: working days of the tenant's length.
            func days(_ minutes: Double) -> String { Display.decimal(minutes / 60 / hours, digits: 1) }
            let processRows = reports.map { report in
                let f = report.figures, a = f.allPaths
                return TableRow(
                    f.processName, href: Paths.process(f.processID),
                    numbers: [
                        Display.integer(a.desks), Display.decimal(a.handoffs), Display.decimal(a.mediaBreaks),
                        days(a.handlingMinutes), days(a.waitingMinutes), days(a.leadTimeMinutes),
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
                        Display.duration(minutes: figures.perCase.leadTimeMinutes, hoursPerDay: hours),
                        figures.ftePerYear.map { Display.decimal($0, digits: 2) } ?? "–",
                    ])
            }
            let chart = BarChart(
                title:
                    "Bearbeitungs- und Liegezeit je Fall, in Arbeitstagen zu \(Display.decimal(hours, digits: hours == hours.rounded() ? 0 : 1)) Stunden",
                bars: reports.map {
                    .init(
                        label: $0.figures.processName, first: $0.figures.allPaths.handlingMinutes / 60 / hours,
                        second: $0.figures.allPaths.waitingMinutes / 60 / hours)
                }, firstLabel: "Bearbeitungszeit", secondLabel: "Liegezeit", unit: "Arbeitstage")
            var upload = upload
            upload.csrf = csrf
            upload.maxSize = ByteCountFormatter.megabytes(pages.configuration.maxUploadBytes)
            upload.processes = snapshot.processes.sorted { $0.name < $1.name }.map {
                .init(value: $0.id.rawValue, label: $0.name, isSelected: $0.id.rawValue == upload.process)
            }
            let view = View(
                processRows: processRows, serviceRows: serviceRows, chart: chart.svg,
                logs: logs.map { log in
                    .init(
                        name: log.name, href: Paths.eventLog(log.id.rawValue),
                        facts:
                            "\(Display.integer(log.caseCount)) Fälle, \(Display.integer(log.eventCount)) Ereignisse, "
                            + "hochgeladen am \(log.uploadedAt.formatted(.dateTime.day().month().year().locale(Locale(identifier: "de_DE"))))"
                            + (log.isPseudonymised ? ", Bearbeitende pseudonymisiert" : ", mit Klarnamen"))
                }, upload: upload)
            return view
        }
        if status == .ok, upload.error == nil {
            return try await pages.cachedPage(
                request, "monitor/overview", title: "Messen", section: .monitor, context: context, snapshot: snapshot,
                content: view)
        }
        return try pages.page(
            "monitor/overview", title: "Messen", section: .monitor, content: view(csrf: context.csrfToken),
            context: context, snapshot: snapshot, status: status)
    }

    /// Step 1 of an upload: the file is read (errors name file, line and cause), nothing is stored; the
    /// uploader then sees every attribute with sample values and chooses what to keep (``confirm``).
    func upload(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await FormInput.read(request, context: context, limit: pages.configuration.maxUploadBytes)
        let access = try context.requireAccess()
        let snapshot = try await pages.snapshot(context)
        var upload = UploadForm(name: form[UploadField.name], process: form[UploadField.process])
        guard let file = form.files[UploadField.file.rawValue], !file.data.isEmpty else {
            upload.error = "Bitte eine Protokolldatei auswählen (XES, XES.GZ oder CSV)."
            return try await overview(request, context, upload: upload, status: .unprocessableContent)
                .response(from: request, context: context)
        }
        let log: EventLog
        do {
            log = try await pages.logs.parse(file.data, fileName: file.fileName)
        } catch let error as MiningError {
            upload.error = "Das Protokoll wurde nicht gespeichert: \(error)"
            return try await overview(request, context, upload: upload, status: .unprocessableContent)
                .response(from: request, context: context)
        }
        let attributes = log.attributeOverview()
        let key = await pages.pendingUploads.keep(
            .init(
                data: file.data, fileName: file.fileName, name: upload.name,
                processID: snapshot.process(upload.process)?.id,
                units: form.files[UploadField.units.rawValue].flatMap {
                    $0.data.isEmpty ? nil : ($0.data, $0.fileName)
                },
                attributes: attributes, account: access.account.id, tenant: access.tenantID, createdAt: Date()))
        let view = PrivacyView(
            csrf: context.csrfToken, pending: key, fileName: file.fileName,
            facts: "\(Display.integer(log.caseCount)) Fälle, \(Display.integer(log.eventCount)) Ereignisse",
            attributes: attributes.enumerated().map { index, attribute in
                PrivacyView.Attribute(
                    field: "attribute-\(index)", key: attribute.key,
                    scope: attribute.scope == .case ? "Fall" : "Ereignis",
                    samples: attribute.samples.map { String($0.prefix(60)) }.joined(separator: " · "),
                    looksPersonal: attribute.looksPersonal,
                    choices: AttributeTreatment.allCases.map { treatment in
                        .init(
                            id: "attribute-\(index)-\(treatment.rawValue)", value: treatment.rawValue,
                            label: treatment.label, isChecked: treatment == attribute.defaultTreatment)
                    })
            }, hasAttributes: !attributes.isEmpty)
        return try pages.page(
            "monitor/privacy", title: "Datenschutz je Attribut", section: .monitor, content: view, context: context,
            snapshot: snapshot
        ).response(from: request, context: context)
    }

    struct PrivacyView: Sendable {
        struct Choice: Sendable {
            var id: String
            var value: String
            var label: String
            var isChecked: Bool
        }
        struct Attribute: Sendable {
            var field: String
            var key: String
            var scope: String
            var samples: String
            var looksPersonal: Bool
            var choices: [Choice]
        }
        var csrf: String
        var pending: String
        var fileName: String
        var facts: String
        var attributes: [Attribute]
        var hasAttributes: Bool
    }

    /// Step 2: the uploader's choices applied, the log stored (the choice and the uploader in the audit log).
    func confirm(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await FormInput.read(request, context: context, limit: pages.configuration.maxFormBytes)
        let access = try context.requireAccess()
        let snapshot = try await pages.snapshot(context)
        guard
            let upload = await pages.pendingUploads.take(
                form[UploadField.pending], account: access.account.id, tenant: access.tenantID)
        else {
            var form = UploadForm()
            form.error =
                "Die hochgeladene Datei liegt nicht mehr bereit (nach 15 Minuten verworfen). Bitte erneut hochladen."
            return try await overview(request, context, upload: form, status: .unprocessableContent)
                .response(from: request, context: context)
        }
        var treatments: [String: AttributeTreatment] = [:]
        for (index, attribute) in upload.attributes.enumerated() {
            treatments[attribute.id] =
                AttributeTreatment(rawValue: form["attribute-\(index)"]) ?? attribute.defaultTreatment
        }
        do {
            let record = try await pages.logs.importLog(
                upload.data, fileName: upload.fileName, name: upload.name, privacy: PrivacyChoices(treatments),
                processID: upload.processID, units: upload.units, tenant: access.tenantID, author: context.author,
                existing: try await pages.workspace.repository.eventLogs(of: snapshot.map.tenant.id))
            await pages.workspace.eventLogsChanged(snapshot.map.tenant.id)
            return SeeOther(location: Paths.eventLog(record.id.rawValue))
                .response(from: request, context: context)
        } catch let error as MiningError {
            var form = UploadForm()
            form.error = "Das Protokoll wurde nicht gespeichert: \(error)"
            return try await overview(request, context, upload: form, status: .unprocessableContent)
                .response(from: request, context: context)
        }
    }
}

enum UploadField: String, FormField {
    case file, name, process, units, pending
}
