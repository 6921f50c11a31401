import AmtswegCore
import AmtswegServer
import AmtswegStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The organisation's versions through their pages: the demo's draft (a task of the Tiefbauamt) is shown to
/// those who work on the map and not to readers; the comparison names it; returning needs a note; once
/// submitted and released, readers see it.
@Suite struct MapVersionPageTests {
    static let task = "Baustellenkoordination im Straßenraum"

    @Test func readersSeeTheReleasedOrganisationUntilTheDraftIsReleased() async throws {
        let server = try await TestServer(localMode: false)
        let tenant = try server.tenant
        let (readerAccount, _) = try await server.member("leser-karte", role: .reader)
        let reader = try await Caller(role: .reader, account: readerAccount.id, tenant: tenant)
            .signedIn(server.workspace)
        let (managerAccount, _) = try await server.member("pm-karte", role: .processManagement)
        let manager = try await Caller(role: .processManagement, account: managerAccount.id, tenant: tenant)
            .signedIn(server.workspace)
        let workspace = server.workspace
        try await server.run { client in
            func page(_ caller: Caller, _ path: String) async throws -> (HTTPResponse.Status, String) {
                let entry = RouteTable.Entry(method: .get, path: path, permission: .read)
                return try await client.execute(uri: path, method: .get, headers: caller.request(entry, path: path).0) {
                    ($0.status, $0.text)
                }
            }
            func post(_ caller: Caller, _ path: String, _ fields: [(String, String)]) async throws
                -> HTTPResponse.Status
            {
                let (headers, body) = WorkshopPageTests.form(caller, fields)
                return try await client.execute(uri: path, method: .post, headers: headers, body: body) { $0.status }
            }
            #expect(try await page(manager, "/map/units/66").1.contains(Self.task))
            #expect(!(try await page(reader, "/map/units/66").1.contains(Self.task)))
            #expect(try await page(reader, "/map/versions").0 == .forbidden, "the history shows drafts")
            let (status, history) = try await page(manager, "/map/versions")
            #expect(status == .ok && history.contains("Entwurf") && history.contains("Ole Hansen (Tiefbauamt)"))
            let versions = try await workspace.repository.mapVersions(of: tenant)
            let head = try #require(versions.last).number
            let released = try #require(versions.last { $0.release == .released }).number
            let compare = try await page(manager, "/map/versions/compare?from=\(released)&to=\(head)").1
            #expect(compare.contains("Aufgabe „\(Self.task) (Tiefbauamt)“ hinzugefügt"))

            #expect(try await post(manager, "/map/versions/submit", []) == .seeOther)
            #expect(try await post(manager, "/map/versions/review", [("action", "return")]) == .unprocessableContent)
            let note = "Bitte die Zuständigkeit mit dem Ordnungsamt klären."
            #expect(
                try await post(manager, "/map/versions/review", [("action", "return"), ("comment", note)]) == .seeOther)
            #expect(try await page(manager, "/map/versions").1.contains(note))
            #expect(!(try await page(reader, "/map/units/66").1.contains(Self.task)))
            #expect(try await post(manager, "/map/versions/submit", []) == .seeOther)
            #expect(try await post(manager, "/map/versions/review", [("action", "release")]) == .seeOther)
            #expect(try await page(reader, "/map/units/66").1.contains(Self.task))
            // The version released before: restored as a new draft, which readers do not see.
            #expect(try await post(manager, "/map/versions/\(released)/restore", []) == .seeOther)
            #expect(!(try await page(manager, "/map/units/66").1.contains(Self.task)))
            #expect(try await page(reader, "/map/units/66").1.contains(Self.task))
        }
    }

    /// Two people change the same flow from forms made from the same version: the first is saved, the second
    /// gets a conflict naming who saved meanwhile, and nothing of the first is lost.
    @Test func twoPeopleChangingOneFlowGetAConflictNotALostUpdate() async throws {
        let server = try await TestServer()
        let workspace = server.workspace
        let tenant = try server.tenant
        try await server.run { client in
            let first = try await Browser.start(client, uri: "/map/flows/F-001")
            let second = try await Browser.start(client, uri: "/map/flows/F-001")
            let form = try await first.page(client, "/map/flows/F-001")
            let version = try #require(
                form.firstMatch(of: /name="version" value="([0-9]+)"/).map { String($0.output.1) })
            let flow = try #require(try await workspace.snapshot(of: tenant).map.flows.first { $0.id == "F-001" })
            func fields(_ frequency: Int) -> [(String, String)] {
                [
                    ("from", flow.from.description), ("to", flow.to.description),
                    ("object", flow.objectID?.rawValue ?? ""),
                    ("channel", flow.channel.rawValue), ("medium", flow.medium.rawValue), ("frequency", "\(frequency)"),
                    ("note", ""), ("version", version),
                ]
            }
            let (headers, body) = first.form(fields(111))
            try await client.execute(uri: "/map/flows/F-001", method: .post, headers: headers, body: body) {
                #expect($0.status == .seeOther)
            }
            let (otherHeaders, otherBody) = second.form(fields(222))
            try await client.execute(uri: "/map/flows/F-001", method: .post, headers: otherHeaders, body: otherBody) {
                #expect($0.status == .conflict)
                #expect($0.text.contains("Die Organisation wurde inzwischen geändert"))
            }
            let saved = try await workspace.repository.loadMap(of: tenant).flows.first { $0.id == "F-001" }
            #expect(saved?.frequencyPerYear == 111)
        }
    }
}
