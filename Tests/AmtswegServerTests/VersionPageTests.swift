import AmtswegCore
import AmtswegServer
import AmtswegStore
import BPMN
import Foundation
import Hummingbird
import HummingbirdTesting
import ProcessBPMN
import Testing

/// Versions and review through the pages and the API: two people editing one draft, the comparison of any two
/// versions, restoring, and a draft's way from submission to release.
@Suite struct VersionPageTests {
    /// The version the step form was made from, as the form carries it.
    static func formVersion(_ html: String) throws -> String {
        let marker = try #require(html.range(of: #"name="version" value=""#))
        return String(html[marker.upperBound...].prefix { $0 != "\"" })
    }

    @Test func twoSessionsEditingOneDraftGetAConflictNotALostUpdate() async throws {
        let server = try await TestServer()
        let tenant = try server.tenant
        let repository = server.workspace.repository
        let step = "/processes/gewerbe-anmeldung-ist/steps/Erfassen"
        try await server.run { client in
            let anna = try await Browser.start(client, uri: step)
            let ben = try await Browser.start(client, uri: step)
            let annasVersion = try Self.formVersion(try await anna.page(client, step))
            let bensVersion = try Self.formVersion(try await ben.page(client, step))
            #expect(annasVersion == "1" && bensVersion == "1")
            func fields(_ name: String, _ version: String) -> [(String, String)] {
                [
                    ("name", name), ("performer", ""), ("medium", "eFile"), ("handling", "5"), ("waiting", "0"),
                    ("version", version),
                ]
            }
            let first = anna.form(fields("Annas Fassung", annasVersion))
            try await client.execute(uri: step, method: .post, headers: first.0, body: first.1) {
                #expect($0.status == .seeOther)
            }
            let second = ben.form(fields("Bens Fassung", bensVersion))
            try await client.execute(uri: step, method: .post, headers: second.0, body: second.1) {
                #expect($0.status == .conflict)
                #expect($0.text.contains("Der Prozess wurde inzwischen geändert: Sie haben Fassung 1 bearbeitet"))
            }
            let stored = try await repository.process("gewerbe-anmeldung-ist", of: tenant)
            #expect(stored.bpmn.contains("Annas Fassung") && !stored.bpmn.contains("Bens Fassung"))
            // Ben opens the new version and saves on top of it.
            let again = ben.form(fields("Bens Fassung", try Self.formVersion(try await ben.page(client, step))))
            try await client.execute(uri: step, method: .post, headers: again.0, body: again.1) {
                #expect($0.status == .seeOther)
            }
            let versions = try await repository.versions(of: "gewerbe-anmeldung-ist", in: tenant)
            #expect(versions.map(\.number) == [1, 2, 3])
        }
    }

