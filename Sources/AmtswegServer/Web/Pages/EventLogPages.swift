import AmtswegCore
import AmtswegStore
import BPMN
import Foundation
import Hummingbird
import MinedProcesses
import ProcessBPMN
import ProcessMaps
import ProcessMining

/// One uploaded event log: its statistics, the directly-follows graph (frequency or performance, with a
/// coverage slider), the discovered process as BPMN, the variants, and conformance against a process.
struct EventLogPages: Sendable {
    let pages: Pages

    func addRoutes(to routes: RouteTable) {
        routes.get(Paths.eventLogPattern, .read) { request, context in try await show(request, context) }
        routes.get(Paths.eventLogDFGPattern, .read) { request, context in try await dfg(request, context) }
        routes.get(Paths.eventLogModelPattern, .read) { request, context in try await model(request, context) }
        routes.get(Paths.eventLogConformancePattern, .read) { request, context in
            try await conformanceDiagram(request, context)
        }
        routes.get(Paths.jobPattern, .read) { request, context in try await job(request, context) }
    }

    /// What the visitor chose: the map's edge figure, the share of cases (most frequent variants), and the
    /// map's simplification — the share of activities and of paths to show, in percent. Without a choice of
    /// activities the map shows about thirty (``ProcessMap/defaultActivityPercent(activityCount:)``), while
    /// the discovered model and the conformance check take them all.
    struct Options: Sendable {
        var performance: Bool
        var coverage: Int
        var activities: Int?
        var paths: Int
        var process: String

        init(_ request: Request) {
            let query = request.uri.queryParameters
            performance = query["view"] == "performance"
            func percent(_ name: String, in range: ClosedRange<Int>) -> Int? {
                query[Substring(name)].flatMap { Int(String($0)) }.map {
                    min(range.upperBound, max(range.lowerBound, $0))
                }
            }
            coverage = percent("coverage", in: 10...100) ?? 100
            activities = percent("activities", in: 1...100)
            paths = percent("paths", in: 0...100) ?? ProcessMap.defaultPathPercent
            process = query["process"].map(String.init) ?? ""
        }

        var filterQuery: String { "coverage=\(coverage)" + (activities.map { "&activities=\($0)" } ?? "") }
        var query: String { "view=\(performance ? "performance" : "frequency")&\(filterQuery)&paths=\(paths)" }

        /// The log with the chosen filters: first the most frequent variants, then, if chosen, the most
        /// frequent activities.
        func apply(to log: EventLog) -> EventLog {
            let covered = covered(log)
            return activities.map { covered.keepingFrequentActivities(percent: $0) } ?? covered
        }

        /// The cases of the most frequent variants the coverage slider keeps.
        private func covered(_ log: EventLog) -> EventLog {
            coverage < 100 ? log.keepingTopVariants(covering: Double(coverage) / 100) : log
        }

        /// The process map of the log with the chosen simplification.
        func map(of log: EventLog) -> ProcessMap {
            let covered = covered(log)
            return ProcessMap(
                log: covered,
                activityPercent: activities
                    ?? ProcessMap.defaultActivityPercent(activityCount: Set(covered.activity).count),
                pathPercent: paths)
        }
    }

    struct View: Sendable {
        struct Variant: Sendable {
            var rank: String
            var count: String
            var share: String
            var duration: String
            var steps: String
        }
        var id: String
        var name: String
        var facts: [ProcessView.Fact]
        var dfgHref: String
        var modelHref: String
        var dfgAlt: String
        var isPerformance: Bool
        var coverage: String
        var activities: String
        var paths: String
        var mapNote: String
        var edgeRows: [TableRow]
        var variants: [Variant]
        var variantNote: String
        var processes: [SelectOption]
        /// The discovered model while it is being computed, and why it could not be.
        var modelPending: PendingJob?
        var modelFailure: String?
        var conformance: Conformance?
        var privacyNote: String
        var unitHandovers: [TableRow]
        var handoverSVG: String
        var handoverNote: String
        var personHandovers: [TableRow]
    }

    struct Conformance: Sendable {
        var processName: String
        var processHref: String
        var summary: String
        var rows: [TableRow]
        var diagramHref = ""
        var hasDiagram = false
        var pending: PendingJob?
    }

