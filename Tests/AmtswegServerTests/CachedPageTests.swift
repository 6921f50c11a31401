import AmtswegCore
@testable import AmtswegServer
import AmtswegStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The phase overviews are computed once per change of the tenant's data and then served from memory; each
/// must show a write that affects it on the very next request, and each visitor gets their own form token.
@Suite struct CachedPageTests {
    static let overviews = ["/", "/map", "/map/flows", "/map/ist", "/optimize", "/monitor", "/processes", "/roadmap"]

    /// In-process through the router, and `live` over a socket, where the kept answers are also replayed before the
    /// router (``ReplayedAnswers``): the same writes must show through both.
    @Test(arguments: [false, true]) func everyCachedViewChangesAfterAWriteThatAffectsIt(live: Bool) async throws {
        // Live on a fixed clock: an answer is replayed only within the second it was made in, and this test asks
        // for each page twice in a row to see it replayed.
        let fixed: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_800_000_000) }
        let server = try await TestServer(live: live, now: live ? fixed : nil)
        let (workspace, tenant) = (server.workspace, try server.tenant)
        let token = try await server.member("pm", role: .processManagement).token
        try await server.run { client in
            let browser = try await Browser.start(client, uri: "/")
            @Sendable func get(_ uri: String) async throws -> String { try await browser.page(client, uri) }
            for page in Self.overviews {
                let first = try await get(page)
                #expect(try await get(page) == first, "\(page) is served as kept")
                #expect(!first.contains("csrf-placeholder"), "\(page)")
                if ["/map/ist", "/monitor", "/processes", "/roadmap"].contains(page) {
                    #expect(first.contains(browser.token), "\(page)'s forms carry the visitor's form token")
                }
            }
            // Another visitor of the same kept page gets their own token, not the first one's.
            let other = try await Browser.start(client, uri: "/map/ist")
            let seen = try await client.execute(uri: "/map/ist", method: .get, headers: other.headers) { $0.text }
            #expect(seen.contains(other.token) && !seen.contains(browser.token))

            // A unit renamed: the organisation, the flows and the Ist-Analyse name it anew.
            var map = try await workspace.snapshot(of: tenant).map
            let index = try #require(map.units.firstIndex { map.flows.contains(where: $0.id.isEndpoint) })
            map.units[index].name = "Amt für Zwischenspeicher"
            try await workspace.saveMap(
                map, change: MapChange(action: "updateUnit", object: "unit:\(map.units[index].id)", summary: "Name"),
                by: .local, basedOn: nil)
            for page in ["/map", "/map/flows", "/map/ist"] {
                #expect(try await get(page).contains("Amt für Zwischenspeicher"), "\(page) after the rename")
            }
            // A unit that owns processes renamed: the list of processes names it anew.
            let owner = try #require(try await workspace.snapshot(of: tenant).records.first?.ownerUnitID)
            let ownerIndex = try #require(map.units.firstIndex { $0.id == owner })
            map.units[ownerIndex].name = "Amt für gehaltene Listen"
            try await workspace.saveMap(
                map, change: MapChange(action: "updateUnit", object: "unit:\(owner)", summary: "Name"), by: .local,
                basedOn: nil)
            #expect(try await get("/processes").contains("Amt für gehaltene Listen"), "/processes after the rename")
            // Working day and problem threshold changed: the Monitor's unit and the count of problem spots follow.
            map.settings.hoursPerWorkingDay = 6
            map.settings.longWaitDays = 0.5
            try await workspace.saveMap(
                map, change: MapChange(action: "saveSettings", object: "settings", summary: "Annahmen"), by: .local,
                basedOn: nil)
            #expect(try await get("/monitor").contains("in Arbeitstagen zu 6 Stunden"))
            let processes = try await workspace.snapshot(of: tenant).processes
            let spots = ProblemFinder(map: map).findAll(in: processes).count
            #expect(try await get("/optimize").contains("von \(GermanFormat.integer(spots)) Fundstellen"))
            // An event log uploaded through the API: the Monitor lists it.
            let log = "case;activity;timestamp\n1;A;2026-01-01 08:00:00\n1;B;2026-01-01 09:00:00\n"
            try await client.execute(
                uri: "/api/v1/event-logs?file=zwischenstand.csv&name=Zwischenstand", method: .post,
                headers: .api(token, contentType: "text/csv"), body: ByteBuffer(string: log)
            ) { #expect($0.status == .created) }
            #expect(try await get("/monitor").contains("Zwischenstand"))
            // The process an event log is attached to renamed: the log's page, kept once its analyses are done,
            // names it anew.
            let logPage = "/monitor/logs/gewerbe-2026"
            let finished = try await client.executeFinished(uri: logPage, headers: browser.headers) { $0.text }
            #expect(try await get(logPage) == finished, "the finished log page is served as kept")
            var record = try #require(try await workspace.snapshot(of: tenant).record("gewerbe-anmeldung-ist"))
            record.name = "Gewerbe anmelden (umbenannt)"
            try await workspace.saveProcess(record, of: tenant, by: .local)
            #expect(try await get(logPage).contains("Gewerbe anmelden (umbenannt)"), "\(logPage) after the rename")
            // An initiative renamed: the roadmap names it anew.
            var roadmap = try await workspace.roadmap(of: tenant)
            roadmap.initiatives[0].title = "Gehaltene Seiten erneuern"
            try await workspace.saveRoadmap(
                roadmap, of: tenant,
                change: MapChange(
                    action: "saveInitiative", object: "initiative:\(roadmap.initiatives[0].id)", summary: "Titel"),
                by: .local)
            #expect(try await get("/roadmap").contains("Gehaltene Seiten erneuern"), "/roadmap after the rename")
            // The vision written alone (its own area: the plan stays kept, the vision is put into it): the
            // roadmap's page, its print and its API answers show the new one; a later save of the whole roadmap
            // with yet another vision shows that one.
            try await workspace.saveVision(
                Vision(statement: "Zielbild ohne neuen Plan"), of: tenant,
                change: MapChange(action: "saveVision", object: "roadmap", summary: "Zielbild"), by: .local)
            for uri in ["/roadmap", "/roadmap/print"] {
                #expect(try await get(uri).contains("Zielbild ohne neuen Plan"), "\(uri) after the vision")
            }
            for uri in ["/api/v1/roadmap", "/api/v1/roadmap/vision"] {
                try await client.execute(uri: uri, method: .get, headers: .api(token)) {
                    #expect(String(buffer: $0.body).contains("Zielbild ohne neuen Plan"), "\(uri) after the vision")
                }
            }
            roadmap = try await workspace.roadmap(of: tenant)
            #expect(roadmap.vision?.statement == "Zielbild ohne neuen Plan")
            roadmap.vision = Vision(statement: "Zielbild mit dem ganzen Fahrplan")
            try await workspace.saveRoadmap(
                roadmap, of: tenant, change: MapChange(action: "saveVision", object: "roadmap", summary: "Zielbild"),
                by: .local)
            #expect(try await get("/roadmap").contains("Zielbild mit dem ganzen Fahrplan"), "/roadmap after the save")
            // A step renamed through its form: the process's page and its diagram, both kept, show the new name.
            let processPage = "/processes/baugenehmigung-ist", diagram = processPage + "/diagram.svg"
            for uri in [processPage, diagram] {
                let first = try await get(uri)
                #expect(try await get(uri) == first && !first.contains("Kept digital"), "\(uri) is served as kept")
            }
            let (headers, body) = browser.form([
                ("name", "Kept digital prüfen"), ("performer", ""), ("medium", "eFile"), ("handling", "30"),
                ("waiting", "60"),
            ])
            try await client.execute(
                uri: processPage + "/steps/Vollstaendigkeit", method: .post, headers: headers, body: body
            ) { #expect($0.status == .seeOther) }
            for uri in [processPage, diagram] {
                #expect(try await get(uri).contains("Kept digital"), "\(uri) after the step's rename")
            }
        }
        // Live, every second request of a page above was answered by a replay (and still showed each write).
        #expect(live ? (server.replay?.replayCount ?? 0) >= Self.overviews.count + 3 : server.replay == nil)
    }
}

extension ID where Entity == OrgUnit {
    /// Whether a flow starts or ends at this unit (test helper).
    fileprivate func isEndpoint(_ flow: InformationFlow) -> Bool {
        [flow.from, flow.to].contains { if case .unit(let id) = $0 { id == self } else { false } }
    }
}
