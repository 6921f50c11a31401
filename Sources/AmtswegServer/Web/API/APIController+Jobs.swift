import AmtswegCore
import BPMN
import Foundation
import Hummingbird
import MinedProcesses
import ProcessBPMN
import ProcessMining

/// Discovery and conformance of an event log through the API: the first request starts a background job and
/// answers 202 with the job and its address; asking again (the same address, or the job's) shows its progress,
/// and once it is done the answer is 200 with the result. Filters are those of the log's page (`coverage`,
/// `activities`), so page and API share one computation.
extension APIController {
    /// A background analysis with its progress and, once done, its result.
    struct AnalysisJob: Encodable, Sendable {
        struct Discovery: Encodable, Sendable {
            /// The process tree in pm4py's notation.
            var tree: String
            /// The discovered process as BPMN 2.0 XML with diagram.
            var bpmn: String
        }
        struct Conformance: Encodable, Sendable {
            var process: String
            var fitness: Double
            var averageTraceFitness: Double
            var fittingCaseShare: Double
            var unalignedCases: Int
            var deviations: [AlignmentReport.ActivityDeviations]
        }
        var id: String
        var kind: String
        var state: String
        /// 0 to 1.
        var progress: Double
        var log: String
        var queuedAt: Date
        var startedAt: Date?
        var finishedAt: Date?
        var failure: String?
        var discovery: Discovery?
        var conformance: Conformance?
        var links: [String: String]
    }

    func addJobRoutes(to routes: RouteTable) {
        routes.get(Paths.api + "/jobs/:job", .read) { request, context in try await job(request, context) }
        routes.get(Paths.api + "/event-logs/:id/discovery", .read) { request, context in
            try await discovery(request, context)
        }
        routes.get(Paths.api + "/event-logs/:id/conformance", .read) { request, context in
            try await conformance(request, context)
        }
    }

    func job(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let snapshot = try await pages.snapshot(context)
        let id = try context.parameters.require("job")
        guard let status = await pages.logs.jobs.status(id, of: snapshot.map.tenant.id) else {
            throw HTTPError(.notFound, message: "Einen Auftrag „\(id)“ gibt es nicht.")
        }
        return try answer(status, request: request, context: context)
    }

    func discovery(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let (snapshot, record, log, options) = try await filteredLog(request, context)
        let status = try await EventLogPages(pages: pages).discovery(
            of: log, record: record, options: options, tenant: snapshot.map.tenant.id, context: context)
        return try answer(status, request: request, context: context)
    }

    /// Alignments with the process `?process=` (required).
    func conformance(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let (snapshot, record, log, options) = try await filteredLog(request, context)
        guard !options.process.isEmpty else {
            throw HTTPError(
                .badRequest, message: "Der Parameter „process“ nennt den Prozess, mit dem abgeglichen wird.")
        }
        let (processRecord, process) = try snapshot.readableProcess(options.process)
        let status = try await EventLogPages(pages: pages).conformanceJob(
            of: log, against: process,
            key: EventLogPages.reportKey(processRecord, log: record, options: options, tenant: snapshot.map.tenant.id),
            record: record, context: context)
        return try answer(status, request: request, context: context)
    }

    /// The log named by the path with the filters of the query applied (checked first), as the page applies them.
    private func filteredLog(_ request: Request, _ context: AppRequestContext) async throws
        -> (TenantSnapshot, EventLogRecord, EventLog, EventLogPages.Options)
    {
        try Self.checkFilters(request)
        let snapshot = try await pages.snapshot(context)
        let (record, log) = try await pages.logs.log(
            ID(try context.parameters.require("id")), of: snapshot.map.tenant.id)
        let options = EventLogPages.Options(request)
        return (snapshot, record, options.apply(to: log), options)
    }

    /// The page clamps its sliders' values; the API says plainly when a filter is not a percentage it takes.
    private static func checkFilters(_ request: Request) throws {
        let query = request.uri.queryParameters
        for (name, range) in [("coverage", 10...100), ("activities", 1...100)] {
            guard let value = query[Substring(name)] else { continue }
            guard let number = Int(String(value)), range.contains(number) else {
                throw HTTPError(
                    .badRequest,
                    message: "\(name) muss eine ganze Zahl von \(range.lowerBound) bis \(range.upperBound) sein.")
            }
        }
    }

    /// 200 with the job when it has finished (done or failed), 202 with its address while it waits or runs.
    private func answer(_ status: AnalysisJobs.Status, request: Request, context: AppRequestContext) throws
        -> Response
    {
        var job = AnalysisJob(
            id: status.id, kind: status.kind.rawValue, state: status.state.rawValue, progress: status.fraction,
            log: status.key.log.rawValue, queuedAt: status.queuedAt, startedAt: status.startedAt,
            finishedAt: status.finishedAt, failure: status.failure,
            links: ["self": Paths.apiJob(status.id), "log": Paths.apiEventLog(status.key.log.rawValue)])
        if let discovered = status.result(as: EventLogLibrary.Discovered.self) {
            job.discovery = .init(
                tree: discovered.tree.notation,
                bpmn: String(
                    decoding: BPMNWriter.write(BPMNLayout.withDiagram(ProcessGenerator.bpmn(for: discovered.process))),
                    as: UTF8.self))
        }
        if let aligned = status.result(as: EventLogLibrary.Aligned.self) {
            let report = aligned.report
            job.conformance = .init(
                process: aligned.process.rawValue, fitness: report.logFitness,
                averageTraceFitness: report.averageTraceFitness, fittingCaseShare: report.fittingCaseShare,
                unalignedCases: report.unalignedCases, deviations: report.deviations)
        }
        var response = try context.responseEncoder.encode(job, from: request, context: context)
        if !status.isFinished {
            response.status = .accepted
            response.headers[.location] = Paths.apiJob(status.id)
            response.headers[.retryAfter] = "2"
        }
        response.headers[.cacheControl] = "no-store"
        return response
    }
}
