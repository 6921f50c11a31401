import AmtswegCore
import AmtswegStore
import Foundation
import Hummingbird

/// The organisation model's versions and their review, as for a process: every save that changes the
/// organisation is a version; Prozessmanagement releases a submitted draft or returns it with a note; any two
/// versions are compared field by field, in words; an older one is restored as a new draft. Readers see the
/// released organisation only (``ModelView``).
struct MapVersionPages: Sendable {
    let pages: Pages

    func addRoutes(to routes: RouteTable) {
        routes.get(Paths.mapVersions, .readDrafts) { request, context in try await history(request, context) }
        routes.get(Paths.mapCompare, .readDrafts) { request, context in try await compare(request, context) }
        routes.post(Paths.mapSubmit, .comment) { request, context in
            try await step(.submit, request, context)
        }
        routes.post(Paths.mapReview, .review) { request, context in
            let input = try await FormInput.read(request, context: context, limit: pages.configuration.maxFormBytes)
            guard let action = ReleaseAction(rawValue: input[MapReviewField.action]),
                action == .release || action == .returnToDraft
            else { throw HTTPError(.unprocessableContent, message: "Bitte freigeben oder zurückgeben.") }
            return try await step(action, input: input, request, context)
        }
        routes.post(Paths.mapRestorePattern, .review) { request, context in try await restore(request, context) }
    }

    struct HistoryView: Sendable {
        var stateLabel: String
        var stateClass: String
        var note: String
        var lastReturn: String?
        var submitAction: String?
        var reviewAction: String?
        var lines: [VersionLine]
        var fromOptions: [SelectOption]
        var toOptions: [SelectOption]
        var csrf: String
    }

    func history(_ request: Request, _ context: AppRequestContext) async throws -> HTMLResponse {
        let snapshot = try await pages.snapshot(context)
        let tenant = snapshot.map.tenant.id
        let versions = try await pages.workspace.repository.mapVersions(of: tenant)
        let head = versions.last
        let map = snapshot.map
        let mayReview = context.access?.may(.review, forUnits: [], in: map) == true
        let mayComment = context.access?.may(.comment, forUnits: [], in: map) == true
        let state = head?.release ?? .released
        let released = versions.last { $0.release == .released }
        // The reviewer's note that returned the draft, from the change log (the version keeps what was saved).
        let lastReturn =
            state == .draft
            ? try await pages.workspace.repository.changes(of: tenant, limit: 200).first {
                $0.action.hasPrefix("mapRelease:")
            }.flatMap { $0.action == "mapRelease:return" ? "\($0.summary) (\($0.author.displayName))" : nil } : nil
        let view = HistoryView(
            stateLabel: state.label, stateClass: "state-" + state.rawValue,
            note: head.map {
                "Neueste Fassung: \($0.number), \($0.release.label)."
                    + (released.map { " Freigegeben ist Fassung \($0.number); Lesende sehen diese." } ?? "")
            } ?? "Noch keine Fassungen: die Organisation gilt, wie sie ist, als freigegeben.",
            lastReturn: lastReturn,
            submitAction: mayComment && state == .draft ? Paths.mapSubmit : nil,
            reviewAction: mayReview && state == .inReview ? Paths.mapReview : nil,
            lines: versions.reversed().map { version in
                VersionLine(
                    number: version.number, label: version.label, savedAt: version.savedAt, author: version.author,
                    comment: version.comment, release: version.release, isHead: version.number == head?.number,
                    compareHref: version.number > 1
                        ? Paths.mapCompare(from: version.number - 1, to: version.number) : nil,
                    restoreAction: mayReview && state != .inReview && version.number != head?.number
                        ? Paths.mapRestore(version.number) : nil)
            },
            fromOptions: versions.map {
                .init(value: "\($0.number)", label: $0.label, isSelected: $0.number == (released ?? head)?.number)
            },
            toOptions: versions.map {
                .init(value: "\($0.number)", label: $0.label, isSelected: $0.number == head?.number)
            }, csrf: context.csrfToken)
        let notice = request.uri.queryParameters["done"].map(String.init)
        return try pages.page(
            "map/versions", title: "Fassungen der Organisation", section: .map, content: view, context: context,
            snapshot: snapshot, notice: notice.map { Self.notices[$0] } ?? nil)
    }

