import AmtswegCore
import AmtswegServer
import AmtswegStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Improvement proposals through their pages: typed text comes back escaped and too long a text is refused
/// with a clear message; one vote per person; a proposal goes into review and is accepted as an initiative
/// of the roadmap, linked both ways, or rejected with the reason its proposer reads; an anonymous one shows
/// its author to nobody but the author.
@Suite struct ProposalTests {
    static let step = "step:baugenehmigung-ist/Eingang"

    static func fields(title: String = "Weniger Papier", problem: String = "Viel Papier.", anonymous: Bool = false)
        -> [(String, String)]
    {
        [
            ("subject", step), ("title", title), ("problem", problem), ("change", "Scannen."),
            ("benefit", "Schneller."), ("hours", "120"),
        ] + (anonymous ? [("anonymous", "on")] : [])
    }

    @Test func typedTextIsEscapedAndTooLongATextIsRefusedWithNothingStored() async throws {
        let server = try await TestServer()
        let tenant = try server.tenant
        let workspace = server.workspace
        let before = try await workspace.proposals(of: tenant).count
        try await server.run { client in
            let browser = try await Browser.start(client, uri: "/optimize/proposals/new?subject=\(Self.step)")
            let form = try await browser.page(client, "/optimize/proposals/new?subject=\(Self.step)")
            #expect(form.contains("selected>Schritt „Bauantrag annehmen und scannen“ (Baugenehmigung (Ist))"))
            let long = browser.form(Self.fields(problem: String(repeating: "x", count: 10_000)))
            try await client.execute(uri: "/optimize/proposals", method: .post, headers: long.0, body: long.1) {
                #expect($0.status == .unprocessableContent)
                #expect(
                    $0.text.contains(
                        "Was heute nicht gut läuft: Der Text ist zu lang: 10.000 Zeichen, erlaubt sind 4.000."))
            }
            #expect(try await workspace.proposals(of: tenant).count == before, "nothing stored")
            let hostile = browser.form(
                Self.fields(title: "<script>alert(1)</script>", problem: "javascript:alert(2) https://a.de/?x=1&y=2"))
            let location = try await client.execute(
                uri: "/optimize/proposals", method: .post, headers: hostile.0, body: hostile.1
            ) {
                #expect($0.status == .seeOther)
                return $0.headers[.location] ?? ""
            }
            let html = try await browser.page(client, location)
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !html.contains("<script>alert(1)"))
            #expect(!html.contains("href=\"javascript:"))
            #expect(html.contains(#"<a href="https://a.de/?x=1&amp;y=2" rel="nofollow noopener noreferrer">"#))
        }
    }

    @Test func aProposalIsVotedReviewedAcceptedAsAnInitiativeAndLinkedBothWays() async throws {
        let server = try await TestServer()
        let tenant = try server.tenant
        let workspace = server.workspace
        let (account, token) = try await server.member("leserin", role: .reader)
        let reader = try await Caller(role: .reader, account: account.id, tenant: tenant, token: token)
            .signedIn(workspace)
        try await server.run { client in
            let browser = try await Browser.start(client, uri: "/optimize/proposals")
            let (headers, body) = browser.form(Self.fields(anonymous: true))
            let page = try await client.execute(uri: "/optimize/proposals", method: .post, headers: headers, body: body)
            { $0.headers[.location] ?? "" }
            #expect(try await browser.page(client, page).contains("Sie (anonym eingereicht)"))
            let entry = RouteTable.Entry(method: .get, path: "/optimize/proposals/:id", permission: .read)
            try await client.execute(uri: page, method: .get, headers: reader.request(entry, path: page).0) {
                #expect($0.status == .ok && $0.text.contains("<dd>anonym</dd>"))
            }
            func post(_ path: String, _ fields: [(String, String)]) async throws {
                let (headers, body) = browser.form(fields)
                try await client.execute(uri: path, method: .post, headers: headers, body: body) {
                    #expect($0.status == .seeOther, "\(path): \($0.text.prefix(200))")
                }
            }
            // One vote per person: a second click takes it back.
            try await post(page + "/vote", [])
            #expect(try await browser.page(client, page).contains("Stimme zurücknehmen"))
            try await post(page + "/vote", [])
            try await post(page + "/vote", [])
            let id = ID<Proposal>(String(page.split(separator: "/").last!))
            #expect(try await workspace.proposals(of: tenant).first { $0.id == id }?.votes.count == 1)

            try await post(page + "/decide", [("decision", "review")])
            try await post(page + "/decide", [("decision", "accept")])
            let accepted = try #require(try await workspace.proposals(of: tenant).first { $0.id == id })
            let initiativeID = try #require(accepted.initiativeID)
            #expect(accepted.status == .accepted)
            let initiative = try #require(try await workspace.roadmap(of: tenant).initiative(initiativeID))
            #expect(initiative.title == "Weniger Papier" && initiative.processIDs == ["baugenehmigung-ist"])
            let detail = try await browser.page(client, page)
            #expect(detail.contains("Angenommen und in den Fahrplan übernommen als"))
            #expect(detail.contains("/roadmap/initiatives/\(initiativeID)"))
            let initiativePage = try await browser.page(client, "/roadmap/initiatives/\(initiativeID)")
            #expect(initiativePage.contains("Aus dem Verbesserungsvorschlag") && initiativePage.contains(page))
            // Decided: no more votes.
            let (closedHeaders, closedBody) = browser.form([])
            try await client.execute(uri: page + "/vote", method: .post, headers: closedHeaders, body: closedBody) {
                #expect($0.status == .conflict)
            }
        }
    }

    @Test func aRejectedProposalShowsItsReasonAndOnlyItsAuthorWithdraws() async throws {
        let server = try await TestServer()
        try await server.run { client in
            let browser = try await Browser.start(client, uri: "/optimize/proposals")
            // The demo's proposal in review, by someone else: the local administrator cannot withdraw it.
            let (headers, body) = browser.form([])
            try await client.execute(
                uri: "/optimize/proposals/demo-v3/withdraw", method: .post, headers: headers, body: body
            ) {
                #expect($0.status == .forbidden)
                #expect($0.text.contains("Zurückziehen kann nur, wer den Vorschlag gemacht hat."))
            }
            let reject = browser.form([("decision", "reject"), ("reason", "Kommt mit dem Portal 2028.")])
            try await client.execute(
                uri: "/optimize/proposals/demo-v3/decide", method: .post, headers: reject.0, body: reject.1
            ) { #expect($0.status == .seeOther) }
            let html = try await browser.page(client, "/optimize/proposals/demo-v3")
            #expect(html.contains("Warum der Vorschlag abgelehnt wurde") && html.contains("Kommt mit dem Portal 2028."))
            // Sorted by votes, then by expected benefit.
            let byVotes = try await browser.page(client, "/optimize/proposals")
            let byBenefit = try await browser.page(client, "/optimize/proposals?sort=benefit")
            let first = try #require(byVotes.range(of: "Rückfragen der Bautechnik"))
            let second = try #require(byVotes.range(of: "Bauanträge nicht mehr kopieren"))
            #expect(first.lowerBound < second.lowerBound, "5 votes before 3")
            let most = try #require(byBenefit.range(of: "Rückfragen der Bautechnik"))
            let less = try #require(byBenefit.range(of: "Bauanträge nicht mehr kopieren"))
            #expect(most.lowerBound < less.lowerBound, "260 hours before 180")
        }
    }
}
