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

    /// The Zielbild names the workshop finding it came from; the print document speaks the reader's language.
    @Test func theVisionKeepsItsSourceAndThePrintDocumentItsLanguage() async throws {
        let server = try await TestServer()
        let (workspace, tenant) = (server.workspace, try server.tenant)
        let finding = try #require(try await workspace.snapshot(of: tenant).map.findings.last)
        try await server.run { client in
            let browser = try await Browser.start(client, uri: "/roadmap/settings")
            try await client.execute(uri: "/roadmap/settings", method: .get, headers: browser.headers) {
                #expect($0.text.contains("<option value=\"\(finding.id)\""))
            }
            let (headers, body) = browser.form([
                ("statement", "Musterstadt 2031"), ("agreed-on", "30.11.2026"), ("agreed-by", "Rat"),
                ("finding", finding.id.rawValue),
            ])
            try await client.execute(uri: "/roadmap/vision", method: .post, headers: headers, body: body) {
                #expect($0.status == .seeOther)
            }
            #expect(try await workspace.roadmap(of: tenant).vision?.sourceFindingID == finding.id)
            let (badHeaders, badBody) = browser.form([("statement", "x"), ("finding", "gibt-es-nicht")])
            try await client.execute(uri: "/roadmap/vision", method: .post, headers: badHeaders, body: badBody) {
                #expect($0.status == .unprocessableContent)
                #expect($0.text.contains("Den Workshop-Befund „gibt-es-nicht“ gibt es nicht"))
            }
            let english: HTTPFields = [.cookie: browser.cookie + "; amtsweg_lang=en"]
            try await client.execute(uri: "/roadmap/print", method: .get, headers: english) { response in
                #expect(response.text.contains("<html lang=\"en\">"))
                #expect(response.text.contains("Planning period") && !response.text.contains("Planungszeitraum"))
            }
            try await client.execute(uri: "/roadmap/print", method: .get, headers: browser.headers) { response in
                #expect(response.text.contains("<html lang=\"de\">") && response.text.contains("Planungszeitraum"))
            }
        }
    }

    /// The priority matrix is for reading: every label inside the picture, none over another label or a point,
    /// and in the demo every initiative labelled.
    @Test func matrixLabelsNeitherOverlapNorLeaveThePicture() async throws {
        let server = try await TestServer()
        try await server.run { client in
            let browser = try await Browser.start(client, uri: "/roadmap")
            let page = try await client.execute(uri: "/roadmap", method: .get, headers: browser.headers) { $0.text }
            let start = try #require(page.range(of: "class=\"chart matrix\""))
            let svg = String(page[start.upperBound...].prefix { $0 != "¶" }.split(separator: "</svg>")[0])
            let circles = svg.matches(of: #/<circle cx="([0-9.]+)" cy="([0-9.]+)" r="5"[^>]*><title>(\S+) /#)
            let dots = circles.map { match in
                let (x, y) = (Double(match.output.1)!, Double(match.output.2)!)
                return (x0: x - 5, y0: y - 5, x1: x + 5, y1: y + 5)
            }
            let texts = svg.matches(
                of:
                    #/<text class="point-label" x="([0-9.]+)" y="([0-9.]+)" text-anchor="(start|end|middle)" fill="#1a1a1a">([^<]+)</text>/#
            )
            let labels = texts.map { match in
                // A lower bound of the width (narrow characters): an overlap found with it is a true overlap. The
                // browser journey measures the drawn labels exactly.
                let (x, y, width) = (
                    Double(match.output.1)!, Double(match.output.2)!, Double(match.output.4.count) * 3.3
                )
                let x0 = match.output.3 == "start" ? x : match.output.3 == "end" ? x - width : x - width / 2
                return (x0: x0, y0: y - 11, x1: x0 + width, y1: y + 2)
            }
            let labelled = Set(texts.flatMap { $0.output.4.split(separator: ", ").map(String.init) })
            #expect(dots.count == 12, "every open initiative a point")
            #expect(labelled == Set(circles.map { String($0.output.3) }), "every point named in a label")
            for (index, label) in labels.enumerated() {
                #expect(label.x0 >= 0 && label.x1 <= 600 && label.y0 >= 0 && label.y1 <= 420, "inside: \(label)")
                for other in labels[..<index] + dots {
                    #expect(
                        !(label.x0 < other.x1 && other.x0 < label.x1 && label.y0 < other.y1 && other.y0 < label.y1),
                        "\(label) overlaps \(other)")
                }
            }
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
