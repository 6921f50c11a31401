import AmtswegCore
import AmtswegServer
import AmtswegStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Workshop rounds through their pages: a unit's Mitwirkende answer their own unit's questions (and no other
/// unit's), the facilitator opens a round, accepts, corrects and rejects answers — the map changes by exactly
/// the accepted ones, one audit entry per decision — records a contradiction as a finding the Ist-Analyse shows
/// with its origin, and compares two rounds.
@Suite struct WorkshopPageTests {
    /// A form post as `caller` (session and form token) with `fields`.
    static func form(_ caller: Caller, _ fields: [(String, String)]) -> (HTTPFields, ByteBuffer) {
        let entry = RouteTable.Entry(method: .post, path: "/map/workshops", permission: .editMap)
        let (headers, _) = caller.request(entry, path: "/")
        let body = ([("csrf", caller.formToken)] + fields).map { "\(Browser.encode($0))=\(Browser.encode($1))" }
            .joined(separator: "&")
        return (headers, ByteBuffer(string: body))
    }

    static func get(_ caller: Caller, _ path: String) -> HTTPFields {
        caller.request(RouteTable.Entry(method: .get, path: path, permission: .read), path: path).0
    }

    @Test func aUnitAnswersItsOwnQuestionsOnlyAndEveryAnswerWaitsForTheFacilitator() async throws {
        let server = try await TestServer(localMode: false)
        let tenant = try server.tenant
        let workspace = server.workspace
        let (account, _) = try await server.member("verkehr-test", role: .contributor, unit: "32.2")
        let contributor = try await Caller(role: .contributor, account: account.id, tenant: tenant)
            .signedIn(workspace)
        let before = try await workspace.repository.loadMap(of: tenant)
        let own = "/map/workshops/runde-2/units/32.2/questions/1"
        let (managerAccount, _) = try await server.member("pm-workshop", role: .processManagement)
        let manager = try await Caller(role: .processManagement, account: managerAccount.id, tenant: tenant)
            .signedIn(workspace)
        try await server.run { client in
            // Her own unit's question: shown with what is recorded, and saved as an answer, not in the map.
            try await client.execute(uri: own, method: .get, headers: Self.get(contributor, own)) {
                #expect($0.status == .ok)
                #expect($0.text.contains("Frage 1 von 7") && $0.text.contains("Bisher erfasst"))
            }
            let (headers, body) = Self.form(contributor, [("intent", "add"), ("name", "<script>Baustellen</script>")])
            try await client.execute(uri: own, method: .post, headers: headers, body: body) {
                #expect($0.status == .seeOther)
                #expect($0.headers[.location] == own + "?saved=1#answers")
            }
            try await client.execute(uri: own + "?saved=1", method: .get, headers: Self.get(contributor, own)) {
                #expect($0.text.contains("Aufgabe „&lt;script&gt;Baustellen&lt;/script&gt;“"))
                #expect($0.text.contains("wartet auf Entscheidung") && !$0.text.contains("<script>Baustellen"))
            }
            // An empty answer is refused with a message; nothing stored.
            let empty = Self.form(contributor, [("intent", "add"), ("name", "  ")])
            try await client.execute(uri: own, method: .post, headers: empty.0, body: empty.1) {
                #expect($0.status == .unprocessableContent && $0.text.contains("Bitte die Aufgabe benennen."))
            }
            // Another unit's questions are not hers.
            let foreign = "/map/workshops/runde-2/units/33/questions/1"
            try await client.execute(uri: foreign, method: .get, headers: Self.get(contributor, foreign)) {
                #expect($0.isDenied)
            }
            let (foreignHeaders, foreignBody) = Self.form(contributor, [("intent", "confirm")])
            try await client.execute(uri: foreign, method: .post, headers: foreignHeaders, body: foreignBody) {
                #expect($0.isDenied)
            }
            // A unit outside the round, and a question beyond seven, are not found.
            for path in [
                "/map/workshops/runde-2/units/50/questions/1", "/map/workshops/runde-2/units/32.2/questions/8",
            ] {
                try await client.execute(uri: path, method: .get, headers: Self.get(manager, path)) {
                    #expect($0.status == .notFound, "\(path)")
                }
            }
            let answers = try await workspace.workshopAnswers(of: tenant).filter { $0.unitID == "32.2" }
            #expect(answers.count == 1 && answers[0].decision == nil)
            #expect(answers.first?.answeredBy.displayName == account.displayName)
            #expect(try await workspace.repository.loadMap(of: tenant) == before, "the map waits for the facilitator")
        }
    }

    @Test func theFacilitatorMergesExactlyTheAcceptedChangesAndRecordsTheContradiction() async throws {
        let server = try await TestServer()
        let tenant = try server.tenant
        let workspace = server.workspace
        let before = try await workspace.repository.loadMap(of: tenant)
        let auditBefore = try await workspace.repository.changes(of: tenant, limit: 1_000).count
        let open = try await workspace.workshopAnswers(of: tenant).filter {
            $0.roundID == "runde-2" && $0.decision == nil && $0.change != .confirmed
        }
        let duty = try #require(open.first { if case .duty = $0.change { true } else { false } })
        let flow = try #require(
            open.first { $0.unitID == "32.1" && { if case .flow = $0.change { true } else { false } }($0) })
        let finding = try #require(open.first { if case .finding = $0.change { true } else { false } })
        try await server.run { client in
            let browser = try await Browser.start(client, uri: "/map/workshops/runde-2")
            let page = try await browser.page(client, "/map/workshops/runde-2")
            #expect(page.contains("Fortschritt je Organisationseinheit") && page.contains("noch nicht begonnen"))
            #expect(page.contains("Widerspruch: Gewerbe und Gaststätten nennt „Gewerbeanzeige“"))
            func decide(_ answer: WorkshopAnswer, _ fields: [(String, String)]) async throws -> HTTPResponse.Status {
                let (headers, body) = browser.form(fields)
                return try await client.execute(
                    uri: "/map/workshops/runde-2/answers/\(answer.id)/decide", method: .post, headers: headers,
                    body: body
                ) { $0.status }
            }
            #expect(try await decide(duty, [("decision", "accept")]) == .seeOther)
            // The contradiction becomes one finding naming both units, from this round.
            let (headers, body) = browser.form([("answer", flow.id.rawValue)])
            try await client.execute(
                uri: "/map/workshops/runde-2/contradictions", method: .post, headers: headers, body: body
            ) { #expect($0.status == .seeOther) }
            #expect(try await decide(flow, [("decision", "reject"), ("note", "")]) == .unprocessableContent)
            let reason = "Läuft über das Fachverfahren."
            #expect(try await decide(flow, [("decision", "reject"), ("note", reason)]) == .seeOther)
            #expect(try await decide(flow, [("decision", "accept")]) == .conflict, "decided once")
            let correction = "Zuständigkeit für Bauvoranfragen offen."
            #expect(try await decide(finding, [("decision", "edit"), ("note", correction)]) == .seeOther)
            let after = try await browser.page(client, "/map/workshops/runde-2")
            #expect(after.contains("abgelehnt (Lokale Bearbeitung): Läuft über das Fachverfahren."))
            let ist = try await browser.page(client, "/map/ist")
            #expect(ist.contains("Zuständigkeit für Bauvoranfragen offen."))
            #expect(ist.contains("Antworten von „Bauordnungsamt“, Workshop-Runde „Ist-Analyse 2026“"))
            #expect(ist.contains("Antworten von „Gewerbe und Gaststätten“, Workshop-Runde „Ist-Analyse 2026“"))
            try await Self.expectMerged(
                workspace, tenant, before: before, auditBefore: auditBefore, duty, flow, finding)
        }
    }

    /// Exactly the accepted and corrected changes, and the contradiction's finding, are new in the map; one
    /// audit entry per decision.
    static func expectMerged(
        _ workspace: Workspace, _ tenant: ID<Tenant>, before: TenantMap, auditBefore: Int, _ duty: WorkshopAnswer,
        _ flow: WorkshopAnswer, _ finding: WorkshopAnswer
    ) async throws {
        let map = try await workspace.repository.loadMap(of: tenant)
        guard case .duty(let newDuty) = duty.change, case .flow(let rejected) = flow.change,
            case .finding(var corrected) = finding.change
        else { Issue.record("unexpected answers"); return }
        corrected.text = "Zuständigkeit für Bauvoranfragen offen."
        #expect(map.duties.filter { $0.id == newDuty.id } == [newDuty])
        #expect(!map.flows.contains { $0.id == rejected.id })
        #expect(map.flows == before.flows)
        let newFindings = map.findings.filter { finding in !before.findings.contains { $0.id == finding.id } }
        #expect(newFindings.count == 2)
        #expect(newFindings.contains(corrected))
        let contradiction = try #require(newFindings.first { $0.id != corrected.id })
        #expect(contradiction.text.contains("Gewerbe und Gaststätten") && contradiction.text.contains("Bürgerbüro"))
        #expect(contradiction.roundID == "runde-2")
        // One audit entry per decision (three) and one for the contradiction.
        let changes = try await workspace.repository.changes(of: tenant, limit: 1_000)
        #expect(changes.count == auditBefore + 4)
        #expect(
            changes.prefix(4).map(\.action).sorted()
                == ["acceptWorkshopAnswer", "editWorkshopAnswer", "recordContradiction", "rejectWorkshopAnswer"])
    }

    @Test func aRoundIsOpenedClosedAndComparedWithAnother() async throws {
        let server = try await TestServer()
        let tenant = try server.tenant
        let workspace = server.workspace
        try await server.run { client in
            let browser = try await Browser.start(client, uri: "/map/workshops/new")
            let wrong = browser.form([("title", ""), ("deadline", "31.02.2027")])
            try await client.execute(uri: "/map/workshops", method: .post, headers: wrong.0, body: wrong.1) {
                #expect($0.status == .unprocessableContent)
                #expect($0.text.contains("Bitte einen Titel") && $0.text.contains("Bitte die Frist als Datum"))
                #expect($0.text.contains("Bitte mindestens eine Organisationseinheit wählen."))
            }
            let deadline = GermanFormat.date(Day(Date()).adding(days: 30))
            let fields = [("title", "Nachbefragung"), ("deadline", deadline), ("unit", "33"), ("unit", "50")]
            let (headers, body) = browser.form(fields)
            let location = try await client.execute(uri: "/map/workshops", method: .post, headers: headers, body: body)
            {
                #expect($0.status == .seeOther)
                return $0.headers[.location] ?? ""
            }
            #expect(location == "/map/workshops/runde-3")
            let page = try await browser.page(client, location)
            #expect(page.contains("Nachbefragung") && page.contains("Sozialamt") && page.contains("0 von 7"))
            let close = browser.form([])
            try await client.execute(uri: location + "/close", method: .post, headers: close.0, body: close.1) {
                #expect($0.status == .seeOther)
            }
            #expect(try await browser.page(client, location).contains("geschlossen am"))
            let compare = try await browser.page(client, "/map/workshops/runde-2/compare?with=runde-1")
            #expect(compare.contains("Ist-Analyse 2025") && compare.contains("Ist-Analyse 2026"))
            #expect(compare.contains("Die Hauspost wird nur einmal am Tag verteilt"))
            #expect(compare.contains("nicht beteiligt"), "Straßenverkehr took part in 2026 only")
            let round = try #require(try await workspace.workshopRounds(of: tenant).first { $0.id == "runde-3" })
            #expect(round.unitIDs == ["33", "50"] && round.closedOn == Day(Date()))
        }
    }

    /// The same through the API: a unit's Mitwirkende answer for their unit with a token (not for another),
    /// the facilitator decides, and the round shows progress, answers and the contradiction.
    @Test func theAPIAnswersForTheOwnUnitAndDecides() async throws {
        let server = try await TestServer(localMode: false)
        let (_, contributor) = try await server.member("verkehr-api", role: .contributor, unit: "32.2")
        let (_, facilitator) = try await server.member("moderation-api", role: .processManagement)
        let (workspace, tenant) = (server.workspace, try server.tenant)
        try await server.run { client in
            let answer =
                #"{"question":2,"direction":"out","partner":"unit:33","channel":"email","medium":"email","frequencyPerYear":40}"#
            let created = try await client.execute(
                uri: "/api/v1/workshops/runde-2/units/32.2/answers", method: .post, headers: .api(contributor),
                body: ByteBuffer(string: answer)
            ) { response in
                #expect(response.status == .created, "\(response.text.prefix(300))")
                let detail = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                let answers = try #require(detail?["answers"] as? [[String: Any]])
                return try #require(answers.last { $0["unit"] as? String == "32.2" })
            }
            #expect(created["kind"] as? String == "flow" && created["decision"] == nil)
            try await client.execute(
                uri: "/api/v1/workshops/runde-2/units/33/answers", method: .post, headers: .api(contributor),
                body: ByteBuffer(string: #"{"question":1,"confirmed":true}"#)
            ) { #expect($0.status == .forbidden) }
            try await client.execute(
                uri: "/api/v1/workshops/runde-2/units/32.2/answers", method: .post, headers: .api(contributor),
                body: ByteBuffer(string: #"{"question":9,"confirmed":true}"#)
            ) { #expect($0.status == .unprocessableContent) }
            let id = try #require(created["id"] as? String)
            try await client.execute(
                uri: "/api/v1/workshops/runde-2/answers/\(id)/decide", method: .post, headers: .api(contributor),
                body: ByteBuffer(string: #"{"decision":"accept"}"#)
            ) { #expect($0.status == .forbidden, "deciding is the facilitator's") }
            try await client.execute(
                uri: "/api/v1/workshops/runde-2/answers/\(id)/decide", method: .post, headers: .api(facilitator),
                body: ByteBuffer(string: #"{"decision":"accept"}"#)
            ) { response in
                #expect(response.status == .ok)
                let detail = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                let round = try #require(detail?["round"] as? [String: Any])
                let units = try #require(round["units"] as? [[String: Any]])
                let verkehr = try #require(units.first { $0["unit"] as? String == "32.2" })
                #expect(verkehr["answered"] as? [Int] == [2] && verkehr["state"] as? String == "open")
                let contradictions = try #require(detail?["contradictions"] as? [[String: Any]])
                #expect(contradictions.contains { $0["claimingUnit"] as? String == "32.1" })
            }
            let map = try await workspace.repository.loadMap(of: tenant)
            #expect(
                map.flows.contains {
                    $0.from == .unit("32.2") && $0.to == .unit("33") && $0.frequencyPerYear == 40
                        && $0.channel == .email
                })
        }
    }
}
