import AmtswegCore
import AmtswegStore
import BPMN
import Foundation
import Hummingbird
import ProcessBPMN

/// The versions of a process and their review: the history with author, time and comment; any two versions
/// compared in words, on the diagram and element by element; an old version restored as a new draft; a draft
/// submitted, returned with a comment, released, and the release archived.
struct ProcessVersionPages: Sendable {
    let pages: Pages

    func addRoutes(to routes: RouteTable) {
        routes.get(Paths.processVersionsPattern, .readDrafts) { request, context in try await history(request, context)
        }
        routes.get(Paths.processComparePattern, .readDrafts) { request, context in try await compare(request, context) }
        routes.post(Paths.processRestorePattern, .review) { request, context in try await restore(request, context) }
        routes.post(Paths.processSubmitPattern, .editProcess, scope: .process(parameter: "id")) { request, context in
            try await review(request, context, submitting: true)
        }
        routes.post(Paths.processReviewPattern, .review) { request, context in
            try await review(request, context, submitting: false)
        }
    }

    // MARK: - History

    struct HistoryView: Sendable {
        var name: String
        var processHref: String
        var lines: [VersionLine]
        var fromOptions: [SelectOption]
        var toOptions: [SelectOption]
        var compareAction: String
        var head: Int
        var csrf: String
    }

    func history(_ request: Request, _ context: AppRequestContext) async throws -> HTMLResponse {
        let (snapshot, record, versions) = try await load(context)
        let head = versions.last!.number
        let mayRestore = context.access?.may(.review, forUnits: [], in: snapshot.map) == true
        let inReview = versions.last!.release == .inReview
        let lines = versions.reversed().map { version in
            VersionLine(
                number: version.number, label: version.label, savedAt: version.savedAt, author: version.author,
                comment: version.comment, release: version.release, isHead: version.number == head,
                compareHref: version.number > 1
                    ? Paths.processCompare(record.id.rawValue, from: version.number - 1, to: version.number) : nil,
                restoreAction: mayRestore && !inReview && version.number != head
                    ? Paths.processRestore(record.id.rawValue, version.number) : nil)
        }
        func options(selected: Int) -> [SelectOption] {
            versions.map { .init(value: "\($0.number)", label: $0.label, isSelected: $0.number == selected) }
        }
        let view = HistoryView(
            name: record.name, processHref: Paths.process(record.id), lines: lines,
            fromOptions: options(selected: max(1, head - 1)), toOptions: options(selected: head),
            compareAction: Paths.processVersions(record.id.rawValue) + "/compare", head: head, csrf: context.csrfToken)
        return try pages.page(
            "processes/versions", title: "Fassungen: \(record.name)", section: .processes, content: view,
            context: context, snapshot: snapshot,
            notice: request.uri.queryParameters["restored"].map { "Fassung \($0) ist als neuer Entwurf gespeichert." })
    }

    // MARK: - Comparison

    struct CompareView: Sendable {
        struct Change: Sendable {
            var kind: String
            var kindClass: String
            var text: String
        }
        struct Difference: Sendable {
            var path: String
            var message: String
        }
        var name: String
        var processHref: String
        var versionsHref: String
        var fromLabel: String
        var toLabel: String
        var changes: [Change]
        var differences: [Difference]
        var isIdentical: Bool
        var svg: String?
        var svgLabel: String
        var fromOptions: [SelectOption]
        var toOptions: [SelectOption]
        var compareAction: String
    }

    /// The comparison of two versions, 422 when either does not read.
    static func comparison(_ from: ProcessVersion, _ to: ProcessVersion) throws -> VersionComparison {
        do { return try VersionComparison(from: from, to: to) } catch {
            throw HTTPError(.unprocessableContent, message: error.description)
        }
    }

    /// The newer diagram with the added elements framed green and the changed ones orange.
    static func highlightedSVG(_ comparison: VersionComparison) -> String? {
        let highlights = comparison.delta.changes.compactMap { change -> SVGRenderer.Highlight? in
            switch change.kind {
            case .added: .init(elementID: change.elementID, colour: "#1a7f37", note: "neu")
            case .changed: .init(elementID: change.elementID, colour: "#9a6700", note: "geändert")
            case .removed: nil
            }
        }
        return SVGRenderer.render(BPMNLayout.withDiagram(comparison.toModel), highlights: highlights)
    }

    /// The two versions `from` and `to` of the query (default: the one before the newest, and the newest).
    static func pick(_ versions: [ProcessVersion], _ request: Request) throws -> (ProcessVersion, ProcessVersion) {
        let head = versions.last!.number
        let query = request.uri.queryParameters
        func number(_ name: String, _ fallback: Int) throws -> ProcessVersion {
            guard let text = query[name[...]].map(String.init) else { return versions[fallback - 1] }
            guard let number = Int(text), let version = versions.first(where: { $0.number == number }) else {
                throw HTTPError(.notFound, message: "Eine Fassung „\(text)“ hat dieser Prozess nicht.")
            }
            return version
        }
        return (try number("from", max(1, head - 1)), try number("to", head))
    }

