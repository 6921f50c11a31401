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
}