    /// A background analysis the page waits for: the page shows how far it has come, and its script asks
    /// `statusHref` again until it is done and then reloads (without script, a link reloads it).
    struct PendingJob: Sendable {
        var statusHref: String
        var percent: Int
        var text: String
    }

    func show(_ request: Request, _ context: AppRequestContext) async throws -> HTMLResponse {
        // Kept once its analyses are done (below): then nothing needs loading or filtering.
        if let tenant = context.tenantID, let kept = pages.keptPage(request, context, tenant: tenant) { return kept }
        let snapshot = try await pages.snapshot(context)
        let (record, log) = try await pages.logs.log(
            ID(try context.parameters.require("id")), of: snapshot.map.tenant.id)
        var options = Options(request)
        if options.process.isEmpty, let linked = record.processID { options.process = linked.rawValue }
        let filtered = options.apply(to: log)
        let base = Paths.eventLog(record.id.rawValue)
        let discovery = try await discovery(
            of: filtered, record: record, options: options, tenant: snapshot.map.tenant.id, context: context)
        var conformance: Conformance?
        if let process = snapshot.process(options.process), let processRecord = snapshot.record(options.process) {
            conformance = try await conformanceView(
                of: filtered, against: process,
                key: Self.reportKey(processRecord, log: record, options: options, tenant: snapshot.map.tenant.id),
                record: record, context: context)
            conformance?.diagramHref =
                "\(base)/conformance.svg?process=\(Paths.escape(process.id.rawValue))&\(options.filterQuery)"
        }
        let modelPending = discovery.isFinished ? nil : pending(discovery, context)
        let modelFailure = discovery.failure.map {
            pages.text("Das Modell ließ sich nicht entdecken:", context) + " " + $0
        }
        let view = { @Sendable [conformance, options] (_: String) -> View in
            let map = options.map(of: log)
            let statistics = LogStatistics(log)
            let start = pages.text("Beginn", context), end = pages.text("Ende", context)
            let edgeRows = map.edges.sorted { $0.count > $1.count }.map { edge in
                TableRow(
                    "\(edge.from ?? start) → \(edge.to ?? end)",
                    numbers: [Display.integer(edge.count), edge.meanSeconds.map(Self.seconds) ?? "–"])
            }
            let variants = Variants(log).variants
            let variantViews = variants.prefix(25).enumerated().map { offset, variant in
                View.Variant(
                    rank: "\(offset + 1)", count: Display.integer(variant.count),
                    share: Display.percent(Double(variant.count) / Double(max(log.caseCount, 1))),
                    duration: variant.meanDurationSeconds.map(Self.seconds) ?? "–",
                    steps: variant.activities.joined(separator: " → "))
            }
            // Hand-overs between units, where the upload assigned resources to units; between persons only where
            // the tenant has switched person-level figures on.
            let units = record.resourceUnits
            var unitHandovers: [TableRow] = []
            var handoverSVG = ""
            var handoverNote =
                "Für dieses Protokoll ist keine Zuordnung der Bearbeitenden zu Organisationseinheiten hinterlegt; sie "
                + "lässt sich beim Hochladen als CSV-Datei mitgeben."
            if !units.isEmpty {
                let network = HandoverNetwork(unitsOf: filtered, unitOf: { units[$0] })
                handoverSVG = network.handovers.isEmpty ? "" : NetworkDiagram(handovers: network).svg
                unitHandovers = network.handovers.prefix(40).map {
                    TableRow("\($0.from) → \($0.to)", numbers: [Display.integer($0.count), Display.percent($0.share)])
                }
                handoverNote =
                    "\(Display.integer(network.total)) Übergaben zwischen Einheiten, gezählt zwischen aufeinanderfolgenden "
                    + "Ereignissen eines Falls."
            }
            let personHandovers =
                snapshot.map.settings.personLevelFigures
                ? HandoverNetwork(resourcesOf: filtered).handovers.prefix(40).map {
                    TableRow("\($0.from) → \($0.to)", numbers: [Display.integer($0.count), Display.percent($0.share)])
                } : []
            return View(
                id: record.id.rawValue, name: record.name,
                facts: [
                    .init(label: "Fälle", value: Display.integer(statistics.cases), href: nil),
                    .init(label: "Ereignisse", value: Display.integer(statistics.events), href: nil),
                    .init(label: "Aktivitäten", value: Display.integer(statistics.activities), href: nil),
                    .init(label: "Varianten", value: Display.integer(statistics.variants), href: nil),
                    .init(
                        label: "Zeitraum",
                        value: [statistics.firstTimestamp, statistics.lastTimestamp].compactMap { $0?.prefix(10) }
                            .joined(separator: " bis "), href: nil),
                    .init(
                        label: "mittlere Falldauer", value: statistics.meanCaseDurationSeconds.map(Self.seconds) ?? "–",
                        href: nil),
                ]
                    + (record.processID.flatMap { snapshot.process($0.rawValue) }.map { process in
                        [
                            .init(label: "Prozess", value: process.name, href: Paths.process(process.id.rawValue)),
                            .init(
                                label: "Aktivitäten und Schritte", value: pages.text("Zuordnung ansehen", context),
                                href: Paths.eventLogSteps(record.id.rawValue)),
                        ]
                    } ?? []),
                dfgHref: "\(base)/dfg.svg?\(options.query)", modelHref: "\(base)/model.svg?\(options.filterQuery)",
                dfgAlt: pages.text(
                    "Prozesslandkarte; die Tabelle darunter nennt jeden gezeigten Übergang mit Anzahl und Dauer.",
                    context),
                isPerformance: options.performance, coverage: String(options.coverage),
                activities: String(map.activityPercent), paths: String(map.pathPercent),
                mapNote: "\(Display.integer(map.activities.count)) " + pages.text("Aktivitäten", context) + " ("
                    + "\(Display.integer(map.hiddenActivities)) " + pages.text("ausgeblendet", context) + "), "
                    + "\(Display.integer(map.edges.count)) " + pages.text("Übergänge", context) + " ("
                    + "\(Display.integer(map.hiddenEdges)) " + pages.text("ausgeblendet", context) + ").",
                edgeRows: edgeRows,
                variants: variantViews,
                variantNote:
                    "\(Display.integer(variants.count)) Varianten; die \(variantViews.count) häufigsten sind aufgeführt.",
                processes: snapshot.processes.sorted { $0.name < $1.name }.map {
                    .init(value: $0.id.rawValue, label: $0.name, isSelected: $0.id.rawValue == options.process)
                },
                modelPending: modelPending, modelFailure: modelFailure,
                conformance: conformance,
                privacyNote: record.isPseudonymised
                    ? "Die Namen der Bearbeitenden wurden beim Hochladen pseudonymisiert."
                    : "Achtung: Dieses Protokoll enthält Klarnamen der Bearbeitenden.",
                unitHandovers: unitHandovers, handoverSVG: handoverSVG, handoverNote: handoverNote,
                personHandovers: Array(personHandovers))
        }
        // Kept per state of the data once its analyses are done; while one runs, the page shows its progress and
        // is made for each request.
        guard modelPending == nil, conformance?.pending == nil else {
            return try pages.page(
                "monitor/log", title: record.name, section: .monitor, content: view(context.csrfToken),
                context: context, snapshot: snapshot)
        }
        return try await pages.cachedPage(
            request, "monitor/log", title: record.name, section: .monitor, context: context, snapshot: snapshot,
            content: view)
    }