    func compare(_ request: Request, _ context: AppRequestContext) async throws -> HTMLResponse {
        let (snapshot, record, versions) = try await load(context)
        let (from, to) = try Self.pick(versions, request)
        let comparison = try Self.comparison(from, to)
        func options(selected: Int) -> [SelectOption] {
            versions.map { .init(value: "\($0.number)", label: $0.label, isSelected: $0.number == selected) }
        }
        let kindLabels: [ProcessDelta.Change.Kind: String] = [
            .added: "neu", .removed: "entfällt", .changed: "geändert",
        ]
        let view = CompareView(
            name: record.name, processHref: Paths.process(record.id),
            versionsHref: Paths.processVersions(record.id.rawValue), fromLabel: from.label, toLabel: to.label,
            changes: comparison.delta.changes.map {
                .init(kind: kindLabels[$0.kind] ?? "", kindClass: "change-" + $0.kind.rawValue, text: $0.text)
            },
            differences: comparison.differences.prefix(500).map { .init(path: $0.path, message: $0.message) },
            isIdentical: comparison.differences.isEmpty, svg: Self.highlightedSVG(comparison),
            svgLabel: "Diagramm der \(to.label); neue Elemente grün, geänderte orange umrandet",
            fromOptions: options(selected: from.number), toOptions: options(selected: to.number),
            compareAction: Paths.processVersions(record.id.rawValue) + "/compare")
        return try pages.page(
            "processes/compare-versions",
            title: "Vergleich der Fassungen \(from.number) und \(to.number): \(record.name)", section: .processes,
            content: view, context: context, snapshot: snapshot)
    }

    // MARK: - Writing

    func restore(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let input = try await FormInput.read(request, context: context, limit: pages.configuration.maxFormBytes)
        let (snapshot, record, versions) = try await load(context)
        guard let number = Int(try context.parameters.require("number")),
            versions.contains(where: { $0.number == number })
        else { throw HTTPError(.notFound, message: "Diese Fassung hat der Prozess nicht.") }
        try await pages.workspace.restoreVersion(
            number, of: record.id, in: snapshot.map.tenant.id, by: context.author,
            basedOn: Int(input[ReleaseField.version]))
        return SeeOther(location: Paths.processVersions(record.id.rawValue) + "?restored=\(number)")
            .response(from: request, context: context)
    }

    /// A draft submitted by its authors, or a reviewer's step: returned (with a comment), released, archived.
    func review(_ request: Request, _ context: AppRequestContext, submitting: Bool) async throws -> Response {
        let input = try await FormInput.read(request, context: context, limit: pages.configuration.maxFormBytes)
        let snapshot = try await pages.snapshot(context)
        let (record, _) = try snapshot.readableProcess(try context.parameters.require("id"))
        let action: ReleaseAction
        if submitting {
            action = .submit
        } else {
            guard let chosen = ReleaseAction(rawValue: input[ReleaseField.action]), chosen != .submit else {
                throw HTTPError(.unprocessableContent, message: "Bitte einen Prüfschritt wählen.")
            }
            action = chosen
        }
        let note = try Self.note(input[ReleaseField.comment], for: action, on: record.id, by: context.author)
        try await pages.workspace.changeRelease(
            action, of: record.id, in: snapshot.map.tenant.id, by: context.author, note: note,
            basedOn: Int(input[ReleaseField.version]))
        return SeeOther(location: Paths.process(record.id) + "#release").response(from: request, context: context)
    }

    /// What a reviewer wrote, as a comment on the process; required when returning a draft.
    static func note(_ text: String, for action: ReleaseAction, on process: ID<ProcessModel>, by author: Author)
        throws -> Comment?
    {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            guard !action.needsComment else {
                throw HTTPError(
                    .unprocessableContent,
                    message:
                        "Bitte schreiben Sie dazu, was am Entwurf zu ändern ist: Zurückgeben geht nur mit Anmerkung.")
            }
            return nil
        }
        do {
            return try Comment.written(
                "\(action.noteHeading): \(trimmed)", about: .process(process),
                by: author, at: Date(), id: ID(UUID().uuidString.lowercased()))
        } catch {
            throw HTTPError(.unprocessableContent, message: "Nicht ausgeführt. \(error)")
        }
    }

    /// The working snapshot's process and all its versions; 404 for a process that does not exist.
    private func load(_ context: AppRequestContext) async throws -> (TenantSnapshot, ProcessRecord, [ProcessVersion]) {
        let snapshot = try await pages.snapshot(context)
        let (record, _) = try snapshot.readableProcess(try context.parameters.require("id"))
        let versions = try await pages.workspace.repository.versions(of: record.id, in: snapshot.map.tenant.id)
        return (snapshot, record, versions)
    }
}

/// The fields of the review forms.
enum ReleaseField: String, FormField {
    case version, action, comment
}
