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
            try await page(request, context) { snapshot in snapshot.records.map { Self.summary($0, in: snapshot) } }
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
        addVersionRoutes(to: routes)
        addOZGRoutes(to: routes)
        addFIMRoutes(to: routes)
        addProposalRoutes(to: routes)
        addWorkshopRoutes(to: routes)
        addMapVersionRoutes(to: routes)
        addJobRoutes(to: routes)
        addRoadmapRoutes(to: routes)
        addRoadmapPlanningRoutes(to: routes)
        routes.get(Paths.openAPI, .anyone) { request, context in try openAPI(request, context) }
    }

    // MARK: - Lists

    /// A list from the tenant's data, encoded once per snapshot and URL and then served from memory.
    func page<Item: Encodable & Sendable>(
        _ request: Request, _ context: AppRequestContext, _ items: @escaping @Sendable (TenantSnapshot) -> [Item]
    ) async throws -> Response {
        let snapshot = try await pages.snapshot(context)
        return try await kept(request, context, snapshot: snapshot) { try Self.paginate(items(snapshot), request) }
    }

    /// An answer made from the tenant's data, encoded once per snapshot and URL and then served from memory until
    /// a write to `areas` (the model is always one of them) — encoding took a quarter of the servers' time under
    /// the cluster benchmark's reads.
    func kept<Item: Encodable & Sendable>(
        _ request: Request, _ context: AppRequestContext, snapshot: TenantSnapshot,
        areas: Set<Workspace.Area> = Workspace.keptAreas, _ make: @escaping @Sendable () throws -> Item
    ) async throws -> Response {
        let encoder = context.responseEncoder
        let key = "api|\(request.uri.path)?\(request.uri.query ?? "")"
        let body = try await pages.workspace.derived(from: snapshot, key, areas: areas) {
            ByteBuffer(bytes: try encoder.encode(try make()))
        }
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        ReplayMark.mark(&headers, context)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: body))
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
