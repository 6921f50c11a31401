import AmtswegCore
import AmtswegServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Comments on a process and its steps, through the forms of the process page: what people type comes back
/// as text — markup escaped, only web addresses linked — too long a text is refused with a clear message, and
/// threads are answered, settled and reopened.
@Suite struct CommentTests {
    static let page = "/processes/baugenehmigung-ist"

    @Test func typedTextComesBackEscapedAndOnlyWebAddressesAreLinks() async throws {
        try await TestServer().run { client in
            let browser = try await Browser.start(client, uri: Self.page)
            let hostile =
                "<script>alert(1)</script> <img src=x onerror=alert(2)> javascript:alert(3) https://a.de/x?y=1&z=2"
            let (headers, body) = browser.form([("step", "Eingang"), ("text", hostile)])
            let location = try await client.execute(
                uri: Self.page + "/comments", method: .post, headers: headers, body: body
            ) { response in
                #expect(response.status == .seeOther)
                return response.headers[.location] ?? ""
            }
            #expect(location.hasPrefix(Self.page + "#comment-"), "back to the thread: \(location)")
            let html = try await browser.page(client, Self.page)
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !html.contains("<script>alert(1)"))
            #expect(html.contains("&lt;img src=x onerror=alert(2)&gt;") && !html.contains("<img src=x"))
            #expect(!html.contains("href=\"javascript:"), "no other scheme becomes a link")
            #expect(html.contains(#"<a href="https://a.de/x?y=1&amp;z=2" rel="nofollow noopener noreferrer">"#))
            // Beside its step in the step list, before the next step.
            let step = try #require(html.range(of: "id=\"step-Eingang\""))
            let next = try #require(html.range(of: "id=\"step-Vollstaendigkeit\""))
            let comment = try #require(html.range(of: "&lt;script&gt;alert(1)"))
            #expect(step.upperBound < comment.lowerBound && comment.upperBound < next.lowerBound)
        }
    }

    @Test func tooLongOrEmptyTextsAndUnknownStepsAreRefusedAndStoreNothing() async throws {
        let server = try await TestServer()
        let tenant = try server.tenant
        let before = try await server.workspace.comments(of: tenant).count
        try await server.run { client in
            let browser = try await Browser.start(client, uri: Self.page)
            for (fields, message) in [
                (
                    [("text", String(repeating: "ä", count: 10_000))],
                    "Der Text ist zu lang: 10.000 Zeichen, erlaubt sind 4.000."
                ),
                ([("text", "  \n ")], "Bitte einen Text eingeben."),
                (
                    [("text", "Hallo"), ("step", "gibt-es-nicht")],
                    "Einen Schritt „gibt-es-nicht“ hat der Prozess nicht."
                ),
                (
                    [("text", "Hallo"), ("answer", "gibt-es-nicht")],
                    "Das Gespräch, auf das geantwortet wird, gibt es nicht."
                ),
            ] {
                let (headers, body) = browser.form(fields)
                try await client.execute(uri: Self.page + "/comments", method: .post, headers: headers, body: body) {
                    #expect($0.status == .unprocessableContent)
                    #expect($0.text.contains(message), "\($0.text.prefix(400))")
                }
            }
        }
        #expect(try await server.workspace.comments(of: tenant).count == before)
    }

    @Test func threadsAreAnsweredSettledAndReopened() async throws {
        let server = try await TestServer()
        let (workspace, tenant) = (server.workspace, try server.tenant)
        try await server.run { client in
            let browser = try await Browser.start(client, uri: Self.page)
            // The demo's open thread on the process: answered, then settled, then reopened.
            let (headers, body) = browser.form([("answer", "demo-8"), ("text", "Beim Amt, seit Oktober.")])
            try await client.execute(uri: Self.page + "/comments", method: .post, headers: headers, body: body) {
                #expect($0.status == .seeOther && $0.headers[.location] == Self.page + "#comment-demo-8")
            }
            let answered = try await workspace.comments(of: tenant).last
            #expect(answered?.replyTo == "demo-8" && answered?.subject == .process("baugenehmigung-ist"))
            #expect(try await browser.page(client, Self.page).contains("Beim Amt, seit Oktober."))
            for (action, settled) in [("resolve", true), ("reopen", false)] {
                let (headers, body) = browser.form([])
                try await client.execute(uri: "/comments/demo-8/\(action)", method: .post, headers: headers, body: body)
                {
                    #expect($0.status == .seeOther)
                }
                let html = try await browser.page(client, Self.page)
                let thread = try #require(html.range(of: "id=\"comment-demo-8\""))
                let end = try #require(html[thread.upperBound...].range(of: "</article>"))
                #expect(html[thread.upperBound..<end.lowerBound].contains("Erledigt von") == settled, "\(action)")
            }
            // An answer is not settled on its own.
            let (headers2, body2) = browser.form([])
            try await client.execute(uri: "/comments/demo-7/resolve", method: .post, headers: headers2, body: body2) {
                #expect($0.status == .unprocessableContent)
            }
        }
    }
}

