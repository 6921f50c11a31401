import AmtswegCore
import AmtswegStore
import BPMN
import Foundation
import Hummingbird
import ProcessMining

/// The Map phase and its analyses: tenant, organisation, flows, workshop findings, Ist-Analyse, problem spots, search.
extension APIController {
    func tenant(_ request: Request, _ context: AppRequestContext) async throws -> TenantSummary {
        let snapshot = try await pages.snapshot(context)
        let map = snapshot.map
        return TenantSummary(
            id: map.tenant.id.rawValue, name: map.tenant.name, ags: map.tenant.ags, population: map.tenant.population,
            units: map.units.count, positions: map.positions.count, tasks: map.duties.count,
            services: map.services.count, flows: map.flows.count, processes: snapshot.records.count)
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
        let spots = snapshot.problemSpots.filter {
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
        try await pages.workspace.saveMap(
            map, change: .flow(flow, action: "createFlow", in: map), by: context.author, basedOn: snapshot.mapVersion)
        return EditedResponse(
            status: .created, headers: [.location: Paths.api + "/flows?id=" + Paths.escape(flow.id.rawValue)],
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
        try await pages.workspace.saveMap(
            map, change: .finding(finding), by: context.author, basedOn: snapshot.mapVersion)
        return EditedResponse(status: .created, response: JSONBody(finding))
    }

}
