import AmtswegCore
import AmtswegStore
import ProcessMining
import MinedProcesses
import BPMN
import Foundation
import Hummingbird
import ProcessBPMN

/// The processes: the list by service, one process with its diagram, figures, step list and RACI matrix,
/// its BPMN as a download and as a drawing, and BPMN upload from any modeller.
struct ProcessPages: Sendable {
    let pages: Pages

    func addRoutes(to routes: RouteTable) {
        routes.get(Paths.processes, .read) { request, context in try await list(request, context, upload: .init()) }
        routes.post(Paths.processUpload, .manageProcesses) { request, context in try await upload(request, context) }
        routes.get(Paths.processPattern, .read) { request, context in try await show(request, context) }
        routes.get(Paths.processDiagramPattern, .read) { request, context in try await diagram(request, context) }
        routes.get(Paths.processBPMNPattern, .read) { request, context in try await download(request, context) }
    }

    // MARK: - List

    struct ListView: Sendable {
        struct Group: Sendable {
            var title: String
            var href: String?
            var processes: [Line]
        }
        struct Line: Sendable {
            var name: String
            var href: String
            var state: String
            var owner: String
        }
        var groups: [Group]
        var isEmpty: Bool
        var unreadable: [String]
        var upload: UploadForm
        var unitFilter: [SelectOption]
        var activeFilter: String?
        var handbookHref: String
    }

    struct UploadForm: Sendable {
        var csrf = ""
        var error: String?
        var service = ""
        var services: [SelectOption] = []
        var maxSize = ""
    }

    func list(
        _ request: Request, _ context: AppRequestContext, upload: UploadForm, status: HTTPResponse.Status = .ok
    ) async throws -> HTMLResponse {
        let snapshot = try await pages.snapshot(context)
        let map = snapshot.map
        let unit = request.uri.queryParameters["unit"].map(String.init).flatMap { id in snapshot.unit(id) }
        let maxSize = ByteCountFormatter.megabytes(pages.configuration.maxUploadBytes)
        // Computed only when the page is not kept (see below).
        let view = { @Sendable (csrf: String) -> ListView in
            let index = MapIndex(map)
            let records = snapshot.records.filter { unit == nil || $0.ownerUnitID == unit!.id }
            func line(_ record: ProcessRecord) -> ListView.Line {
                .init(
                    name: record.name, href: Paths.process(record.id), state: record.state.label,
                    owner: record.ownerUnitID.map(index.unitName) ?? "–")
            }
            var groups = map.services.sorted { $0.name < $1.name }.compactMap { service -> ListView.Group? in
                let mine = records.filter { $0.serviceID == service.id }
                guard !mine.isEmpty else { return nil }
                return .init(
                    title: "\(service.name) (LeiKa \(service.leikaKey))", href: Paths.service(service.id),
                    processes: mine.map(line))
            }
            let loose = records.filter { record in !map.services.contains { $0.id == record.serviceID } }
            if !loose.isEmpty { groups.append(.init(title: "Ohne Leistung", href: nil, processes: loose.map(line))) }
            let owners = Set(snapshot.records.compactMap(\.ownerUnitID))
            var upload = upload
            upload.csrf = csrf
            upload.maxSize = maxSize
            upload.services = map.services.sorted { $0.name < $1.name }.map {
                .init(value: $0.id.rawValue, label: $0.name, isSelected: $0.id.rawValue == upload.service)
            }
            return ListView(
                groups: groups, isEmpty: records.isEmpty, unreadable: snapshot.unreadable.map(\.rawValue),
                upload: upload,
                unitFilter: map.units.filter { owners.contains($0.id) }.sorted { $0.name < $1.name }.map {
                    .init(value: $0.id.rawValue, label: $0.name, isSelected: $0.id == unit?.id)
                },
                activeFilter: unit?.name, handbookHref: unit.map { Paths.handbook(unit: $0.id) } ?? Paths.handbook)
        }
        // The plain list is kept per state of the data (like the phase overviews); a form sent back with an
        // error is the visitor's own and is rendered for them alone.
        guard status == .ok, upload.error == nil, upload.service.isEmpty else {
            return try pages.page(
                "processes/list", title: "Prozesse", section: .processes, content: view(context.csrfToken),
                context: context, snapshot: snapshot, status: status)
        }
        // Made from the snapshot alone: kept through comments, votes and roadmap changes.
        return try await pages.cachedPage(
            request, "processes/list", title: "Prozesse", section: .processes, context: context, snapshot: snapshot,
            areas: [], content: view)
    }

    // MARK: - Upload