    static let notices = [
        "submit": "Eingereicht: Prozessmanagement prüft die Organisation.",
        "release": "Freigegeben: Lesende sehen jetzt diese Fassung.",
        "return": "Zurückgegeben: die Organisation ist wieder ein Entwurf.",
        "restore": "Die ältere Fassung ist als neuer Entwurf gespeichert.",
    ]

    struct CompareView: Sendable {
        struct Line: Sendable {
            var text: String
            var kind: String
            var kindClass: String
        }
        var from: String
        var to: String
        var lines: [Line]
        var count: String
    }

    func compare(_ request: Request, _ context: AppRequestContext) async throws -> HTMLResponse {
        let snapshot = try await pages.snapshot(context)
        let tenant = snapshot.map.tenant.id
        let (from, to, delta) = try await Self.delta(request, of: tenant, in: pages.workspace)
        let labels: [MapDelta.Change.Kind: String] = [.added: "neu", .removed: "entfernt", .changed: "geändert"]
        let view = CompareView(
            from: "Fassung \(from)", to: "Fassung \(to)",
            lines: delta.changes.map {
                .init(text: $0.text, kind: labels[$0.kind] ?? "", kindClass: "change-" + $0.kind.rawValue)
            }, count: Display.integer(delta.changes.count))
        return try pages.page(
            "map/versions-compare", title: "Organisation: Fassung \(from) und \(to)", section: .map, content: view,
            context: context, snapshot: snapshot)
    }

    /// The versions `from` and `to` the query names, and what changed between them — the page's and the
    /// API's way alike; 400 without both numbers, 404 for a version that does not exist.
    static func delta(_ request: Request, of tenant: ID<Tenant>, in workspace: Workspace) async throws
        -> (from: Int, to: Int, delta: MapDelta)
    {
        let query = request.uri.queryParameters
        guard let from = query["from"].flatMap({ Int(String($0)) }), let to = query["to"].flatMap({ Int(String($0)) })
        else { throw HTTPError(.badRequest, message: "Bitte zwei Fassungen wählen (from und to).") }
        let repository = workspace.repository
        return (
            from, to,
            MapDelta(
                from: try await repository.map(version: from, of: tenant),
                to: try await repository.map(version: to, of: tenant))
        )
    }

    func step(_ action: ReleaseAction, input: FormInput? = nil, _ request: Request, _ context: AppRequestContext)
        async throws -> Response
    {
        var form = input ?? FormInput()
        if input == nil {
            form = try await FormInput.read(request, context: context, limit: pages.configuration.maxFormBytes)
        }
        let snapshot = try await pages.snapshot(context)
        var comment = ""
        if action == .returnToDraft {
            do { comment = try PlainText.checked(form[MapReviewField.comment], limit: 4_000) } catch {
                throw HTTPError(.unprocessableContent, message: "Zurückgeben geht nur mit einer Anmerkung: \(error)")
            }
        }
        do {
            try await pages.workspace.changeMapRelease(
                action, of: snapshot.map.tenant.id, by: context.author, comment: comment)
        } catch StoreError.version(let error) { throw HTTPError(.conflict, message: error.description) }
        return SeeOther(location: Paths.mapVersions + "?done=\(action.rawValue)").response(
            from: request, context: context)
    }

    func restore(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        _ = try await FormInput.read(request, context: context, limit: pages.configuration.maxFormBytes)
        let snapshot = try await pages.snapshot(context)
        guard let number = context.parameters.get("number").flatMap(Int.init) else {
            throw HTTPError(.notFound, message: "Diese Fassung gibt es nicht.")
        }
        try await pages.workspace.restoreMapVersion(number, of: snapshot.map.tenant.id, by: context.author)
        return SeeOther(location: Paths.mapVersions + "?done=restore").response(from: request, context: context)
    }
}

/// The fields of the organisation's review form.
enum MapReviewField: String, FormField {
    case action, comment
}
