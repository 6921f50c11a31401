import AmtswegCore
import AmtswegStore
import Foundation
import Hummingbird

/// Comments on a process and its steps: written and answered on the process's page, settled and reopened
/// there; all of them on the process's discussion page, where the process page shows only the latest of a long
/// discussion (``ProcessCommentsView``). What is written is plain text (``PlainText``); every write is in the audit
/// log.
struct CommentPages: Sendable {
    let pages: Pages

    func addRoutes(to routes: RouteTable) {
        routes.get(Paths.processCommentsPattern, .read) { request, context in try await discussion(request, context) }
        routes.post(Paths.processCommentsPattern, .comment) { request, context in try await write(request, context) }
        routes.post(Paths.comments, .comment) { request, context in try await writeOnPage(request, context) }
        routes.post(Paths.commentResolvePattern, .comment) { request, context in
            try await settle(request, context, resolved: true)
        }
        routes.post(Paths.commentReopenPattern, .comment) { request, context in
            try await settle(request, context, resolved: false)
        }
    }

    struct DiscussionView: Sendable {
        struct Place: Sendable {
            var anchor: String
            var title: String
            var threads: [RenderedHTML]
        }
        var name: String
        var processHref: String
        var places: [Place]
    }

    /// Every thread about the process and its steps: the process's own first, then the steps' in the process's
    /// order, then those about steps no longer in it.
    func discussion(_ request: Request, _ context: AppRequestContext) async throws -> HTMLResponse {
        let snapshot = try await pages.snapshot(context)
        let (record, process) = try snapshot.readableProcess(try context.parameters.require("id"))
        let tenant = snapshot.map.tenant.id
        let comments = snapshot.visible(try await pages.workspace.comments(of: tenant, aboutProcess: record.id))
        let names = CommentSectionView.names(
            map: snapshot.map, people: try await Self.people(of: tenant, in: pages.workspace))
        let mayComment = context.access?.may(.comment, forUnits: [], in: snapshot.map) == true
        let action = mayComment ? Paths.processComments(record.id.rawValue) : nil
        var threads = CommentThread.bySubject(comments.filter { $0.subject.processID == record.id })
        var places: [(anchor: String, title: String, threads: [CommentThread])] = []
        if let own = threads.removeValue(forKey: .process(record.id)) {
            places.append(("process-comments", pages.text("Zum Prozess als Ganzes", context), own))
        }
        for (index, step) in process.steps.enumerated() {
            guard let about = threads.removeValue(forKey: .step(process: record.id, step: step.id)) else { continue }
            places.append(("step-comments-\(index + 1)", "Schritt „\(step.name)“", about))
        }
        for (index, (subject, about)) in threads.sorted(by: { $0.key.description < $1.key.description }).enumerated() {
            guard case .step(_, let step) = subject else { continue }
            places.append(("former-step-comments-\(index + 1)", "Schritt „\(step)“ (nicht mehr im Prozess)", about))
        }
        let view = DiscussionView(
            name: record.name, processHref: Paths.process(record.id),
            places: try places.map { place in
                .init(
                    anchor: place.anchor, title: place.title,
                    threads: try place.threads.map {
                        try pages.renderer.thread(
                            $0, answerAction: action, names: names, language: context.language,
                            csrf: context.csrfToken)
                    })
            })
        return try pages.page(
            "processes/discussion", title: pages.text("Alle Kommentare", context) + ": " + record.name,
            section: .processes, content: view, context: context, snapshot: snapshot)
    }

    /// A new comment on the process or one of its steps (`step`), or an answer to a thread (`answer`).
    func write(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let input = try await FormInput.read(request, context: context, limit: pages.configuration.maxFormBytes)
        let snapshot = try await pages.snapshot(context)
        let (record, process) = try snapshot.readableProcess(try context.parameters.require("id"))
        let tenant = snapshot.map.tenant.id
        var subject = CommentSubject.process(record.id)
        let step = input[CommentField.step]
        if !step.isEmpty {
            guard process.steps.contains(where: { $0.id == step }) else {
                throw HTTPError(.unprocessableContent, message: "Einen Schritt „\(step)“ hat der Prozess nicht.")
            }
            subject = .step(process: record.id, step: step)
        }
        var answered: Comment?
        let answer = input[CommentField.answer]
        if !answer.isEmpty {
            let thread = try? await pages.workspace.repository.comment(ID(answer), of: tenant)
            guard let thread, thread.subject.processID == record.id else {
                throw HTTPError(
                    .unprocessableContent, message: "Das Gespräch, auf das geantwortet wird, gibt es nicht.")
            }
            answered = thread
        }
        let comment = try await written(input, about: subject, answering: answered, snapshot: snapshot, context)
        try await pages.workspace.addComment(comment, of: tenant)
        return SeeOther(location: Paths.comment(comment) ?? Paths.process(record.id))
            .response(from: request, context: context)
    }

