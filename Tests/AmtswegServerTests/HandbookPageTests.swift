import AmtswegCore
import AmtswegServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The process handbook: every process of its scope with a chapter and a drawing, the table of contents listing
/// them, what the chapter gathers from other parts (roadmap, maturity, FIM lineage, legal bases with links), the
/// scopes of a unit and one process, unknown ones refused, the reader's view and language kept.
@Suite struct HandbookPageTests {
    /// The chapter headings of a handbook page, in order.
    static func chapters(_ html: String) -> [String] {
        html.matches(of: #/<h2 id="prozess-[0-9]+-heading">[0-9]+\. ([^<]+)</h2>/#).map { String($0.output.1) }
    }

    @Test func theWholeTenantsHandbookHasEveryProcessWithItsDiagramAndWhatTouchesIt() async throws {
        let server = try await TestServer()
        let snapshot = try await server.workspace.snapshot(of: try server.tenant)
        try await server.run { client in
            let browser = try await Browser.start(client, uri: "/processes")
            let html = try await client.execute(uri: "/processes/handbook", method: .get, headers: browser.headers) {
                #expect($0.status == .ok)
                return $0.text
            }
            let names = snapshot.processes.map(\.name).sorted()
            #expect(Self.chapters(html).sorted() == names)
            let toc = try #require(html.split(separator: "</nav>").first)
            for name in names { #expect(toc.contains(">\(name)</a>"), "the contents list \(name)") }
            let articles = html.split(separator: "<article").dropFirst()
            #expect(articles.count == names.count)
            for article in articles {
                #expect(article.contains("<img src=\"data:image/svg+xml;base64,"), "every chapter has its diagram")
            }
            // A diagram too wide to read when fitted to one page is printed in parts, each a page or less.
            let building = try #require(articles.first { $0.contains("Baugenehmigung (Ist)</h2>") })
            #expect(building.contains("<figcaption>Teil 1 von 4, Zeile 1, Spalte 1</figcaption>"))
            #expect(building.matches(of: #/<img src=/#).count == 4)
            // The dog tax's chapter: the roadmap's initiative on it, its service's maturity, its FIM master.
            let dogTax = try #require(
                html.split(separator: "<article").first { $0.contains("Hund zur Hundesteuer anmelden (Ist)</h2>") })
            #expect(dogTax.contains("M06 Hundesteuer online anmelden"))
            #expect(dogTax.contains("<dt>Reifegrad</dt>") && dogTax.contains("<dt>OZG-Leistung</dt>"))
            #expect(dogTax.contains("99102013000000") && dogTax.contains("Fassung 01.00.00"))
            #expect(dogTax.contains("Neuere Fassung des Referenzprozesses</dt><dd>01.01.00"))
            #expect(dogTax.contains("§ 8 Hundesteuersatzung der Stadt Musterstadt"))
            #expect(dogTax.contains("<table class=\"raci\">") && dogTax.contains("Anmeldung zur Hundesteuer"))
            #expect(html.contains("href=\"https://www.gesetze-im-internet.de/"), "legal bases link to their text")
            #expect(!html.contains("<a href=\"/"), "a printed handbook holds no links into the application")
        }
    }

    @Test func aUnitsAndOneProcesssHandbookHoldOnlyThoseAndUnknownOnesAreRefused() async throws {
        let server = try await TestServer()
        let snapshot = try await server.workspace.snapshot(of: try server.tenant)
        try await server.run { client in
            let browser = try await Browser.start(client, uri: "/processes")
            let one = try await client.execute(
                uri: "/processes/handbook?process=hundesteuer-ist", method: .get, headers: browser.headers
            ) { $0.text }
            #expect(Self.chapters(one) == ["Hund zur Hundesteuer anmelden (Ist)"])
            // Dezernat II and the units below it: the Bürgerbüro's, the Ordnungsamt's, the Sozialamt's …
            let unit = try await client.execute(
                uri: "/processes/handbook?unit=D2", method: .get, headers: browser.headers
            ) { $0.text }
            let expected = snapshot.records.filter { record in
                record.ownerUnitID.map { snapshot.map.unit($0, isWithin: "D2") } == true
            }.map(\.name)
            #expect(expected.count >= 3)
            #expect(Self.chapters(unit).sorted() == expected.sorted())
            #expect(unit.contains("Prozesse der Organisationseinheit „Dezernat II"))
            for query in ["process=gibt-es-nicht", "unit=gibt-es-nicht"] {
                try await client.execute(uri: "/processes/handbook?" + query, method: .get, headers: browser.headers) {
                    #expect($0.status == .notFound, "\(query)")
                }
            }
            let english: HTTPFields = [.cookie: browser.cookie + "; amtsweg_lang=en"]
            try await client.execute(uri: "/processes/handbook?unit=22", method: .get, headers: english) { response in
                #expect(response.text.contains("<html lang=\"en\">") && response.text.contains("Process handbook"))
                #expect(response.text.contains("Steps and who performs them") && !response.text.contains("Inhalt<"))
            }
            // The process page and the list lead to it.
            try await client.execute(uri: "/processes/hundesteuer-ist", method: .get, headers: browser.headers) {
                #expect($0.text.contains("href=\"/processes/handbook?process=hundesteuer-ist\""))
            }
            try await client.execute(uri: "/processes?unit=22", method: .get, headers: browser.headers) {
                #expect($0.text.contains("href=\"/processes/handbook?unit=22\""))
            }
        }
    }
}