    func upload(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await FormInput.read(request, context: context, limit: pages.configuration.maxUploadBytes)
        var upload = UploadForm(service: form[ProcessUploadField.service])
        guard let file = form.files[ProcessUploadField.file.rawValue], !file.data.isEmpty else {
            upload.error = "Bitte eine BPMN-Datei auswählen."
            return try await list(request, context, upload: upload, status: .unprocessableContent)
                .response(from: request, context: context)
        }
        let snapshot = try await pages.snapshot(context)
        let model: BPMNModel
        do {
            model = try BPMNReader.read(file.data, file: file.fileName)
        } catch {
            upload.error = "Die Datei „\(file.fileName)“ ist kein lesbares BPMN: \(error)"
            return try await list(request, context, upload: upload, status: .unprocessableContent)
                .response(from: request, context: context)
        }
        let service = snapshot.map.services.first { $0.id.rawValue == upload.service }
        let record = snapshot.importedRecord(model, fileName: file.fileName, service: service)
        try await pages.workspace.saveProcess(record, of: snapshot.map.tenant.id, by: context.author)
        return SeeOther(location: Paths.process(record.id) + "?uploaded=1")
            .response(from: request, context: context)
    }

    // MARK: - One process

    func show(_ request: Request, _ context: AppRequestContext) async throws -> HTMLResponse {
        // A kept page first: the measured times ask the store for the process's event logs.
        let hasNotice = request.uri.queryParameters["uploaded"] != nil || request.uri.queryParameters["saved"] != nil
        if !hasNotice, let tenant = context.tenantID, let kept = pages.keptPage(request, context, tenant: tenant) {
            return kept
        }
        let snapshot = try await pages.snapshot(context)
        let (record, process) = try snapshot.readableProcess(try context.parameters.require("id"))
        let notice =
            request.uri.queryParameters["uploaded"] != nil
            ? "Hochgeladen: \(process.steps.count) Schritte. Bahnen, die keiner Stelle zugeordnet werden konnten, sind markiert."
            : request.uri.queryParameters["saved"] != nil ? "Gespeichert. Das Diagramm ist neu gezeichnet." : nil
        let measured = try await measuredTimes(of: process, snapshot: snapshot)
        let measuredBasis = request.uri.queryParameters["basis"] == "measured"
        let comments = snapshot.visible(
            try await pages.workspace.comments(of: snapshot.map.tenant.id, aboutProcess: record.id))
        let people = try await CommentPages.people(of: snapshot.map.tenant.id, in: pages.workspace)
        let lineage = try await pages.workspace.lineage(of: snapshot.map.tenant.id).first { $0.processID == record.id }
        // The frame is made from the model, the measured times and lineage (data), the comments on this process and
        // its steps (discussion) are its pieces: a change of the roadmap, a vote or a comment elsewhere leaves the
        // page kept, a comment on this process renders only the comments again.
        let mayComment = context.access?.may(.comment, forUnits: [], in: snapshot.map) == true
        return try await pages.cachedPage(
            request, "processes/show", title: process.name, section: .processes, context: context, snapshot: snapshot,
            notice: notice, areas: [.data], pieceAreas: [.discussion], about: StoreChange.subject(ofProcess: record.id),
            piecesVersion: {
                // The threads are made from the comments and the names of the people they mention (the units'
                // names are the frame's).
                var version = Hasher()
                version.combine(comments)
                for (account, name) in people {
                    version.combine(account)
                    version.combine(name)
                }
                return version.finalize()
            }
        ) { [access = context.access] csrf, slot in
            var view = ProcessView(
                record: record, process: process, snapshot: snapshot, measured: measured, measuredBasis: measuredBasis)
            let units = record.ownerUnitID.map { [$0] } ?? []
            let mayEdit = access?.may(.editProcess, forUnits: units, in: snapshot.map) == true
            let status = snapshot.statuses[record.id]
            view.isEditable = view.isEditable && mayEdit && status?.state != .inReview
            view.release = ReleasePanelView(
                processID: record.id.rawValue, status: status, view: snapshot.view, maySubmit: mayEdit,
                mayReview: access?.may(.review, forUnits: [], in: snapshot.map) == true)
            view.placeComments(mayComment: mayComment, map: snapshot.map, people: people, slot: slot)
            if let lineage {
                view.facts.append(
                    .init(
                        label: "Referenzprozess (FIM)", value: "\(lineage.masterID), Fassung \(lineage.masterVersion)",
                        href: Paths.processLineage(record.id.rawValue)))
            }
            view.facts.append(
                .init(
                    label: "Austausch", value: "als XProzess herunterladen",
                    href: Paths.processXProzess(record.id.rawValue)))
            view.csrf = csrf
            return view
        } pieces: { [renderer = pages.renderer, language = context.language] csrf, slots, items in
            let names = CommentSectionView.names(map: snapshot.map, people: people)
            let action = mayComment ? Paths.processComments(record.id.rawValue) : nil
            // A thread's HTML is made from the thread and the names it may mention; the language, the answer form
            // and the token's placeholder are the kept page's own.
            var namesVersion = Hasher()
            namesVersion.combine(names)
            let namesHash = namesVersion.finalize()
            return try ProcessCommentsView.pieces(
                of: comments, process: record.id, slots: slots,
                render: { thread in
                    var version = Hasher()
                    version.combine(thread)
                    version.combine(namesHash)
                    return try items.item(version.finalize()) {
                        try renderer.thread(
                            thread, answerAction: action, names: names, language: language, csrf: csrf
                        ).html
                    }
                },
                section: { try renderer.piece("processes/comments", fields: $0, language: language) },
                more: {
                    try renderer.piece(
                        "processes/more-comments",
                        fields: [
                            "href": Paths.processComments(record.id.rawValue), "hidden": "\($0)", "hasHidden": $0 > 0,
                        ] as [String: any Sendable],
                        language: language)
                })
        }
    }

