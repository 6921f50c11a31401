import AmtswegCore
import AmtswegDemo
import AmtswegStore
import Foundation
import Testing

/// Proposals come back as submitted with their votes; decisions are stored as the domain takes them; accepting
/// puts the initiative on the roadmap and links both in one step; an anonymous proposal's author is named only
/// in its change-log entry, under an action of its own.
@Suite struct ProposalRepositoryTests {
    static let anna = Author(id: "account:anna", displayName: "Anna Berg")
    static let ben = Author(id: "account:ben", displayName: "Ben Kurz")

    static func stored(_ store: StoreFixture) async throws -> ID<Tenant> {
        let map = Musterstadt.map()
        let roadmap = Musterstadt.roadmap(for: map)
        try await store.repository.saveTenant(
            TenantContents(map: map, processes: Musterstadt.processRecords(for: map), roadmap: roadmap), by: .local)
        return map.tenant.id
    }

    static func proposal(_ id: ID<Proposal>, anonymously: Bool = false) throws -> Proposal {
        try Proposal.submitted(
            id: id, about: .step(process: "baugenehmigung-ist", step: "Eingang"), title: "Anträge digital annehmen",
            problem: "Papier wird dreimal kopiert.", change: "Portal statt Post.", benefit: "Weniger Kopien",
            hoursPerYear: 120, by: anna, anonymously: anonymously, at: StoreFixture.fixedNow)
    }

    @Test(arguments: StoreFixture.engines) func proposalsVotesAndDecisionsAreStored(engine: StoreFixture.Engine)
        async throws
    {
        try await StoreFixture.with(engine) { store in
            let tenant = try await Self.stored(store)
            let first = try Self.proposal("p1")
            try await store.repository.addProposal(first, of: tenant)
            #expect(try await store.repository.proposals(of: tenant) == [first])
            await #expect(throws: StoreError.self) { try await store.repository.addProposal(first, of: tenant) }

            #expect(try await store.repository.toggleVote(on: "p1", by: "anna", of: tenant, author: Self.anna))
            #expect(try await store.repository.toggleVote(on: "p1", by: "ben", of: tenant, author: Self.ben))
            #expect(try await !store.repository.toggleVote(on: "p1", by: "ben", of: tenant, author: Self.ben))
            #expect(try await store.repository.proposal("p1", of: tenant).votes == ["anna"])

            var rejected = try await store.repository.proposal("p1", of: tenant)
            try rejected.reject(because: "Das Portal kommt erst 2028.")
            try await store.repository.updateProposal(
                rejected, of: tenant, action: "rejectProposal", summary: "abgelehnt", by: Self.ben)
            let stored = try await store.repository.proposal("p1", of: tenant)
            #expect(stored.status == .rejected && stored.rejectionReason == "Das Portal kommt erst 2028.")
            // Closed: no more votes.
            await #expect(throws: StoreError.self) {
                try await store.repository.toggleVote(on: "p1", by: "ben", of: tenant, author: Self.ben)
            }
        }
    }

    @Test(arguments: StoreFixture.engines) func acceptingPutsTheInitiativeOnTheRoadmapAndLinksBothInOneStep(
        engine: StoreFixture.Engine
    ) async throws {
        try await StoreFixture.with(engine) { store in
            let tenant = try await Self.stored(store)
            var proposal = try Self.proposal("p2")
            try await store.repository.addProposal(proposal, of: tenant)
            let initiative = Initiative(id: "V-p2", title: proposal.title, ownerUnitID: "63")
            // Only a proposal in review is accepted; nothing is stored when it is not.
            await #expect(throws: StoreError.self) {
                try await store.repository.acceptProposal("p2", as: initiative, of: tenant, by: Self.ben)
            }
            #expect(try await store.repository.loadRoadmap(of: tenant).initiative("V-p2") == nil)
            try proposal.startReview()
            try await store.repository.updateProposal(
                proposal, of: tenant, action: "reviewProposal", summary: "in Prüfung", by: Self.ben)
            // A roadmap the initiative would break (an unknown unit) stores nothing either.
            let broken = Initiative(id: "V-p2", title: proposal.title, ownerUnitID: "gibt-es-nicht")
            await #expect(throws: StoreError.self) {
                try await store.repository.acceptProposal("p2", as: broken, of: tenant, by: Self.ben)
            }
            #expect(try await store.repository.proposal("p2", of: tenant).status == .inReview)

            let accepted = try await store.repository.acceptProposal("p2", as: initiative, of: tenant, by: Self.ben)
            #expect(accepted.status == .accepted && accepted.initiativeID == "V-p2")
            #expect(try await store.repository.proposal("p2", of: tenant) == accepted)
            #expect(try await store.repository.loadRoadmap(of: tenant).initiative("V-p2")?.title == proposal.title)
            let log = try await store.repository.changes(of: tenant, limit: 1)
            #expect(log.first?.action == "acceptProposal" && log.first?.object == "proposal:p2")
        }
    }

    @Test(arguments: StoreFixture.engines) func anAnonymousProposalNamesItsAuthorOnlyInItsChangeLogEntry(
        engine: StoreFixture.Engine
    ) async throws {
        try await StoreFixture.with(engine) { store in
            let tenant = try await Self.stored(store)
            try await store.repository.addProposal(try Self.proposal("p3", anonymously: true), of: tenant)
            let entry = try #require(try await store.repository.changes(of: tenant, limit: 1).first)
            #expect(entry.action == AnonymousProposalAction.submission && entry.author == Self.anna)
            #expect(!entry.summary.contains("Anna"))
            #expect(try await store.repository.proposal("p3", of: tenant).isAnonymous)
        }
    }
}
