import AmtswegCore
import AmtswegStore
import Foundation
import Hummingbird

/// "Für mich": a person's own start page — the reviews waiting for them, the comments that name them or their
/// unit, their proposals and what became of them, their unit's drafts, and the processes they take part in
/// that were released lately. Everything on it is filtered like the pages it links to: readers see no drafts.
struct ForMePage: Sendable {
    let pages: Pages

    func addRoutes(to routes: RouteTable) {
        routes.get(Paths.forMe, .signedIn) { request, context in try await show(request, context) }
    }

    struct Item: Sendable {
        var label: String
        var href: String
        var detail: String
    }

    struct View: Sendable {
        var name: String
        var unit: String?
        var reviews: [Item]
        var drafts: [Item]
        var workshops: [Item]
        var mentions: [Item]
        var proposals: [Item]
        var released: [Item]
        var mayReview: Bool
        var hasUnit: Bool
    }

    /// How far back "lately released" reaches.
    static let releasedWithin: TimeInterval = 60 * 86_400

    func show(_ request: Request, _ context: AppRequestContext) async throws -> HTMLResponse {
        let snapshot = try await pages.snapshot(context)
        let access = try context.requireAccess()
        let tenant = snapshot.map.tenant.id
        let me = context.author
        let unit = access.membership.unitID
        let ownUnits = Set(
            snapshot.map.units.filter { unit != nil && snapshot.map.unit($0.id, isWithin: unit!) }.map(\.id))
        let mayReview = access.may(.review, forUnits: [], in: snapshot.map)
        let comments = snapshot.visible(try await pages.workspace.comments(of: tenant))
        let proposals = try await ProposalPages(pages: pages).visible(snapshot)
        func processName(_ id: ID<ProcessModel>) -> String { snapshot.record(id.rawValue)?.name ?? id.rawValue }
        let openRounds = try await pages.workspace.workshopRounds(of: tenant).filter(\.isOpen)
        let answers = try await pages.workspace.workshopAnswers(of: tenant)

        var reviews: [Item] = []
        if mayReview {
            reviews += snapshot.statuses.filter {
                $0.value.state == .inReview && snapshot.record($0.key.rawValue) != nil
            }
            .sorted { $0.key < $1.key }.map {
                Item(
                    label: processName($0.key), href: Paths.process($0.key) + "#release",
                    detail: "Fassung \($0.value.head) wartet auf Freigabe")
            }
            reviews += proposals.filter { $0.status == .new || $0.status == .inReview }.sorted(by: Proposal.byVotes).map
            {
                Item(
                    label: $0.title, href: Paths.proposal($0.id),
                    detail:
                        "Verbesserungsvorschlag, \($0.status.label), \($0.votes.count) Stimme\($0.votes.count == 1 ? "" : "n")"
                )
            }
        }
        if mayReview {
            reviews += openRounds.compactMap { round in
                let waiting = answers.filter { $0.roundID == round.id && $0.decision == nil && $0.change != .confirmed }
                guard !waiting.isEmpty else { return nil }
                return Item(
                    label: round.title, href: Paths.workshop(round.id) + "#answers",
                    detail: "Workshop-Runde, \(waiting.count) Antwort\(waiting.count == 1 ? "" : "en") zur Entscheidung"
                )
            }
        }
        // The open questions of the person's own unit in running rounds, with the deadline.
        let workshops = openRounds.compactMap { round -> Item? in
            guard let unit, round.unitIDs.contains(unit),
                let progress = round.progress(answers, today: Day(Date())).first(where: { $0.unitID == unit })
            else { return nil }
            let deadline = GermanFormat.date(round.deadline)
            return Item(
                label: round.title,
                href: Paths.workshopQuestion(round.id, unit: unit, progress.open.first ?? .whoWithWhom),
                detail: progress.isComplete
                    ? "alle Fragen beantwortet"
                    : "offen: Fragen \(progress.open.map { String($0.rawValue) }.joined(separator: ", ")), Frist \(deadline)"
                        + (progress.isOverdue ? " (überfällig)" : ""))
        }
        // The unit's processes with a draft on top: returned ones say so in the comment beside them.
        let drafts = snapshot.records.filter { record in
            record.ownerUnitID.map(ownUnits.contains) == true && snapshot.statuses[record.id]?.state == .draft
        }.map { record in
            Item(
                label: record.name, href: Paths.process(record.id) + "#release",
                detail: "Fassung \(snapshot.statuses[record.id]?.head ?? 1), Entwurf")
        }
        let account = ID<Account>(access.account.id.rawValue)
        let mentions = comments.filter { comment in
            comment.mentions.contains(.person(account))
                || comment.mentions.contains { if case .unit(let id) = $0 { ownUnits.contains(id) } else { false } }
                || (comment.subject.processID.map { id in
                    // Returned drafts of the unit's processes: the reviewer's note is for its people.
                    comment.text.hasPrefix(ReleaseAction.returnToDraft.noteHeading + ":")
                        && snapshot.record(id.rawValue)?.ownerUnitID.map(ownUnits.contains) == true
                } ?? false)
        }.suffix(20).reversed().map { comment in
            Item(
                label: "\(comment.author.displayName): \(Display.clipped(comment.text, to: 120))",
                href: Paths.discussedComment(comment) ?? Paths.forMe,
                detail:
                    "\(comment.subject.kindLabel) „\(comment.subject.processID.map(processName) ?? comment.subject.description)“, "
                    + Display.dateTime(comment.writtenAt))
        }
        let mine = proposals.filter { $0.author.id == me.id }.sorted { $0.submittedAt > $1.submittedAt }.map {
            proposal in
            var detail = proposal.status.label.prefix(1).uppercased() + proposal.status.label.dropFirst()
            if let initiative = proposal.initiativeID { detail += ": Maßnahme \(initiative) im Fahrplan" }
            if let reason = proposal.rejectionReason { detail += ": \(reason)" }
            return Item(label: proposal.title, href: Paths.proposal(proposal.id), detail: detail)
        }
        // Released lately, among the processes of the unit or those the person commented on.
        let commented = Set(comments.filter { $0.author.id == me.id }.compactMap(\.subject.processID))
        let since = Date().addingTimeInterval(-Self.releasedWithin)
        let released = try await pages.workspace.repository.changes(of: tenant, limit: 500)
            .filter { $0.action == "release:release" && $0.at >= since }
            .compactMap { change -> Item? in
                guard let id = PrefixedReference.split(change.object)?.id, let record = snapshot.record(id),
                    unit == nil || record.ownerUnitID.map(ownUnits.contains) == true || commented.contains(record.id)
                else { return nil }
                return Item(
                    label: record.name, href: Paths.process(record.id),
                    detail: "freigegeben am \(Display.dateTime(change.at)) von \(change.author.displayName)")
            }
        let view = View(
            name: access.account.displayName, unit: unit.flatMap { snapshot.unit($0.rawValue)?.name },
            reviews: reviews, drafts: drafts, workshops: workshops, mentions: Array(mentions), proposals: mine,
            released: released,
            mayReview: mayReview, hasUnit: unit != nil)
        return try pages.page(
            "account/for-me", title: "Für mich", section: .start, content: view, context: context, snapshot: snapshot)
    }
}