    /// A comment on a unit, an initiative, a flow or a problem spot (`subject`), or an answer to one of their
    /// threads (`answer`), from the comments section of its page.
    func writeOnPage(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let input = try await FormInput.read(request, context: context, limit: pages.configuration.maxFormBytes)
        let snapshot = try await pages.snapshot(context)
        let tenant = snapshot.map.tenant.id
        let subject: CommentSubject
        switch CommentSubject(reference: input[CommentField.subject]) {
        case .unit(let id) where snapshot.unit(id.rawValue) != nil: subject = .unit(id)
        case .initiative(let id) where try await pages.workspace.roadmap(of: tenant).initiative(id) != nil:
            subject = .initiative(id)
        case .flow(let id) where snapshot.map.flows.contains(where: { $0.id == id }): subject = .flow(id)
        case .problemSpot(let key) where OptimizePages.spot(key, in: snapshot) != nil: subject = .problemSpot(key)
        default: throw HTTPError(.unprocessableContent, message: "Worauf sich der Kommentar bezieht, gibt es nicht.")
        }
        var answered: Comment?
        let answer = input[CommentField.answer]
        if !answer.isEmpty {
            let thread = try? await pages.workspace.repository.comment(ID(answer), of: tenant)
            guard let thread, thread.subject == subject else {
                throw HTTPError(
                    .unprocessableContent, message: "Das Gespräch, auf das geantwortet wird, gibt es nicht.")
            }
            answered = thread
        }
        let comment = try await written(input, about: subject, answering: answered, snapshot: snapshot, context)
        try await pages.workspace.addComment(comment, of: tenant)
        return SeeOther(location: Paths.comment(comment) ?? Paths.start).response(from: request, context: context)
    }

    /// The comment as typed, with whom it names; 422 with the reason when the text or the name does not do.
    func written(
        _ input: FormInput, about subject: CommentSubject, answering answered: Comment?, snapshot: TenantSnapshot,
        _ context: AppRequestContext
    ) async throws -> Comment {
        var mentions: [Mention] = []
        let named = input[CommentField.mention]
        if !named.isEmpty {
            let people = Set(try await Self.people(of: snapshot.map.tenant.id, in: pages.workspace).map(\.0))
            guard let mention = Mention(reference: named), Self.exists(mention, map: snapshot.map, people: people)
            else { throw HTTPError(.unprocessableContent, message: "Wen der Kommentar nennt, gibt es nicht.") }
            mentions = [mention]
        }
        do {
            return try Comment.written(
                input[CommentField.text], about: subject, answering: answered, by: context.author, at: Date(),
                id: ID(UUID().uuidString.lowercased()), mentions: mentions)
        } catch {
            throw HTTPError(.unprocessableContent, message: "Kommentar nicht gespeichert. \(error)")
        }
    }

    /// The tenant's members a comment may name, by account, with their names; the local administrator is not
    /// a person to name.
    static func people(of tenant: ID<Tenant>, in workspace: Workspace) async throws -> [(ID<Account>, String)] {
        var people: [(ID<Account>, String)] = []
        for membership in try await workspace.accounts.members(of: tenant) {
            guard let account = try await workspace.accounts.account(membership.accountID), !account.isDisabled,
                account.name != Account.localName
            else { continue }
            people.append((account.id, account.displayName))
        }
        return people
    }

    static func exists(_ mention: Mention, map: TenantMap, people: Set<ID<Account>>) -> Bool {
        switch mention {
        case .unit(let id): map.units.contains { $0.id == id }
        case .person(let id): people.contains(id)
        }
    }

    /// A thread settled or reopened, named by its first comment.
    func settle(_ request: Request, _ context: AppRequestContext, resolved: Bool) async throws -> Response {
        _ = try await FormInput.read(request, context: context, limit: pages.configuration.maxFormBytes)
        guard let tenant = context.tenantID else { throw HTTPError(.notFound) }
        let id = ID<Comment>(try context.parameters.require("id"))
        let comment: Comment
        do { comment = try await pages.workspace.repository.comment(id, of: tenant) } catch StoreError.notFound {
            throw HTTPError(.notFound, message: "Einen Kommentar „\(id)“ gibt es nicht.")
        }
        do {
            try await pages.workspace.setResolution(
                resolved ? Comment.Resolution(by: context.author, at: Date()) : nil, ofComment: id, in: tenant,
                by: context.author)
        } catch StoreError.conflict(let reason) {
            throw HTTPError(.unprocessableContent, message: reason)
        }
        return SeeOther(location: Paths.comment(comment) ?? Paths.start).response(from: request, context: context)
    }
}

/// The fields of the comment form.
enum CommentField: String, FormField {
    case text, step, answer, mention, subject
}