    @Test func theComparisonOfAnyTwoVersionsIsTheBPMNSemanticDiff() async throws {
        let server = try await TestServer()
        let tenant = try server.tenant
        let repository = server.workspace.repository
        let process = ID<ProcessModel>("hundesteuer-ist")
        let token = try await server.member("pm", role: .processManagement, scope: .read).token
        // A fourth version through the step editor, so that the pairs span a change made on the page too.
        try await server.run { client in
            let step = "/processes/hundesteuer-ist/steps/Pruefen/insert"
            let browser = try await Browser.start(client, uri: "/processes/hundesteuer-ist")
            let (headers, body) = browser.form([("name", "Chip-Nummer prüfen"), ("version", "3")])
            try await client.execute(uri: step, method: .post, headers: headers, body: body) {
                #expect($0.status == .seeOther)
            }
            let versions = try await repository.versions(of: process, in: tenant)
            #expect(versions.count == 4)
            for from in versions {
                for to in versions {
                    let expected = BPMNDiff.compare(try from.record.read().model, try to.record.read().model)
                    let uri = "/api/v1/processes/hundesteuer-ist/diff?from=\(from.number)&to=\(to.number)"
                    try await client.execute(uri: uri, method: .get, headers: .api(token)) { response in
                        #expect(response.status == .ok, "\(uri)")
                        let object = try JSONSerialization.jsonObject(with: Data(buffer: response.body))
                        let differences = try #require(
                            (object as? [String: Any])?["differences"] as? [[String: String]])
                        #expect(differences.map { "\($0["path"]!): \($0["message"]!)" } == expected.map(\.description))
                        #expect(from.number != to.number || differences.isEmpty)
                    }
                }
            }
            // The page says it in words and marks the new step on the newer diagram.
            let html = try await browser.page(client, "/processes/hundesteuer-ist/versions/compare?from=3&to=4")
            #expect(html.contains("Schritt „Chip-Nummer prüfen“ neu"))
            #expect(html.contains(">neu</text>"), "the note above the framed step in the drawing")
        }
    }

    @Test func restoringAVersionMakesANewDraftEqualToIt() async throws {
        let server = try await TestServer()
        let tenant = try server.tenant
        let repository = server.workspace.repository
        try await server.run { client in
            let browser = try await Browser.start(client, uri: "/processes/hundesteuer-ist/versions")
            let (headers, body) = browser.form([("version", "3")])
            try await client.execute(
                uri: "/processes/hundesteuer-ist/versions/1/restore", method: .post, headers: headers, body: body
            ) {
                #expect($0.status == .seeOther)
                #expect($0.headers[.location] == "/processes/hundesteuer-ist/versions?restored=1")
            }
            let versions = try await repository.versions(of: "hundesteuer-ist", in: tenant)
            #expect(versions.count == 4 && versions[3].record == versions[0].record && versions[3].release == .draft)
            let html = try await browser.page(client, "/processes/hundesteuer-ist/versions?restored=1")
            #expect(html.contains("Fassung 1 ist als neuer Entwurf gespeichert."))
            #expect(html.contains("Fassung 1 wiederhergestellt"))
        }
    }

    @Test func aDraftIsSubmittedReturnedWithANoteChangedAndReleased() async throws {
        let server = try await TestServer()
        let tenant = try server.tenant
        let repository = server.workspace.repository
        let page = "/processes/strassenlaterne-ist"
        try await server.run { client in
            let browser = try await Browser.start(client, uri: page)
            func post(_ path: String, _ fields: [(String, String)], _ status: HTTPResponse.Status) async throws
                -> String
            {
                let (headers, body) = browser.form(fields)
                return try await client.execute(uri: path, method: .post, headers: headers, body: body) {
                    #expect($0.status == status, "\(path) \(fields): \($0.text.prefix(300))")
                    return $0.text
                }
            }
            #expect(
                try await browser.page(client, page).contains("Fassung 1, Entwurf. Noch keine Fassung ist freigegeben.")
            )
            _ = try await post(page + "/submit", [("version", "1")], .seeOther)
            #expect(try await browser.page(client, page).contains("Fassung 1, in Prüfung."))
            // In review the steps do not change.
            let edit = try await post(page + "/steps/Meldung/insert", [("name", "Neu")], .conflict)
            #expect(edit.contains("Der Prozess ist in Prüfung"))
            let refused = try await post(
                page + "/review", [("action", "return"), ("version", "1")], .unprocessableContent)
            #expect(refused.contains("Zurückgeben geht nur mit Anmerkung"))
            _ = try await post(
                page + "/review",
                [("action", "return"), ("comment", "Bitte die Stadtwerke als Bahn."), ("version", "1")],
                .seeOther)
            let returned = try await browser.page(client, page)
            #expect(returned.contains("Zurückgegeben: Bitte die Stadtwerke als Bahn."))
            #expect(returned.contains("Fassung 1, Entwurf."))
            _ = try await post(
                page + "/steps/Meldung/insert", [("name", "Stadtwerke informieren"), ("version", "1")], .seeOther)
            // Submitting what one saw before the last save is refused: it is no longer the newest.
            _ = try await post(page + "/submit", [("version", "1")], .conflict)
            _ = try await post(page + "/submit", [("version", "2")], .seeOther)
            _ = try await post(page + "/review", [("action", "release"), ("version", "2")], .seeOther)
            let status = try await repository.processStatuses(of: tenant)["strassenlaterne-ist"]
            #expect(status == ProcessStatus(head: 2, state: .released, released: 2))
            let log = try await repository.changes(of: tenant, limit: 10).map(\.action)
            #expect(
                log.prefix(6).reversed() == [
                    "release:submit", "release:return", "addComment", "saveProcess", "release:submit",
                    "release:release",
                ])
        }
    }
}