    /// The process's times as the newest event log attached to it shows them, its activities matched to the steps
    /// as confirmed on the log's mapping page, or by name until then; `nil` when no log is attached. Kept per
    /// state of the data: a confirmed mapping is a write, and logs never change once stored.
    func measuredTimes(of process: ProcessModel, snapshot: TenantSnapshot) async throws
        -> (comparison: StepTimeComparison, log: EventLogRecord)?
    {
        let tenant = snapshot.map.tenant.id
        guard let summary = try await pages.workspace.eventLogs(of: tenant).first(where: { $0.processID == process.id })
        else { return nil }
        let comparison = try await pages.workspace.derived(
            from: snapshot, "times|\(process.id)|\(summary.id)", areas: [.data]
        ) {
            [logs = pages.logs] in
            let (_, log) = try await logs.log(summary.id, of: tenant)
            return StepTimeComparison(
                process: process, figures: snapshot.report(of: process).figures.mainPath,
                log: log,
                mapping: summary.stepMapping
                    ?? StepMatching.suggest(activities: log.activities.strings, steps: process.steps),
                minutesPerWorkingDay: snapshot.map.settings.hoursPerWorkingDay * 60)
        }
        return (comparison, summary)
    }

    func diagram(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        // A kept drawing needs no snapshot: it was only kept for a process that exists and reads, and a write that
        // changes that drops it. Who may see it is the route's permission, checked before.
        if let tenant = context.tenantID,
            let svg = pages.workspace.keptValue(
                tenant, Self.diagramKey(id, view: .for(context.access?.role)), as: ByteBuffer.self)
        {
            return Self.diagramResponse(svg, request, context)
        }
        let snapshot = try await pages.snapshot(context)
        let (record, _) = try snapshot.readableProcess(id)
        let drawing = try await pages.workspace.derived(
            snapshot.map.tenant.id, Self.diagramKey(record.id.rawValue, view: snapshot.view), areas: [.model]
        ) {
            try Self.svg(of: record).map { ByteBuffer(string: $0) }
        }
        guard let svg = drawing else {
            throw HTTPError(.notFound, message: "Der Prozess „\(record.name)“ hat kein Diagramm.")
        }
        return Self.diagramResponse(svg, request, context)
    }

    /// Kept per view like every value made from a snapshot (see ``Workspace/derived(from:_:make:)``); named
    /// here so the kept drawing can be found before the snapshot is read.
    private static func diagramKey(_ process: String, view: ModelView) -> String {
        "\(view.rawValue)|process-svg:\(process)"
    }

    private static func diagramResponse(_ svg: ByteBuffer, _ request: Request, _ context: AppRequestContext)
        -> Response
    {
        var response = FileResponse(bytes: svg, contentType: "image/svg+xml").response(from: request, context: context)
        response.headers[.cacheControl] = "no-cache"
        // A kept drawing, or one just kept: the same request may be answered with it again.
        ReplayMark.mark(&response.headers, context)
        return response
    }

    func download(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let snapshot = try await pages.snapshot(context)
        let (record, _) = try snapshot.readableProcess(try context.parameters.require("id"))
        try await pages.audit(
            "exportProcess", object: "process:\(record.id)", summary: "BPMN heruntergeladen: \(record.name)", context)
        return FileResponse(body: record.bpmn, contentType: "application/xml", fileName: "\(record.id).bpmn")
            .response(from: request, context: context)
    }

    /// The diagram of a stored process, laid out automatically where the BPMN has none.
    static func svg(of record: ProcessRecord) throws -> String? {
        SVGRenderer.render(BPMNLayout.withDiagram(try record.read().model))
    }

}

/// The fields of the form, as its template names them.
enum ProcessUploadField: String, FormField {
    case service, file
}
