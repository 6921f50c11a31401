public import AmtswegCore
import Foundation
import SQLKit

extension SQLMapRepository: ProposalRepository {
    public func proposals(of tenantID: ID<Tenant>) async throws -> [Proposal] {
        try await run { db in
            let votes = try await Self.votes(of: tenantID, proposal: nil, in: db)
            return try await db.select().columns(Self.proposalColumns.map { SQLIdentifier($0) }).from("proposals")
                .where("tenant_id", .equal, tenantID.rawValue).orderBy("submitted_at").orderBy("id").all()
                .map { try Self.proposal($0, votes: votes) }
        }
    }

    public func proposal(_ id: ID<Proposal>, of tenantID: ID<Tenant>) async throws -> Proposal {
        try await run { db in try await Self.proposal(id, of: tenantID, in: db) }
    }

    public func addProposal(_ proposal: Proposal, of tenantID: ID<Tenant>) async throws {
        try await runInTransaction(
            changing: [.discussion], of: tenantID, about: StoreChange.subject(ofProposal: proposal.id)
        ) { db in
            try await Self.requireTenant(tenantID, in: db)
            let taken = try await db.select().column("id").from("proposals")
                .where("tenant_id", .equal, tenantID.rawValue).where("id", .equal, proposal.id.rawValue).first()
            guard taken == nil else { throw StoreError.conflict("Den Vorschlag „\(proposal.id)“ gibt es schon.") }
            try await db.insert(into: "proposals").columns(Self.proposalColumns + ["tenant_id"])
                .values(
                    proposal.id.rawValue, proposal.subject.description, proposal.title, proposal.problem,
                    proposal.change, proposal.benefit, proposal.hoursPerYear, proposal.author.id,
                    proposal.author.displayName, proposal.isAnonymous ? 1 : 0,
                    proposal.submittedAt.formatted(.iso8601), proposal.status.rawValue, proposal.rejectionReason,
                    proposal.initiativeID?.rawValue, tenantID.rawValue
                ).run()
            for account in proposal.votes.sorted(by: { $0.rawValue < $1.rawValue }) {
                try await db.insert(into: "proposal_votes").columns("tenant_id", "proposal_id", "account_id")
                    .values(tenantID.rawValue, proposal.id.rawValue, account.rawValue).run()
            }
            try await Self.log(
                ChangeRecord(
                    tenantID: tenantID, at: proposal.submittedAt, author: proposal.author,
                    action: proposal.isAnonymous ? AnonymousProposalAction.submission : "submitProposal",
                    summary: "Verbesserungsvorschlag zu \(proposal.subject.kindLabel) „\(proposal.subject.id)“: "
                        + Self.excerpt(proposal.title),
                    object: "proposal:\(proposal.id)"), in: db)
        }
    }

    public func updateProposal(
        _ proposal: Proposal, of tenantID: ID<Tenant>, action: String, summary: String, by author: Author
    ) async throws {
        let at = now()
        try await runInTransaction(
            changing: [.discussion], of: tenantID, about: StoreChange.subject(ofProposal: proposal.id)
        ) { db in
            _ = try await Self.proposal(proposal.id, of: tenantID, in: db)
            try await Self.writeDecision(proposal, of: tenantID, in: db)
            try await Self.log(
                ChangeRecord(
                    tenantID: tenantID, at: at, author: author, action: action, summary: summary,
                    object: "proposal:\(proposal.id)"), in: db)
        }
    }

    public func toggleVote(
        on id: ID<Proposal>, by account: ID<Account>, of tenantID: ID<Tenant>, author: Author
    ) async throws -> Bool {
        let at = now()
        return try await runInTransaction(
            changing: [.discussion], of: tenantID, about: StoreChange.subject(ofProposal: id)
        ) { db in
            var proposal = try await Self.proposal(id, of: tenantID, in: db)
            let votes: Bool
            do { votes = try proposal.toggleVote(of: account) } catch { throw StoreError.conflict("\(error)") }
            if votes {
                try await db.insert(into: "proposal_votes").columns("tenant_id", "proposal_id", "account_id")
                    .values(tenantID.rawValue, id.rawValue, account.rawValue).run()
            } else {
                try await db.delete(from: "proposal_votes").where("tenant_id", .equal, tenantID.rawValue)
                    .where("proposal_id", .equal, id.rawValue).where("account_id", .equal, account.rawValue).run()
            }
            try await Self.log(
                ChangeRecord(
                    tenantID: tenantID, at: at, author: author, action: votes ? "voteProposal" : "unvoteProposal",
                    summary: (votes ? "Stimme für „" : "Stimme zurückgenommen: „") + Self.excerpt(proposal.title) + "“",
                    object: "proposal:\(id)"), in: db)
            return votes
        }
    }

