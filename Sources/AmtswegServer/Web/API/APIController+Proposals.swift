import AmtswegCore
import AmtswegStore
import Foundation
import Hummingbird

/// Improvement proposals, as on their pages: the list, one, a new one, a vote, a withdrawal and a decision.
/// An anonymous proposal's author is `null` for everyone but the author (`"Sie"`), and lists are not kept
/// across people for that reason.
extension APIController {
    func addProposalRoutes(to routes: RouteTable) {
        let api = Paths.api + "/"
        routes.get(api + "proposals", .read) { request, context in try await proposals(request, context) }
        routes.post(api + "proposals", .comment) { request, context in try await createProposal(request, context) }
        routes.get(api + "proposals/:id", .read) { request, context in
            let (snapshot, proposal) = try await loadProposal(context)
            return Self.proposalSummary(proposal, in: snapshot, for: context.access?.author)
        }
        routes.post(api + "proposals/:id/vote", .comment) { request, context in try await vote(request, context) }
        routes.post(api + "proposals/:id/withdraw", .comment) { request, context in
            let (snapshot, proposal) = try await loadProposal(context)
            let withdrawn = try await ProposalPages(pages: pages).withdrawing(
                proposal, in: snapshot, by: context.author)
            return Self.proposalSummary(withdrawn, in: snapshot, for: context.access?.author)
        }
        routes.post(api + "proposals/:id/decide", .review) { request, context in try await decide(request, context) }
    }

    struct ProposalSummary: ResponseEncodable, Sendable {
        var id: String
        var subject: String
        var subjectLabel: String
        var title: String
        var problem: String
        var change: String
        var benefit: String
        var hoursPerYear: Double?
        /// The author's name; "Sie" to an anonymous proposal's own author; `null` to everyone else.
        var author: String?
        var anonymous: Bool
        var submittedAt: Date
        var status: String
        var rejectionReason: String?
        var initiativeID: String?
        var votes: Int
        var links: [String: String]
    }

    static func proposalSummary(_ proposal: Proposal, in snapshot: TenantSnapshot, for viewer: Author?)
        -> ProposalSummary
    {
        let author: String? =
            !proposal.isAnonymous
            ? proposal.author.displayName : proposal.visibleAuthor(to: viewer) != nil ? "Sie" : nil
        var links = [
            "self": Paths.api + "/proposals/" + Paths.escape(proposal.id.rawValue), "page": Paths.proposal(proposal.id),
        ]
        if let initiative = proposal.initiativeID { links["initiative"] = Paths.initiative(initiative) }
        return ProposalSummary(
            id: proposal.id.rawValue, subject: proposal.subject.description,
            subjectLabel: ProposalPages.subject(proposal.subject, in: snapshot).label, title: proposal.title,
            problem: proposal.problem, change: proposal.change, benefit: proposal.benefit,
            hoursPerYear: proposal.hoursPerYear, author: author, anonymous: proposal.isAnonymous,
            submittedAt: proposal.submittedAt, status: proposal.status.rawValue,
            rejectionReason: proposal.rejectionReason, initiativeID: proposal.initiativeID?.rawValue,
            votes: proposal.votes.count, links: links)
    }

    func proposals(_ request: Request, _ context: AppRequestContext) async throws -> Page<ProposalSummary> {
        let snapshot = try await pages.snapshot(context)
        let sort = request.uri.queryParameters["sort"].map(String.init) ?? "votes"
        guard ["votes", "benefit"].contains(sort) else {
            throw HTTPError(.badRequest, message: "sort ist „votes“ oder „benefit“.")
        }
        let byBenefit = sort == "benefit"
        let all = try await ProposalPages(pages: pages).visible(snapshot)
            .sorted(by: byBenefit ? Proposal.byBenefit : Proposal.byVotes)
        return try Self.paginate(
            all.map { Self.proposalSummary($0, in: snapshot, for: context.access?.author) }, request)
    }

    struct NewProposal: Decodable, Sendable {
        var subject: String
        var title: String
        var problem: String
        var change: String
        var benefit: String
        var hoursPerYear: Double?
        var anonymous: Bool?
    }

    func createProposal(_ request: Request, _ context: AppRequestContext) async throws
        -> EditedResponse<ProposalSummary>
    {
        let input = try await request.decode(as: NewProposal.self, context: context)
        let snapshot = try await pages.snapshot(context)
        guard let subject = CommentSubject(reference: input.subject), ProposalPages.exists(subject, in: snapshot) else {
            throw HTTPError(.unprocessableContent, message: "„subject“ nennt nichts, was es gibt (z. B. „process:ID“).")
        }
        let proposal: Proposal
        do {
            proposal = try Proposal.submitted(
                id: ID(UUID().uuidString.lowercased()), about: subject, title: input.title, problem: input.problem,
                change: input.change, benefit: input.benefit, hoursPerYear: input.hoursPerYear, by: context.author,
                anonymously: input.anonymous ?? false, at: Date())
        } catch { throw HTTPError(.unprocessableContent, message: error.description) }
        try await pages.workspace.addProposal(proposal, of: snapshot.map.tenant.id)
        return EditedResponse(
            status: .created, headers: [.location: Paths.api + "/proposals/" + Paths.escape(proposal.id.rawValue)],
            response: Self.proposalSummary(proposal, in: snapshot, for: context.author))
    }

    struct VoteResult: ResponseEncodable, Sendable {
        var votes: Bool
        var count: Int
    }

    func vote(_ request: Request, _ context: AppRequestContext) async throws -> VoteResult {
        let (snapshot, proposal) = try await loadProposal(context)
        let access = try context.requireAccess()
        let tenant = snapshot.map.tenant.id
        let votes = try await pages.workspace.toggleVote(
            on: proposal.id, by: ID(access.account.id.rawValue), of: tenant, author: context.author)
        let count = try await pages.workspace.proposals(of: tenant).first { $0.id == proposal.id }?.votes.count ?? 0
        return VoteResult(votes: votes, count: count)
    }

    struct Decision: Decodable, Sendable {
        var decision: String
        var reason: String?
    }

    func decide(_ request: Request, _ context: AppRequestContext) async throws -> ProposalSummary {
        // Another tenant's or an unknown proposal is 404 before the body is looked at.
        let (snapshot, proposal) = try await loadProposal(context)
        let input = try await request.decode(as: Decision.self, context: context)
        let decided = try await ProposalPages(pages: pages).deciding(
            proposal, input.decision, reason: input.reason ?? "", in: snapshot, by: context.author)
        return Self.proposalSummary(decided, in: snapshot, for: context.access?.author)
    }

    private func loadProposal(_ context: AppRequestContext) async throws -> (TenantSnapshot, Proposal) {
        let snapshot = try await pages.snapshot(context)
        let id = try context.parameters.require("id")
        guard
            let proposal = try await ProposalPages(pages: pages).visible(snapshot).first(where: { $0.id.rawValue == id }
            )
        else { throw HTTPError(.notFound, message: "Einen Verbesserungsvorschlag „\(id)“ gibt es nicht.") }
        return (snapshot, proposal)
    }
}
