import AmtswegCore
import AmtswegServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Planning on the pages: a bad change names its problems and keeps the roadmap; deleting a goal keeps the
/// initiatives and says what lost its link; a contributor reports progress only on their unit's initiatives.
@Suite struct RoadmapPageTests {
    @Test func deletingAGoalKeepsItsInitiativesAndSaysWhatLostTheLink() async throws {
        let server = try await TestServer()
        let (workspace, tenant) = (server.workspace, try server.tenant)
        try await server.run { client in
            let browser = try await Browser.start(client, uri: "/roadmap/settings")
            let (headers, body) = browser.form([])
            let location = try await client.execute(
                uri: "/roadmap/goals/Z3/delete", method: .post, headers: headers, body: body
            ) { response in
                #expect(response.status == .seeOther)
                return try #require(response.headers[.location])
            }
            let notice = try #require(location.removingPercentEncoding)
            #expect(notice.contains("Medienbrüche beseitigen") && notice.contains("Gewerbeanzeige online mit E-Akte"))
            let roadmap = try await workspace.roadmap(of: tenant)
            #expect(roadmap.goal("Z3") == nil && roadmap.initiatives.count == 13, "the initiatives stay")
            #expect(!roadmap.initiatives.contains { $0.goalIDs.contains("Z3") })
        }
    }

    @Test func aBadChangeNamesItsProblemsAndChangesNothing() async throws {
        let server = try await TestServer()
        let (workspace, tenant) = (server.workspace, try server.tenant)
        try await server.run { client in
            let before = try await workspace.roadmap(of: tenant)
            let browser = try await Browser.start(client, uri: "/roadmap/settings")
            let (headers, body) = browser.form([
                ("saving", "-1"), ("goals", "2"), ("citizens", "x"), ("deadline", "1"), ("effort", "1"), ("risk", "1"),
                ("horizon", "99"),
            ])
            try await client.execute(uri: "/roadmap/weights", method: .post, headers: headers, body: body) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("„x“ ist keine Zahl"))
            }
            let (capacityHeaders, capacityBody) = browser.form([("capacity-33", "20"), ("exceptions-33", "Sommer: 5")])
            try await client.execute(
                uri: "/roadmap/capacities", method: .post, headers: capacityHeaders, body: capacityBody
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("„Sommer: 5“ ist keine Ausnahme"))
            }
            let (initiativeHeaders, initiativeBody) = browser.form([
                ("title", "Kreis"), ("status", "planned"), ("risk", "2"), ("duration", "1"), ("dependency", "M01"),
            ])
            try await client.execute(
                uri: "/roadmap/initiatives/M09", method: .post, headers: initiativeHeaders, body: initiativeBody
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("Die Abhängigkeiten bilden einen Kreis"))
            }
            #expect(try await workspace.roadmap(of: tenant) == before)
        }
    }

    @Test func contributorsReportProgressOnlyOnTheirUnitsInitiatives() async throws {
        let server = try await TestServer(localMode: false)
        _ = try await server.member("gisela", role: .contributor, unit: "32.1")
        try await server.run { client in
            let (cookie, _) = try await SignInTests.signIn(client, name: "gisela", password: TestServer.password)
            let session = try #require(cookie)
            let browser = try await Browser.start(client, uri: "/login")
            for (path, expected) in [
                ("/roadmap/initiatives/M01/notes", HTTPResponse.Status.seeOther),
                ("/roadmap/initiatives/M04/notes", .forbidden),
            ] {
                var (headers, body) = browser.form([("note", "Formular steht.")])
                headers[.cookie] = browser.cookie + "; " + session
                try await client.execute(uri: path, method: .post, headers: headers, body: body) {
                    #expect($0.status == expected, "\(path)")
                }
            }
            try await client.execute(uri: "/roadmap/initiatives/M01", method: .get, headers: [.cookie: session]) {
                response in
                #expect(response.text.contains("Formular steht."))
                #expect(!response.text.contains("Maßnahme ändern"), "no planning form for Mitwirkende")
            }
        }
    }
}
