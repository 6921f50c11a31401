import AmtswegCore
import AmtswegStore
import BPMN
import Foundation
import Hummingbird
import ProcessBPMN

/// The versions of a process and their review, as on the pages: the history, one version with its BPMN, the
/// comparison of two, and the review steps. Who may see drafts and who may review is the route table's to say.
extension APIController {
    func addVersionRoutes(to routes: RouteTable) {
        let api = Paths.api + "/"
        routes.get(api + "processes/:id/versions", .readDrafts) { request, context in
            try await versions(request, context)
        }
        routes.get(api + "processes/:id/versions/:number", .readDrafts) { request, context in
            try await version(request, context)
        }
        routes.get(api + "processes/:id/diff", .readDrafts) { request, context in try await diff(request, context) }
        routes.post(api + "processes/:id/submit", .editProcess, scope: .process(parameter: "id")) { request, context in
            try await review(request, context, submitting: true)
        }
        routes.post(api + "processes/:id/review", .review) { request, context in
            try await review(request, context, submitting: false)
        }
        routes.post(api + "processes/:id/versions/:number/restore", .review) { request, context in
            try await restore(request, context)
        }
    }

    struct VersionSummary: ResponseEncodable, Sendable {
        var number: Int
        var savedAt: Date
        var author: String
        var comment: String
        var release: String
        var bpmn: String?

        init(_ version: ProcessVersion, withBPMN: Bool = false) {
            number = version.number
            savedAt = version.savedAt
            author = version.author.displayName
            comment = version.comment
            release = version.release.rawValue
            bpmn = withBPMN ? version.record.bpmn : nil
        }
    }

    struct VersionList: ResponseEncodable, Sendable {
        var process: String
        var status: ProcessStatus
        var versions: [VersionSummary]
    }

    struct VersionDiff: ResponseEncodable, Sendable {
        struct Change: Encodable, Sendable {
            var kind: String
            var elementID: String
            var text: String
        }
        struct Difference: Encodable, Sendable {
            var path: String
            var message: String
        }
        var from: Int
        var to: Int
        var changes: [Change]
        var differences: [Difference]
    }

    /// What a review step or a restore may say: the version it was taken on (refused if someone saved since),
    /// the step, and the reviewer's comment.
    struct ReviewInput: Decodable, Sendable {
        var version: Int?
        var action: String?
        var comment: String?
    }

    private func loadVersions(_ context: AppRequestContext) async throws -> (
        TenantSnapshot, ProcessRecord, [ProcessVersion]
    ) {
        let snapshot = try await pages.snapshot(context)
        let (record, _) = try snapshot.readableProcess(try context.parameters.require("id"))
        let versions = try await pages.workspace.repository.versions(of: record.id, in: snapshot.map.tenant.id)
        return (snapshot, record, versions)
    }

    func versions(_ request: Request, _ context: AppRequestContext) async throws -> VersionList {
        let (snapshot, record, versions) = try await loadVersions(context)
        let status =
            snapshot.statuses[record.id]
            ?? ProcessStatus(head: versions.last!.number, state: versions.last!.release, released: nil)
        return VersionList(process: record.id.rawValue, status: status, versions: versions.map { VersionSummary($0) })
    }

    func version(_ request: Request, _ context: AppRequestContext) async throws -> VersionSummary {
        let (_, _, versions) = try await loadVersions(context)
        let text = try context.parameters.require("number")
        guard let number = Int(text), let version = versions.first(where: { $0.number == number }) else {
            throw HTTPError(.notFound, message: "Eine Fassung „\(text)“ hat dieser Prozess nicht.")
        }
        return VersionSummary(version, withBPMN: true)
    }

    func diff(_ request: Request, _ context: AppRequestContext) async throws -> VersionDiff {
        let (_, _, versions) = try await loadVersions(context)
        let (from, to) = try ProcessVersionPages.pick(versions, request)
        let comparison = try ProcessVersionPages.comparison(from, to)
        return VersionDiff(
            from: from.number, to: to.number,
            changes: comparison.delta.changes.map {
                .init(kind: $0.kind.rawValue, elementID: $0.elementID, text: $0.text)
            },
            differences: comparison.differences.map { .init(path: $0.path, message: $0.message) })
    }

    func review(_ request: Request, _ context: AppRequestContext, submitting: Bool) async throws
        -> JSONBody<ProcessStatus>
    {
        var request = request
        let input = try await Self.reviewInput(&request, context)
        let snapshot = try await pages.snapshot(context)
        let (record, _) = try snapshot.readableProcess(try context.parameters.require("id"))
        let action: ReleaseAction
        if submitting {
            action = .submit
        } else {
            guard let chosen = input.action.flatMap(ReleaseAction.init(rawValue:)), chosen != .submit else {
                throw HTTPError(
                    .unprocessableContent, message: "„action“ muss „return“, „release“ oder „archive“ sein.")
            }
            action = chosen
        }
        let note = try ProcessVersionPages.note(input.comment ?? "", for: action, on: record.id, by: context.author)
        return JSONBody(
            try await pages.workspace.changeRelease(
                action, of: record.id, in: snapshot.map.tenant.id, by: context.author, note: note,
                basedOn: input.version))
    }

    func restore(_ request: Request, _ context: AppRequestContext) async throws -> EditedResponse<VersionSummary> {
        var request = request
        let input = try await Self.reviewInput(&request, context)
        let (snapshot, record, versions) = try await loadVersions(context)
        let text = try context.parameters.require("number")
        guard let number = Int(text), versions.contains(where: { $0.number == number }) else {
            throw HTTPError(.notFound, message: "Eine Fassung „\(text)“ hat dieser Prozess nicht.")
        }
        let version = try await pages.workspace.restoreVersion(
            number, of: record.id, in: snapshot.map.tenant.id, by: context.author, basedOn: input.version)
        return EditedResponse(
            status: .created,
            headers: [.location: Paths.apiProcess(record.id.rawValue) + "/versions/\(version.number)"],
            response: VersionSummary(version))
    }

    /// The optional JSON body of a review step; an empty body is no input.
    private static func reviewInput(_ request: inout Request, _ context: AppRequestContext) async throws -> ReviewInput
    {
        let body = try await body(of: &request, limit: 64 * 1024)
        guard !body.isEmpty else { return ReviewInput() }
        do { return try JSONDecoder().decode(ReviewInput.self, from: body) } catch {
            throw HTTPError(.badRequest, message: "Kein gültiges JSON: \(error)")
        }
    }
}