    public func acceptProposal(
        _ id: ID<Proposal>, as initiative: Initiative, of tenantID: ID<Tenant>, by author: Author
    ) async throws -> Proposal {
        let engine = engine
        let at = now()
        return try await runInTransaction(
            changing: [.discussion, .roadmap], of: tenantID, about: StoreChange.subject(ofProposal: id)
        ) { db in
            var proposal = try await Self.proposal(id, of: tenantID, in: db)
            do { try proposal.accept(as: initiative.id) } catch { throw StoreError.conflict("\(error)") }
            var roadmap = try await Self.readRoadmap(tenantID.rawValue, in: db)
            guard roadmap.initiative(initiative.id) == nil else {
                throw StoreError.conflict("Eine Maßnahme „\(initiative.id)“ gibt es schon.")
            }
            roadmap.initiatives.append(initiative)
            try await Self.replaceRoadmap(roadmap, of: tenantID, in: db, engine: engine)
            try await Self.writeDecision(proposal, of: tenantID, in: db)
            try await Self.log(
                ChangeRecord(
                    tenantID: tenantID, at: at, author: author, action: "acceptProposal",
                    summary:
                        "Vorschlag „\(Self.excerpt(proposal.title))“ angenommen: Maßnahme \(initiative.id) im Fahrplan",
                    object: "proposal:\(id)"), in: db)
            return proposal
        }
    }

    // MARK: - Rows

    private static func writeDecision(_ proposal: Proposal, of tenantID: ID<Tenant>, in db: any SQLDatabase)
        async throws
    {
        try await db.update("proposals").set("status", to: proposal.status.rawValue)
            .set("rejection_reason", to: proposal.rejectionReason).set(
                "initiative_id", to: proposal.initiativeID?.rawValue
            )
            .where("tenant_id", .equal, tenantID.rawValue).where("id", .equal, proposal.id.rawValue).run()
    }

    private static func proposal(_ id: ID<Proposal>, of tenantID: ID<Tenant>, in db: any SQLDatabase) async throws
        -> Proposal
    {
        let row = try await db.select().columns(proposalColumns.map { SQLIdentifier($0) }).from("proposals")
            .where("tenant_id", .equal, tenantID.rawValue).where("id", .equal, id.rawValue).first()
        guard let row else { throw StoreError.notFound(kind: .proposal, id: id.rawValue) }
        return try proposal(row, votes: try await votes(of: tenantID, proposal: id, in: db))
    }

    private static func votes(of tenantID: ID<Tenant>, proposal: ID<Proposal>?, in db: any SQLDatabase) async throws
        -> [String: Set<ID<Account>>]
    {
        var query = db.select().columns("proposal_id", "account_id").from("proposal_votes")
            .where("tenant_id", .equal, tenantID.rawValue)
        if let proposal { query = query.where("proposal_id", .equal, proposal.rawValue) }
        var votes: [String: Set<ID<Account>>] = [:]
        for row in try await query.all() {
            votes[try row.decode(column: "proposal_id", as: String.self), default: []].insert(
                ID(try row.decode(column: "account_id", as: String.self)))
        }
        return votes
    }

    private static let proposalColumns = [
        "id", "subject", "title", "problem", "change", "benefit", "hours_per_year", "author_id", "author_name",
        "anonymous", "submitted_at", "status", "rejection_reason", "initiative_id",
    ]

    private static func proposal(_ row: any SQLRow, votes: [String: Set<ID<Account>>]) throws -> Proposal {
        let id = try row.decode(column: "id", as: String.self)
        let subjectText = try row.decode(column: "subject", as: String.self)
        guard let subject = CommentSubject(reference: subjectText) else {
            throw StoreError.unavailable("Unbekannter Bezug '\(subjectText)' in 'proposals'")
        }
        return Proposal(
            id: ID(id), subject: subject, title: try row.decode(column: "title", as: String.self),
            problem: try row.decode(column: "problem", as: String.self),
            change: try row.decode(column: "change", as: String.self),
            benefit: try row.decode(column: "benefit", as: String.self),
            hoursPerYear: try row.decode(column: "hours_per_year", as: Double?.self),
            author: Author(
                id: try row.decode(column: "author_id", as: String.self),
                displayName: try row.decode(column: "author_name", as: String.self)),
            isAnonymous: try row.decode(column: "anonymous", as: Int.self) != 0,
            submittedAt: try moment(row, "submitted_at"),
            status: try row.decode(enum: "status", as: ProposalStatus.self),
            rejectionReason: try row.decode(column: "rejection_reason", as: String?.self),
            initiativeID: try row.decode(column: "initiative_id", as: String?.self).map { ID($0) },
            votes: votes[id] ?? [])
    }
}