/// A long discussion: the process page shows the threads last written in, in each place, with a link to the
/// discussion page, which shows every thread — and "Für mich" leads there.
@Suite struct LongDiscussionTests {
    @Test func theProcessPageShowsTheLatestThreadsAndTheDiscussionPageAll() async throws {
        // A process without comments in the demo; the page shows 20 threads per place (ProcessCommentsView).
        let page = "/processes/hundesteuer-ist"
        let shown = 20
        try await TestServer().run { client in
            let browser = try await Browser.start(client, uri: page)
            for number in 1...(shown + 5) {
                let (headers, body) = browser.form([("step", ""), ("text", "Gespräch Nummer \(number) zum Ganzen")])
                try await client.execute(uri: page + "/comments", method: .post, headers: headers, body: body) {
                    #expect($0.status == .seeOther)
                }
            }
            func threads(_ html: String) -> [Int] {
                html.matches(of: /Gespräch Nummer (\d+) zum Ganzen/).map { Int($0.output.1)! }
            }
            // Written within a second or two, so "last written in" leaves the store's order among them.
            let html = try await browser.page(client, page)
            let onPage = Set(threads(html))
            #expect(threads(html).count == shown && onPage.isSubset(of: 1...(shown + 5)))
            #expect(html.contains(#"<a href="\#(page)/comments">Alle Kommentare zu diesem Prozess</a>"#))
            #expect(html.contains("(5 ältere Gespräche sind hier nicht gezeigt)"))
            let discussion = try await browser.page(client, page + "/comments")
            #expect(threads(discussion).sorted() == Array(1...(shown + 5)), "every thread, once")
            #expect(discussion.contains("<h1>Alle Kommentare: "))
            #expect(discussion.contains(browser.token), "its threads' forms carry the visitor's token")
            // Answering a thread the process page leaves out brings it back there (a second later: the store keeps
            // times to the second).
            try await Task.sleep(for: .milliseconds(1_100))
            let hidden = try #require((1...(shown + 5)).first { !onPage.contains($0) })
            let thread = try #require(
                discussion.matches(
                    of:
                        /<article class="comment-thread" id="comment-([^"]+)"[^>]*>\s*<div class="comment"><p class="comment-meta">.*?<\/p><p class="comment-text">Gespräch Nummer (\d+) zum/
                )
                .first { Int($0.output.2) == hidden })
            let (headers, body) = browser.form([("answer", String(thread.output.1)), ("text", "Nachgetragen")])
            try await client.execute(uri: page + "/comments", method: .post, headers: headers, body: body) {
                #expect($0.status == .seeOther && $0.headers[.location] == page + "#comment-" + thread.output.1)
            }
            let after = try await browser.page(client, page)
            #expect(after.contains("Nachgetragen") && threads(after).contains(hidden) && threads(after).count == shown)
        }
    }
}