    func dfg(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let snapshot = try await pages.snapshot(context)
        let (_, log) = try await pages.logs.log(ID(try context.parameters.require("id")), of: snapshot.map.tenant.id)
        let options = Options(request)
        let metric: ProcessMap.Metric = options.performance ? .duration : .frequency
        let words = ProcessMapDrawing.Words.german(
            metric: metric, number: { Display.integer($0) }, duration: { GermanFormat.elapsed(seconds: $0) })
        let translated = ProcessMapDrawing.Words(
            title: pages.text(words.title, context), start: pages.text(words.start, context),
            end: pages.text(words.end, context), legendActivity: pages.text(words.legendActivity, context),
            legendEdge: pages.text(words.legendEdge, context), legendShading: pages.text(words.legendShading, context),
            number: words.number,
            duration: { [days = pages.text("Tage", context)] in GermanFormat.elapsed(seconds: $0, days: days) })
        let svg = ProcessMapDrawing(options.map(of: log), metric: metric, words: translated).svg
        return FileResponse(body: svg, contentType: "image/svg+xml").response(from: request, context: context)
    }

    /// The discovered model as BPMN diagram; while it is being computed, a placeholder with status 202.
    func model(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let snapshot = try await pages.snapshot(context)
        let (record, log) = try await pages.logs.log(
            ID(try context.parameters.require("id")), of: snapshot.map.tenant.id)
        let options = Options(request)
        let status = try await discovery(
            of: options.apply(to: log), record: record, options: options, tenant: snapshot.map.tenant.id,
            context: context)
        guard let discovered = status.result(as: EventLogLibrary.Discovered.self) else {
            return unfinishedSVG(status, request: request, context: context)
        }
        return svgResponse(ProcessGenerator.bpmn(for: discovered.process), request: request, context: context)
    }

