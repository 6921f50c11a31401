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
            #expect(review.contains("Workshop-Runde, 5 Antworten zur Entscheidung"), "the running round's answers")
            let own = try await Self.page(client, member)
            #expect(!own.contains("Wartet auf meine Prüfung"))
            #expect(
                own.contains("Entwürfe meiner Organisationseinheit") && own.contains("Bewohnerparkausweis ausstellen"))
            #expect(own.contains("Zurückgegeben: Bitte noch angeben"), "the note that returned the draft")
            #expect(!own.contains("Fundsache annehmen"), "another unit's process")
            // Her unit's open questions in the running round, with the deadline and the way to the first one.
            let deadline = GermanFormat.date(Day(Date()).adding(days: 21))
            #expect(own.contains("offen: Fragen 1, 2, 3, 4, 5, 6, 7, Frist \(deadline)"))
            #expect(own.contains("/map/workshops/runde-2/units/32.2/questions/1"))
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

/// A comment may name a unit or a person; they find it on "Für mich", and the thread says whom it names.
@Suite struct MentionTests {
    @Test func aCommentNamingAUnitReachesItsPeopleOnForMe() async throws {
        let server = try await TestServer(localMode: false)
        let tenant = try server.tenant
        let (author, authorToken) = try await server.member("schreiberin", role: .processManagement)
        let (reader, readerToken) = try await server.member("buergerbuero-test", role: .contributor, unit: "33")
        let writer = try await Caller(
            role: .processManagement, account: author.id, tenant: tenant, token: authorToken
        ).signedIn(server.workspace)
        let named = try await Caller(role: .contributor, account: reader.id, tenant: tenant, token: readerToken)
            .signedIn(server.workspace)
        let post = RouteTable.Entry(method: .post, path: "/processes/:id/comments", permission: .comment)
        try await server.run { client in
            let page = "/processes/wohnsitz-anmeldung-ist"
            let form = try await client.execute(
                uri: page, method: .get,
                headers: writer.request(.init(method: .get, path: "/", permission: .read), path: page).0
            ) { $0.text }
            #expect(form.contains(#"<option value="unit:33">Bürgerbüro (Organisationseinheit)</option>"#))
            for (mention, status) in [
                ("unit:gibt-es-nicht", HTTPResponse.Status.unprocessableContent), ("unit:33", .seeOther),
            ] {
                var (headers, _) = writer.request(post, path: page + "/comments")
                headers[.contentType] = "application/x-www-form-urlencoded"
                let body = "csrf=\(writer.formToken)&text=Bitte%20Termine%20pr%C3%BCfen&mention=\(mention)"
                try await client.execute(
                    uri: page + "/comments", method: .post, headers: headers, body: ByteBuffer(string: body)
                ) { #expect($0.status == status, "\(mention)") }
            }
            let forMe = try await ForMeTests.page(client, named)
            #expect(forMe.contains("Bitte Termine prüfen"))
            #expect(
                forMe.contains(#"href="\#(page)/comments#comment-"#),
                "to the thread on the discussion page, which has every thread however old")
            let thread = try await client.execute(
                uri: page, method: .get,
                headers: named.request(.init(method: .get, path: "/", permission: .read), path: page).0
            ) { $0.text }
            #expect(thread.contains("(an Bürgerbüro)"))
        }
    }
}
