import AmtswegCore
import AmtswegStore
import BPMN
import Foundation
import Hummingbird
import ProcessMining

/// Event logs: list, one with its figures, and an upload with the privacy choice per attribute.
extension APIController {
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
            await pages.workspace.eventLogsChanged(snapshot.map.tenant.id)
        } catch let error as MiningError {
            throw HTTPError(.unprocessableContent, message: "\(error)")
        }
        return EditedResponse(
            status: .created, headers: [.location: Paths.apiEventLog(record.id.rawValue)],
            response: JSONBody(
                EventLogSummary(
                    id: record.id.rawValue, name: record.name, fileName: record.fileName, uploadedAt: record.uploadedAt,
                    cases: record.caseCount, events: record.eventCount, pseudonymised: record.isPseudonymised,
                    processID: record.processID?.rawValue)))
    }

}
