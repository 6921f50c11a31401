import AmtswegCore
import AmtswegStore
import BPMN
import Foundation
import Hummingbird
import ProcessMining

/// The JSON API under `/api/v1`: the same objects and analyses as the pages, read and write.
///
/// Lists are paginated (`offset`, `limit`, at most 500); errors are `application/problem+json` (see
/// ``ErrorMiddleware``); every route is described in `openapi.json`, which a test holds against the router.
struct APIController: Sendable {
    let pages: Pages

    /// One page of a list.
    struct Page<Item: Encodable & Sendable>: ResponseEncodable, Sendable {
        var items: [Item]
        var total: Int
        var offset: Int
        var limit: Int
    }

    struct TenantSummary: ResponseEncodable, Sendable {
        var id: String
        var name: String
        var ags: String
        var population: Int
        var units: Int
        var positions: Int
        var tasks: Int
        var services: Int
        var flows: Int
        var processes: Int
    }

    struct ProcessSummary: Encodable, Sendable {
        var id: String
        var name: String
        var state: String
        var serviceID: String?
        var ownerUnitID: String?
        var istID: String?
        var links: [String: String]
    }

    struct ProcessDetail: ResponseEncodable, Sendable {
        var process: ProcessSummary
        var report: ProcessReport
    }

    struct EventLogDetail: ResponseEncodable, Sendable {
        var id: String
        var name: String
        var statistics: LogStatistics
        var directlyFollows: [DirectlyFollowsGraph.Edge]
        var startActivities: [String: Int]
        var endActivities: [String: Int]
        var variants: [Variants.Variant]
    }

    struct EventLogSummary: Encodable, Sendable {
        var id: String
        var name: String
        var fileName: String
        var uploadedAt: Date
        var cases: Int
        var events: Int
        var pseudonymised: Bool
        var processID: String?
    }

    func addRoutes(to routes: RouteTable) {
        let api = Paths.api + "/"
        routes.get(api + "tenant", .read) { request, context in try await tenant(request, context) }
        routes.get(api + "units", .read) { request, context in try await page(request, context) { $0.map.units } }
        routes.get(api + "units/:id", .read) { request, context in
            try await one(request, context) { snapshot, id in snapshot.unit(id) }
        }
        routes.get(api + "positions", .read) { request, context in try await page(request, context) { $0.map.positions }
        }
        routes.get(api + "tasks", .read) { request, context in try await page(request, context) { $0.map.duties } }
        routes.get(api + "services", .read) { request, context in try await page(request, context) { $0.map.services } }
        routes.get(api + "flows", .read) { request, context in try await page(request, context) { $0.map.flows } }
        routes.post(api + "flows", .editMap) { request, context in try await createFlow(request, context) }
        routes.get(api + "findings", .read) { request, context in try await page(request, context) { $0.map.findings } }
        routes.post(api + "findings", .editMap) { request, context in try await createFinding(request, context) }
        routes.get(api + "processes", .read) { request, context in
            try await page(request, context) { snapshot in snapshot.records.map(Self.summary) }
        }
        routes.post(api + "processes", .manageProcesses) { request, context in try await createProcess(request, context)
        }
        routes.get(api + "processes/:id", .read) { request, context in try await process(request, context) }
        routes.get(api + "processes/:id/bpmn", .read) { request, context in try await bpmn(request, context) }
        routes.get(api + "analysis/ist", .read) { request, context in try await ist(request, context) }
        routes.get(api + "problems", .read) { request, context in try await problems(request, context) }
        routes.get(api + "search", .read) { request, context in try await search(request, context) }
        routes.get(api + "event-logs", .read) { request, context in try await eventLogs(request, context) }
        routes.post(api + "event-logs", .manageProcesses) { request, context in
            try await createEventLog(request, context)
        }
        routes.get(api + "event-logs/:id", .read) { request, context in try await eventLog(request, context) }
        routes.get(Paths.openAPI, .anyone) { request, context in try openAPI(request, context) }
    }

    // MARK: - Reading