    /// The discovery job of the filtered log: started on first request (and audited then), found afterwards.
    func discovery(
        of filtered: EventLog, record: EventLogRecord, options: Options, tenant: ID<Tenant>,
        context: AppRequestContext
    ) async throws -> AnalysisJobs.Status {
        let key = AnalysisKey(
            tenant: tenant, log: record.id, filter: options.filterQuery, subject: "discovery|0.2")
        let (status, isNew) = await pages.logs.discovery(of: filtered, key: key, name: record.name)
        if isNew {
            try await pages.audit(
                "runDiscovery", object: "eventLog:\(record.id)", summary: "Prozess aus „\(record.name)“ entdeckt",
                context)
        }
        return status
    }

    /// How far a background analysis has come, for the page's script: `{"state": "running", "percent": 40}`.
    func job(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let snapshot = try await pages.snapshot(context)
        guard
            let status = await pages.logs.jobs.status(
                try context.parameters.require("job"), of: snapshot.map.tenant.id)
        else { throw HTTPError(.notFound) }
        let body = #"{"state":"\#(status.state.rawValue)","percent":\#(Int(status.fraction * 100))}"#
        var response = FileResponse(body: body, contentType: "application/json").response(
            from: request, context: context)
        response.headers[.cacheControl] = "no-store"
        return response
    }

    func pending(_ status: AnalysisJobs.Status, _ context: AppRequestContext) -> PendingJob {
        let percent = Int(status.fraction * 100)
        let text =
            status.state == .queued
            ? pages.text("Wartet, bis eine andere Auswertung fertig ist.", context)
            : pages.text("Wird im Hintergrund berechnet:", context) + " \(percent) %"
        return PendingJob(statusHref: Paths.job(status.id), percent: percent, text: text)
    }

    /// What an image of an unfinished analysis shows: that it is being computed (202), or why it failed (422).
    private func unfinishedSVG(_ status: AnalysisJobs.Status, request: Request, context: AppRequestContext)
        -> Response
    {
        let text =
            status.failure.map { pages.text("Die Auswertung war nicht möglich:", context) + " " + $0 }
            ?? pending(status, context).text
        let svg =
            #"<svg xmlns="http://www.w3.org/2000/svg" width="640" height="40" viewBox="0 0 640 40">"#
            + #"<text x="8" y="24" font-family="sans-serif" font-size="14">\#(SVGText.escape(text))</text></svg>"#
        var response = FileResponse(body: svg, contentType: "image/svg+xml").response(from: request, context: context)
        response.status = status.failure == nil ? .accepted : .unprocessableContent
        response.headers[.cacheControl] = "no-store"
        return response
    }

    private func svgResponse(_ model: BPMNModel, request: Request, context: AppRequestContext) -> Response {
        let svg = SVGRenderer.render(BPMNLayout.withDiagram(model)) ?? "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"
        return FileResponse(body: svg, contentType: "image/svg+xml").response(from: request, context: context)
    }