/// Comments on a unit and an initiative, written in the comments section of their pages.
@Suite struct PageCommentTests {
    @Test func unitsAndInitiativesHaveTheirOwnComments() async throws {
        let server = try await TestServer()
        try await server.run { client in
            let browser = try await Browser.start(client, uri: "/map/units/33")
            for (subject, page) in [("unit:33", "/map/units/33"), ("initiative:M05", "/roadmap/initiatives/M05")] {
                let (headers, body) = browser.form([("subject", subject), ("text", "<b>Hallo</b> aus \(subject)")])
                let location = try await client.execute(uri: "/comments", method: .post, headers: headers, body: body) {
                    #expect($0.status == .seeOther)
                    return $0.headers[.location] ?? ""
                }
                #expect(location.hasPrefix(page + "#comment-"), "\(location)")
                let html = try await browser.page(client, page)
                #expect(html.contains("&lt;b&gt;Hallo&lt;/b&gt; aus \(subject)"))
            }
            #expect(try await browser.page(client, "/map/units/33").contains("Wer im Bürgerbüro kennt die Aufgaben"))
            for subject in ["unit:gibt-es-nicht", "initiative:M99", "process:baugenehmigung-ist", "quatsch"] {
                let (headers, body) = browser.form([("subject", subject), ("text", "Hallo")])
                try await client.execute(uri: "/comments", method: .post, headers: headers, body: body) {
                    #expect($0.status == .unprocessableContent, "\(subject)")
                }
            }
        }
    }

    /// Flows and problem spots have pages of their own with their comments, and the proposal form takes them as
    /// what the proposal is about.
    @Test func flowsAndProblemSpotsHaveTheirOwnCommentsAndProposals() async throws {
        let server = try await TestServer()
        let snapshot = try await server.workspace.snapshot(of: try server.tenant)
        let flow = try #require(snapshot.map.flows.first)
        let spot = try #require(ProblemFinder(map: snapshot.map).findAll(in: snapshot.processes).first)
        // Escaped as the server writes a path segment: everything but unreserved characters (RFC 3986).
        let unreserved = CharacterSet(
            charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        let escaped = try #require(spot.key.addingPercentEncoding(withAllowedCharacters: unreserved))
        try await server.run { client in
            let browser = try await Browser.start(client, uri: "/map/flows")
            #expect(try await browser.page(client, "/map/flows").contains("/map/flows/\(flow.id)/comments"))
            #expect(try await browser.page(client, "/optimize").contains("/optimize/spots/\(escaped)"))
            for (subject, page) in [
                ("flow:\(flow.id)", "/map/flows/\(flow.id)/comments"),
                ("problem:\(spot.key)", "/optimize/spots/\(escaped)"),
            ] {
                let (headers, body) = browser.form([("subject", subject), ("text", "<i>Dazu</i> eine Frage")])
                let location = try await client.execute(uri: "/comments", method: .post, headers: headers, body: body) {
                    #expect($0.status == .seeOther)
                    return $0.headers[.location] ?? ""
                }
                #expect(location.hasPrefix(page + "#comment-"), "\(location)")
                let html = try await browser.page(client, page)
                #expect(html.contains("&lt;i&gt;Dazu&lt;/i&gt; eine Frage"))
                let query = try #require(subject.addingPercentEncoding(withAllowedCharacters: unreserved))
                let form = try await browser.page(client, "/optimize/proposals/new?subject=\(query)")
                #expect(form.contains("<option value=\"\(subject)\" selected>"), "\(subject)")
            }
            for subject in ["flow:gibt-es-nicht", "problem:gibt-es-nicht"] {
                let (headers, body) = browser.form([("subject", subject), ("text", "Hallo")])
                try await client.execute(uri: "/comments", method: .post, headers: headers, body: body) {
                    #expect($0.status == .unprocessableContent, "\(subject)")
                }
            }
            try await client.execute(uri: "/optimize/spots/gibt-es-nicht", method: .get, headers: browser.headers) {
                #expect($0.status == .notFound)
            }
        }
    }
}