    func tenant(_ request: Request, _ context: AppRequestContext) async throws -> TenantSummary {
        let snapshot = try await pages.snapshot(context)
        let map = snapshot.map
        return TenantSummary(
            id: map.tenant.id.rawValue, name: map.tenant.name, ags: map.tenant.ags, population: map.tenant.population,
            units: map.units.count, positions: map.positions.count, tasks: map.duties.count,
            services: map.services.count, flows: map.flows.count, processes: snapshot.records.count)
    }

    /// A list from the tenant's data, encoded once per snapshot and URL and then served from memory.
    func page<Item: Encodable & Sendable>(
        _ request: Request, _ context: AppRequestContext, _ items: @escaping @Sendable (TenantSnapshot) -> [Item]
    ) async throws -> Response {
        let snapshot = try await pages.snapshot(context)
        let encoder = context.responseEncoder
        let key = "api|\(request.uri.path)?\(request.uri.query ?? "")"
        let body = try await pages.workspace.derived(snapshot.map.tenant.id, key) {
            try encoder.encode(try Self.paginate(items(snapshot), request))
        }
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    static func paginate<Item: Encodable & Sendable>(_ all: [Item], _ request: Request) throws -> Page<Item> {
        let query = request.uri.queryParameters
        let offset =
            try query["offset"].map { value in
                guard let number = Int(String(value)), (0...1_000_000_000).contains(number) else {
                    throw HTTPError(.badRequest, message: "offset muss eine ganze Zahl von 0 bis 1000000000 sein.")
                }
                return number
            } ?? 0
        let limit =
            try query["limit"].map { value in
                guard let number = Int(String(value)), (1...500).contains(number) else {
                    throw HTTPError(.badRequest, message: "limit muss zwischen 1 und 500 liegen.")
                }
                return number
            } ?? 50
        let slice = offset >= all.count ? [] : Array(all[offset..<min(all.count, offset + limit)])
        return Page(items: slice, total: all.count, offset: offset, limit: limit)
    }

    func one<Item: Encodable & Sendable>(
        _ request: Request, _ context: AppRequestContext, _ find: @Sendable (TenantSnapshot, String) -> Item?
    ) async throws -> JSONBody<Item> {
        let id = try context.parameters.require("id")
        guard let item = find(try await pages.snapshot(context), id) else {
            throw HTTPError(.notFound, message: "„\(id)“ gibt es nicht.")
        }
        return JSONBody(item)
    }

    static func summary(_ record: ProcessRecord) -> ProcessSummary {
        let id = Paths.escape(record.id.rawValue)
        return ProcessSummary(
            id: record.id.rawValue, name: record.name, state: record.state.rawValue,
            serviceID: record.serviceID?.rawValue, ownerUnitID: record.ownerUnitID?.rawValue,
            istID: record.istID?.rawValue,
            links: [
                "self": "/api/v1/processes/\(id)", "bpmn": "/api/v1/processes/\(id)/bpmn", "page": "/processes/\(id)",
            ])
    }

    func process(_ request: Request, _ context: AppRequestContext) async throws -> ProcessDetail {
        let snapshot = try await pages.snapshot(context)
        let (record, process) = try ProcessPages.find(try context.parameters.require("id"), in: snapshot)
        return ProcessDetail(process: Self.summary(record), report: ProcessReport(process: process, map: snapshot.map))
    }

    func bpmn(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let snapshot = try await pages.snapshot(context)
        let (record, _) = try ProcessPages.find(try context.parameters.require("id"), in: snapshot)
        return FileResponse(body: record.bpmn, contentType: "application/xml").response(from: request, context: context)
    }

    func ist(_ request: Request, _ context: AppRequestContext) async throws -> JSONBody<IstAnalysis> {
        JSONBody(IstAnalysis(try await pages.snapshot(context).map))
    }

    func problems(_ request: Request, _ context: AppRequestContext) async throws -> Page<ProblemSpot> {
        let snapshot = try await pages.snapshot(context)
        let query = request.uri.queryParameters
        let rule = query["rule"].map(String.init)
        let severity = query["severity"].map(String.init)
        if let rule, ProblemRule(rawValue: rule) == nil {
            throw HTTPError(.badRequest, message: "Eine Regel „\(rule.prefix(100))“ gibt es nicht.")
        }
        if let severity, !["high", "medium", "low"].contains(severity) {
            throw HTTPError(.badRequest, message: "severity ist high, medium oder low.")
        }
        let spots = ProblemFinder(map: snapshot.map).findAll(in: snapshot.processes).filter {
            (rule == nil || $0.rule.rawValue == rule) && (severity == nil || $0.severity.rawValue == severity)
        }
        return try Self.paginate(spots, request)
    }

    func search(_ request: Request, _ context: AppRequestContext) async throws -> Page<TenantSearch.Hit> {
        let snapshot = try await pages.snapshot(context)
        guard let query = request.uri.queryParameters["q"].map(String.init) else {
            throw HTTPError(.badRequest, message: "Der Suchbegriff fehlt (q=…).")
        }
        guard query.unicodeScalars.count <= 200 else {
            throw HTTPError(.badRequest, message: "Der Suchbegriff darf höchstens 200 Zeichen lang sein.")
        }
        return try Self.paginate(
            TenantSearch.search(query, map: snapshot.map, processes: snapshot.processes), request)
    }

    func eventLogs(_ request: Request, _ context: AppRequestContext) async throws -> Page<EventLogSummary> {
        let snapshot = try await pages.snapshot(context)
        let logs = try await pages.workspace.repository.eventLogs(of: snapshot.map.tenant.id)
        return try Self.paginate(
            logs.map {
                EventLogSummary(
                    id: $0.id.rawValue, name: $0.name, fileName: $0.fileName, uploadedAt: $0.uploadedAt,
                    cases: $0.caseCount, events: $0.eventCount, pseudonymised: $0.isPseudonymised,
                    processID: $0.processID?.rawValue)
            }, request)
    }

    func eventLog(_ request: Request, _ context: AppRequestContext) async throws -> EventLogDetail {
        let snapshot = try await pages.snapshot(context)
        let (record, log) = try await pages.logs.log(
            ID(try context.parameters.require("id")), of: snapshot.map.tenant.id)
        let graph = DirectlyFollowsGraph(log)
        let variants = Variants(log)
        return EventLogDetail(
            id: record.id.rawValue, name: record.name, statistics: LogStatistics(log, variants: variants),
            directlyFollows: graph.edges, startActivities: graph.startActivities, endActivities: graph.endActivities,
            variants: Array(variants.variants.prefix(100)))
    }

    // MARK: - Writing

    func createFlow(_ request: Request, _ context: AppRequestContext) async throws -> EditedResponse<
        JSONBody<InformationFlow>
    > {
        let flow = try await request.decode(as: InformationFlow.self, context: context)
        let snapshot = try await pages.snapshot(context)
        var map = snapshot.map
        guard !map.flows.contains(where: { $0.id == flow.id }) else {
            throw HTTPError(.conflict, message: "Einen Informationsfluss „\(flow.id)“ gibt es schon.")
        }
        map.flows.append(flow)
        try await pages.workspace.saveMap(map, change: .flow(flow, action: "createFlow", in: map), by: context.author)
        return EditedResponse(
            status: .created, headers: [.location: "/api/v1/flows?id=\(Paths.escape(flow.id.rawValue))"],
            response: JSONBody(flow))
    }

    func createFinding(_ request: Request, _ context: AppRequestContext) async throws
        -> EditedResponse<JSONBody<WorkshopFinding>>
    {
        let finding = try await request.decode(as: WorkshopFinding.self, context: context)
        let snapshot = try await pages.snapshot(context)
        var map = snapshot.map
        guard !map.findings.contains(where: { $0.id == finding.id }) else {
            throw HTTPError(.conflict, message: "Ein Workshop-Ergebnis „\(finding.id)“ gibt es schon.")
        }
        map.findings.append(finding)
        try await pages.workspace.saveMap(map, change: .finding(finding), by: context.author)
        return EditedResponse(status: .created, response: JSONBody(finding))
    }

    /// A BPMN file from any modeller as a new process (`?service=` optional); an id already taken gets a number.
    func createProcess(_ request: Request, _ context: AppRequestContext) async throws
        -> EditedResponse<JSONBody<ProcessSummary>>
    {
        var request = request
        let body = try await Self.body(of: &request, limit: pages.configuration.maxUploadBytes)
        let snapshot = try await pages.snapshot(context)
        let name = request.uri.queryParameters["file"].map(String.init) ?? "upload.bpmn"
        let model: BPMNModel
        do {
            model = try BPMNReader.read(body, file: name)
        } catch {
            throw HTTPError(.unprocessableContent, message: "\(error)")
        }
        let serviceID = request.uri.queryParameters["service"].map(String.init)
        let service = snapshot.map.services.first { $0.id.rawValue == serviceID }
        if serviceID != nil, service == nil {
            throw HTTPError(.unprocessableContent, message: "Eine Leistung „\(serviceID!)“ gibt es nicht.")
        }
        let record = ProcessPages.importedRecord(model, fileName: name, service: service, snapshot: snapshot)
        try await pages.workspace.saveProcess(record, of: snapshot.map.tenant.id, by: context.author)
        return EditedResponse(
            status: .created, headers: [.location: "/api/v1/processes/\(Paths.escape(record.id.rawValue))"],
            response: JSONBody(Self.summary(record)))
    }

    /// An event log (XES, XES.GZ or CSV by `?file=` name), each attribute treated as `privacy=ATTRIBUT=WAHL`
    /// says (repeatable); person-related attributes are pseudonymised unless chosen otherwise, as in the form.
    func createEventLog(_ request: Request, _ context: AppRequestContext) async throws
        -> EditedResponse<JSONBody<EventLogSummary>>
    {
        var request = request
        let body = try await Self.body(of: &request, limit: pages.configuration.maxUploadBytes)
        let snapshot = try await pages.snapshot(context)
        let query = request.uri.queryParameters
        let fileName = query["file"].map(String.init) ?? "upload.xes"
        var assignments = query.getAll("privacy")
        if query["keep-resources"] == "true" { assignments.append("event:\(EventLog.resourceKey)=keep") }
        let privacy: PrivacyChoices
        do throws(PrivacyChoices.ParseError) {
            privacy = try PrivacyChoices(parsing: assignments)
        } catch {
            throw HTTPError(.badRequest, message: error.description)
        }
        let record: EventLogRecord
        do {
            record = try await pages.logs.importLog(
                body, fileName: fileName, name: query["name"].map(String.init) ?? "", privacy: privacy,
                processID: query["process"].flatMap { snapshot.process(String($0))?.id }, units: nil,
                tenant: snapshot.map.tenant.id, author: context.author,
                existing: try await pages.workspace.repository.eventLogs(of: snapshot.map.tenant.id))
        } catch let error as MiningError {
            throw HTTPError(.unprocessableContent, message: "\(error)")
        }
        return EditedResponse(
            status: .created, headers: [.location: "/api/v1/event-logs/\(Paths.escape(record.id.rawValue))"],
            response: JSONBody(
                EventLogSummary(
                    id: record.id.rawValue, name: record.name, fileName: record.fileName, uploadedAt: record.uploadedAt,
                    cases: record.caseCount, events: record.eventCount, pseudonymised: record.isPseudonymised,
                    processID: record.processID?.rawValue)))
    }

    /// A request body up to `limit`, with the limit named in the error.
    static func body(of request: inout Request, limit: Int) async throws -> Data {
        do {
            return Data(try await request.collectBody(upTo: limit).readableBytesView)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw HTTPError(
                .contentTooLarge,
                message: "Die Datei ist zu groß. Erlaubt sind höchstens \(ByteCountFormatter.megabytes(limit)).")
        }
    }

    // MARK: - Description

    func openAPI(_ request: Request, _ context: AppRequestContext) throws -> Response {
        let url = pages.configuration.resources.appendingPathComponent("openapi.json")
        let data = try Data(contentsOf: url)
        return Response(
            status: .ok, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// Any encodable domain value as a JSON response, without conforming domain types to HTTP protocols.
struct JSONBody<Value: Encodable & Sendable>: ResponseEncodable, Sendable {
    var value: Value

    init(_ value: Value) { self.value = value }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
