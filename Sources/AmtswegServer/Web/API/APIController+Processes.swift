import AmtswegCore
import AmtswegStore
import BPMN
import Foundation
import Hummingbird
import ProcessMining

/// Processes: list, one with its report, its BPMN, and a BPMN file from any modeller as a new process.
extension APIController {
    static func summary(_ record: ProcessRecord, in snapshot: TenantSnapshot) -> ProcessSummary {
        let id = record.id.rawValue
        let version = snapshot.versionNumber(of: record.id)
        let release: ReleaseState? =
            snapshot.view == .released ? .released : snapshot.statuses[record.id]?.state
        return ProcessSummary(
            id: id, name: record.name, state: record.state.rawValue,
            serviceID: record.serviceID?.rawValue, ownerUnitID: record.ownerUnitID?.rawValue,
            istID: record.istID?.rawValue, version: version, release: release?.rawValue,
            links: ["self": Paths.apiProcess(id), "bpmn": Paths.apiProcess(id) + "/bpmn", "page": Paths.process(id)])
    }

    /// A process with its report: made from the model alone, so kept through comments, votes and roadmap changes.
    func process(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let snapshot = try await pages.snapshot(context)
        let (record, process) = try snapshot.readableProcess(try context.parameters.require("id"))
        return try await kept(request, context, snapshot: snapshot, areas: []) {
            ProcessDetail(process: Self.summary(record, in: snapshot), report: snapshot.report(of: process))
        }
    }

    func bpmn(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let snapshot = try await pages.snapshot(context)
        let (record, _) = try snapshot.readableProcess(try context.parameters.require("id"))
        try await pages.audit(
            "exportProcess", object: "process:\(record.id)", summary: "BPMN über die API abgerufen: \(record.name)",
            context)
        return FileResponse(body: record.bpmn, contentType: "application/xml").response(from: request, context: context)
    }

    // MARK: - Writing

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
        let record = snapshot.importedRecord(model, fileName: name, service: service)
        try await pages.workspace.saveProcess(record, of: snapshot.map.tenant.id, by: context.author)
        return EditedResponse(
            status: .created, headers: [.location: Paths.apiProcess(record.id.rawValue)],
            response: JSONBody(Self.summary(record, in: snapshot)))
    }

}
