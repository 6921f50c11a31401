import AmtswegCore
import AmtswegServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The mapping of an event log's activities to its process's steps: suggested by name, confirmed or corrected
/// on the log's mapping page, stored with the log, audited, and used by the process page's measured times.
@Suite struct StepMappingTests {
    static let mappingPage = "/monitor/logs/gewerbe-2026/steps"
    static let processPage = "/processes/gewerbe-anmeldung-ist"

    /// Activity → selected step, as the mapping page's form shows it.
    static func selections(_ page: String) -> [String: String] {
        var selected: [String: String] = [:]
        for match in page.matches(of: /name="activity" value="([^"]*)">(?s:.*?)<\/select>/) {
            let row = String(match.output.0)
            selected[String(match.output.1)] =
                row.firstMatch(of: /<option value="([^"]*)" selected>/).map { String($0.output.1) } ?? "?"
        }
        return selected
    }

    @Test func theSuggestionIsConfirmedOrCorrectedAndTheProcessPageUsesIt() async throws {
        let server = try await TestServer()
        let (workspace, tenant) = (server.workspace, try server.tenant)
        try await server.run { client in
            let browser = try await Browser.start(client, uri: "/")
            @Sendable func get(_ uri: String) async throws -> String { try await browser.page(client, uri) }
            @Sendable func post(_ fields: [(String, String)]) async throws -> (HTTPResponse.Status, String) {
                let (headers, body) = browser.form(fields)
                return try await client.execute(uri: Self.mappingPage, method: .post, headers: headers, body: body) {
                    ($0.status, $0.headers[.location] ?? $0.text)
                }
            }
            let before = try await get(Self.processPage)
            #expect(before.contains("nach Namensähnlichkeit zugeordnet, noch nicht bestätigt"))
            #expect(before.contains("href=\"\(Self.mappingPage)\""), "the process page links to the mapping")

            // The suggestion: every activity of the demo log is its step's name, so each maps to that step.
            let page = try await get(Self.mappingPage)
            #expect(page.contains("nach Namensähnlichkeit vorgeschlagen, noch nicht bestätigt"))
            let suggested = Self.selections(page)
            let process = try #require(try await workspace.snapshot(of: tenant).process("gewerbe-anmeldung-ist"))
            let expected = Dictionary(
                uniqueKeysWithValues: process.steps.filter { DemoLogActivities.stepIDs.contains($0.id) }.map {
                    ($0.name, $0.id)
                })
            #expect(suggested == expected)
            #expect(page.contains("<label for=\"step-1\">"), "each choice is labelled")

            // Wrong input is named and stores nothing: an unknown step, an activity the log lacks, one missing.
            var fields = expected.sorted { $0.key < $1.key }.flatMap { [("activity", $0.key), ("step", $0.value)] }
            let (unknown, unknownPage) = try await post(fields.map { $0.1 == "Erfassen" ? ("step", "Gibtsnicht") : $0 })
            #expect(unknown == .unprocessableContent)
            #expect(unknownPage.contains("Einen Schritt „Gibtsnicht“ hat der Prozess"))
            let (stranger, strangerPage) = try await post(fields + [("activity", "Kaffee kochen"), ("step", "")])
            #expect(
                stranger == .unprocessableContent
                    && strangerPage.contains("„Kaffee kochen“ kommt im Protokoll nicht vor"))
            let (missing, missingPage) = try await post(Array(fields.dropLast(2)))
            #expect(missing == .unprocessableContent && missingPage.contains("nicht jede Aktivität"))
            let (unpaired, _) = try await post(Array(fields.dropLast()))
            #expect(unpaired == .badRequest)
            #expect(try await workspace.repository.eventLog("gewerbe-2026", of: tenant).stepMapping == nil)

            // A correction: entering the registration is no step of this process (say, another office does it).
            fields = fields.map { $0.1 == "Erfassen" ? ("step", "") : $0 }
            let (saved, location) = try await post(fields)
            #expect(saved == .seeOther && location == Self.mappingPage + "?saved=1")
            var confirmed = expected
            confirmed["Gewerbeanzeige erfassen"] = nil
            #expect(try await workspace.repository.eventLog("gewerbe-2026", of: tenant).stepMapping == confirmed)
            let change = try #require(try await workspace.repository.changes(of: tenant, limit: 1).first)
            #expect(change.action == "confirmStepMapping" && change.object == "eventLog:gewerbe-2026")
            #expect(change.summary.contains("\(confirmed.count) von \(expected.count) Aktivitäten"))

            let after = try await get(Self.mappingPage)
            #expect(after.contains(">bestätigt<") && Self.selections(after)["Gewerbeanzeige erfassen"] == "")
            #expect(after.contains("<td>Gewerbeanzeige erfassen</td>"), "the name suggestion stays visible")
            let processAfter = try await get(Self.processPage)
            #expect(processAfter.contains("Die Zuordnung der Aktivitäten zu den Schritten ist bestätigt."))
            #expect(processAfter.contains("Keinem Schritt zugeordnet: Gewerbeanzeige erfassen"))
            // The step no activity stands for has no measured time any more: its row shows 0 cases and dashes.
            let row = try #require(
                processAfter.firstMatch(of: /<tr[^>]*><th scope="row">Gewerbeanzeige erfassen(?s:.*?)<\/tr>/))
            #expect(String(row.output).contains("<td class=\"number\">0</td>"), "\(row.output)")
            #expect(!before.contains("Keinem Schritt zugeordnet"))
        }
    }
}
