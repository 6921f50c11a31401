import AmtswegCore
import AmtswegServer
import AmtswegStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// "Für mich" shows each person what waits for them: reviews for Prozessmanagement, their unit's drafts and the
/// note that returned one, their proposals and what became of them.
@Suite struct ForMeTests {
    static let entry = RouteTable.Entry(method: .get, path: "/me", permission: .signedIn)

    static func page(_ client: any TestClientProtocol, _ caller: Caller) async throws -> String {
        try await client.execute(uri: "/me", method: .get, headers: caller.request(entry, path: "/me").0) {
            #expect($0.status == .ok)
            return $0.text
        }
    }

    @Test func reviewersSeeWhatWaitsAndContributorsTheirUnitsReturnedDraft() async throws {
        let server = try await TestServer(localMode: false)
        let tenant = try server.tenant
        let (manager, managerToken) = try await server.member("pm-test", role: .processManagement)
        let (contributor, contributorToken) = try await server.member("verkehr-test", role: .contributor, unit: "32.2")
        let reviewer = try await Caller(
            role: .processManagement, account: manager.id, tenant: tenant, token: managerToken
        )
        .signedIn(server.workspace)
        let member = try await Caller(
            role: .contributor, account: contributor.id, tenant: tenant, token: contributorToken
        ).signedIn(server.workspace)
        try await server.run { client in
            let review = try await Self.page(client, reviewer)
            #expect(review.contains("Wartet auf meine Prüfung"))
            #expect(
                review.contains("Fundsache annehmen und herausgeben")
                    && review.contains("Fassung 2 wartet auf Freigabe"))
            #expect(review.contains("Gewerbeanzeige direkt an das Steueramt übermitteln"), "a proposal in review")
            let own = try await Self.page(client, member)
            #expect(!own.contains("Wartet auf meine Prüfung"))
            #expect(
                own.contains("Entwürfe meiner Organisationseinheit") && own.contains("Bewohnerparkausweis ausstellen"))
            #expect(own.contains("Zurückgegeben: Bitte noch angeben"), "the note that returned the draft")
            #expect(!own.contains("Fundsache annehmen"), "another unit's process")
        }
    }

    @Test func theProposerSeesTheirProposalBecomeAnInitiative() async throws {
        let server = try await TestServer()
        let tenant = try server.tenant
        let workspace = server.workspace
        try await server.run { client in
            let browser = try await Browser.start(client, uri: "/me")
            #expect(try await browser.page(client, "/me").contains("Sie haben noch nichts vorgeschlagen."))
            let (headers, body) = browser.form(ProposalTests.fields())
            let page = try await client.execute(
                uri: "/optimize/proposals", method: .post, headers: headers, body: body
            ) { $0.headers[.location] ?? "" }
            for decision in ["review", "accept"] {
                let (headers, body) = browser.form([("decision", decision)])
                try await client.execute(uri: page + "/decide", method: .post, headers: headers, body: body) {
                    #expect($0.status == .seeOther)
                }
            }
            let initiative = try #require(
                try await workspace.proposals(of: tenant).first { $0.title == "Weniger Papier" }?.initiativeID)
            let html = try await browser.page(client, "/me")
            #expect(html.contains("Weniger Papier") && html.contains("Angenommen: Maßnahme \(initiative) im Fahrplan"))
        }
    }
}
