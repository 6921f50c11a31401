public import AmtswegCore

/// The storage of improvement proposals and their votes. Every write leaves one entry in the change log; for
/// an anonymous proposal the entry keeps who wrote or withdrew it (under an action of its own, so that only
/// Personalrat/Datenschutz are shown the name), and no other stored text names them.
public protocol ProposalRepository: Sendable {
    /// All proposals of a tenant, oldest first, with their votes.
    func proposals(of tenant: ID<Tenant>) async throws -> [Proposal]

    /// One proposal. Throws ``StoreError/notFound(kind:id:)``.
    func proposal(_ id: ID<Proposal>, of tenant: ID<Tenant>) async throws -> Proposal

    /// Adds a new proposal; an id already taken is refused.
    func addProposal(_ proposal: Proposal, of tenant: ID<Tenant>) async throws

    /// Stores a decision or a withdrawal (status, reason) taken on `proposal` as the domain checked it.
    func updateProposal(_ proposal: Proposal, of tenant: ID<Tenant>, action: String, summary: String, by author: Author)
        async throws

    /// Gives or takes back a person's vote; returns whether they now vote for it. Closed proposals take none.
    func toggleVote(on proposal: ID<Proposal>, by account: ID<Account>, of tenant: ID<Tenant>, author: Author)
        async throws -> Bool

    /// Accepts a proposal in review in one step: `initiative` joins the roadmap (checked like any roadmap save)
    /// and the proposal names it. Nothing is stored if either part fails.
    func acceptProposal(
        _ id: ID<Proposal>, as initiative: Initiative, of tenant: ID<Tenant>, by author: Author
    ) async throws -> Proposal
}

/// The change-log actions of an anonymous proposal's submission and withdrawal: their entries name the author,
/// and the audit log shows that name only to Personalrat/Datenschutz.
public enum AnonymousProposalAction {
    public static let submission = "submitProposalAnonymously"
    public static let withdrawal = "withdrawProposalAnonymously"
    public static let all: Set<String> = [submission, withdrawal]
}