    /// Alignments of the log against the process as a workflow net; steps and activities match by name.
    func conformanceView(
        of log: EventLog, against process: ProcessModel, key: AnalysisKey, record: EventLogRecord,
        context: AppRequestContext
    ) async throws -> Conformance {
        let status = try await conformanceJob(of: log, against: process, key: key, record: record, context: context)
        var view = Conformance(processName: process.name, processHref: Paths.process(process.id), summary: "", rows: [])
        if let failure = status.failure {
            view.summary = pages.text("Der Abgleich war nicht möglich:", context) + " " + failure
            return view
        }
        guard let report = status.result(as: EventLogLibrary.Aligned.self)?.report else {
            view.pending = pending(status, context)
            return view
        }
        view.summary =
            "Fitness \(Display.decimal(report.logFitness, digits: 3)); \(Display.percent(report.fittingCaseShare)) der Fälle "
            + "laufen ohne Abweichung durch das Modell."
            + (report.unalignedCases > 0 ? " \(report.unalignedCases) Fälle waren zu aufwendig abzugleichen." : "")
        view.rows = report.deviations.prefix(30).map {
            TableRow($0.activity, numbers: [Display.integer($0.onLog), Display.integer($0.onModel)])
        }
        view.hasDiagram = true
        return view
    }

    /// The alignment job of the filtered log with `process`: started on first request (and audited then).
    func conformanceJob(
        of log: EventLog, against process: ProcessModel, key: AnalysisKey, record: EventLogRecord,
        context: AppRequestContext
    ) async throws -> AnalysisJobs.Status {
        let (status, isNew) = await pages.logs.alignments(of: log, against: process, key: key)
        if isNew {
            try await pages.audit(
                "runConformance", object: "eventLog:\(record.id)",
                summary: "Abgleich von „\(record.name)“ mit „\(process.name)“ berechnet", context)
        }
        return status
    }

    /// The process's diagram with its deviating steps framed: red where the log has steps the model does not
    /// expect there, orange where the model expects steps the cases skipped.
    func conformanceDiagram(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let snapshot = try await pages.snapshot(context)
        let logID = try context.parameters.require("id")
        let (logRecord, log) = try await pages.logs.log(ID(logID), of: snapshot.map.tenant.id)
        let options = Options(request)
        let (record, process) = try snapshot.readableProcess(options.process)
        let filtered = options.apply(to: log)
        let (status, _) = await pages.logs.alignments(
            of: filtered, against: process,
            key: Self.reportKey(record, log: logRecord, options: options, tenant: snapshot.map.tenant.id))
        guard let report = status.result(as: EventLogLibrary.Aligned.self)?.report else {
            return unfinishedSVG(status, request: request, context: context)
        }
        var highlights: [SVGRenderer.Highlight] = []
        for deviation in report.deviations {
            for step in process.steps where step.name == deviation.activity {
                if deviation.onLog > 0 {
                    highlights.append(
                        .init(elementID: step.id, colour: "#b3261e", note: "\(deviation.onLog)× zusätzlich"))
                } else if deviation.onModel > 0 {
                    highlights.append(
                        .init(elementID: step.id, colour: "#a35200", note: "\(deviation.onModel)× übersprungen"))
                }
            }
        }
        let model = BPMNLayout.withDiagram(try record.read().model)
        let svg = SVGRenderer.render(model, highlights: highlights) ?? "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"
        return FileResponse(body: svg, contentType: "image/svg+xml").response(from: request, context: context)
    }

    static func reportKey(
        _ record: ProcessRecord, log: EventLogRecord, options: Options, tenant: ID<Tenant>
    ) -> AnalysisKey {
        AnalysisKey(
            tenant: tenant, log: log.id, filter: options.filterQuery,
            subject: "alignments|\(record.id)|\(bytesHash(record.bpmn))")
    }

    /// Which version of a process's BPMN a result belongs to, from its bytes: `String.hashValue` normalises
    /// Unicode first, which cost a quarter of the log page's time on every request.
    static func bytesHash(_ text: String) -> Int {
        var hasher = Hasher()
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        return hasher.finalize()
    }

    /// A duration between timestamps of a log: calendar time, and the page says so.
    static func seconds(_ value: Double) -> String { Display.calendarDuration(seconds: value) }
}
