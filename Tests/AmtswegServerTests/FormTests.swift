import AmtswegServer
import Foundation
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

/// Forms: a valid one is saved and redirects, an invalid one comes back as 422 with the input and the
/// messages, one without the form token is refused, an oversized upload gets 413.
@Suite struct FormTests {
    @Test func workshopFindingIsRecorded() async throws {
        try await TestServer().run { client in
            let browser = try await Browser.start(client, uri: "/map/ist")
            let (headers, body) = browser.form([
                ("question", "6"), ("text", "Übergaben an die Kasse sind nicht geregelt."), ("author", "Frau Adler"),
                ("unit", "32"), ("day", "14.03.2026"),
            ])
            try await client.execute(uri: "/map/ist/findings", method: .post, headers: headers, body: body) {
                #expect($0.status == .seeOther)
            }
            try await client.execute(uri: "/map/ist", method: .get, headers: browser.headers) { response in
                #expect(response.text.contains("Übergaben an die Kasse sind nicht geregelt."))
                #expect(response.text.contains("Frau Adler, 14.03.2026"))
            }
        }
    }

    /// The middlewares read their cookies from the raw `Cookie` fields: among other cookies, in any field, with
    /// or without spaces, and not confused by a name that merely begins like theirs.
    @Test func cookiesAreFoundAmongOthers() async throws {
        try await TestServer().run { client in
            let browser = try await Browser.start(client, uri: "/map/ist")
            var headers = HTTPFields()
            headers[values: .cookie] = [
                "theme=dark;amtsweg_formular=ff; \(browser.cookie)", "amtsweg_langx=de;  amtsweg_lang=en",
            ]
            try await client.execute(uri: "/map/ist", method: .get, headers: headers) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.setCookie] == nil, "the form token was found: no new one is set")
                #expect(response.text.contains("value=\"\(browser.token)\""))
                #expect(response.text.contains("<html lang=\"en\""))
            }
            // A token that is not 64 hexadecimal digits is replaced.
            let forged = String(repeating: "g", count: 64)
            try await client.execute(
                uri: "/map/ist", method: .get, headers: [.cookie: "amtsweg_form=\(forged)"]
            ) { response in
                let cookie = try #require(response.headers[.setCookie])
                #expect(cookie.hasPrefix("amtsweg_form=") && !cookie.contains(forged))
            }
        }
    }

    @Test func invalidFindingKeepsInputAndNamesEveryProblem() async throws {
        try await TestServer().run { client in
            let browser = try await Browser.start(client, uri: "/map/ist")
            let (headers, body) = browser.form([
                ("question", "9"), ("text", ""), ("author", "Herr Berg"), ("day", "31.02.2026"),
            ])
            try await client.execute(uri: "/map/ist/findings", method: .post, headers: headers, body: body) {
                response in
                #expect(response.status == .unprocessableContent)
                let html = response.text
                #expect(html.contains("Bitte eine der sieben Fragen wählen."))
                #expect(html.contains("Bitte das Ergebnis eintragen."))
                #expect(html.contains("Das Datum bitte als TT.MM.JJJJ angeben"))
                #expect(html.contains("value=\"Herr Berg\""))
                #expect(html.contains("value=\"31.02.2026\""))
                #expect(html.contains("aria-invalid=\"true\""))
                #expect(html.contains("class=\"error-summary\" role=\"alert\""), "the summary lists the problems")
            }
        }
    }

    @Test func formsWithoutTokenAreRefused() async throws {
        try await TestServer().run { client in
            let browser = try await Browser.start(client)
            var forged = browser
            forged.token = String(repeating: "0", count: 64)
            let (headers, body) = forged.form([("question", "1"), ("text", "x"), ("author", "y")])
            try await client.execute(uri: "/map/ist/findings", method: .post, headers: headers, body: body) {
                response in
                #expect(response.status == .forbidden)
                #expect(response.text.contains("Das Formular ist abgelaufen"))
            }
        }
    }

    @Test func flowIsCreatedChangedAndRejectedWhenIncomplete() async throws {
        try await TestServer().run { client in
            let browser = try await Browser.start(client, uri: "/map/flows/new")
            let bad = browser.form([
                ("from", "unit:32"), ("to", "unit:32"), ("channel", "email"), ("frequency", "viel"),
            ])
            try await client.execute(uri: "/map/flows", method: .post, headers: bad.0, body: bad.1) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("Absender und Empfänger müssen verschieden sein."))
                #expect(response.text.contains("Bitte ein Medium wählen."))
                #expect(response.text.contains("value=\"viel\""))
                #expect(response.text.contains("role=\"alert\""))
            }
            let good = browser.form([
                ("from", "unit:32"), ("to", "unit:20"), ("channel", "eFile"), ("medium", "eFile"), ("frequency", "120"),
            ])
            let location = try await client.execute(uri: "/map/flows", method: .post, headers: good.0, body: good.1) {
                response in
                #expect(response.status == .seeOther)
                return response.headers[.location] ?? ""
            }
            let id = String(location.split(separator: "#flow-").last ?? "")
            try await client.execute(uri: "/map/flows/\(id)", method: .get, headers: browser.headers) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("value=\"120\""))
            }
            let delete = browser.form([])
            try await client.execute(uri: "/map/flows/\(id)/delete", method: .post, headers: delete.0, body: delete.1) {
                #expect($0.status == .seeOther)
            }
            try await client.execute(uri: "/map/flows/\(id)", method: .get, headers: browser.headers) {
                #expect($0.status == .notFound)
            }
        }
    }

    @Test func stepEditChangesTheStoredProcessAndItsDiagram() async throws {
        try await TestServer().run { client in
            let browser = try await Browser.start(client, uri: "/processes/baugenehmigung-ist/steps")
            let (headers, body) = browser.form([
                ("name", "Vollständigkeit digital prüfen"), ("performer", ""), ("medium", "eFile"), ("handling", "30"),
                ("waiting", "60"), ("document", "bauantrag"), ("legalBasis", "bauo-64"),
                ("document", "nicht-im-katalog"),
            ])
            try await client.execute(
                uri: "/processes/baugenehmigung-ist/steps/Vollstaendigkeit", method: .post, headers: headers, body: body
            ) { #expect($0.status == .seeOther) }
            try await client.execute(uri: "/processes/baugenehmigung-ist/diagram.svg", method: .get) { response in
                #expect(response.text.contains("digital"), "the renamed step is drawn")
            }
            try await client.execute(uri: "/processes/baugenehmigung-ist", method: .get) { response in
                // What the step uses is listed with it; an id not in the catalogue is dropped.
                #expect(response.text.contains("Bauantragsformular") && response.text.contains("§ 64 BauO NRW"))
                #expect(!response.text.contains("nicht-im-katalog"))
            }
            let invalid = browser.form([("name", ""), ("handling", "-3")])
            try await client.execute(
                uri: "/processes/baugenehmigung-ist/steps/Vollstaendigkeit", method: .post, headers: invalid.0,
                body: invalid.1
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("Bitte den Schritt benennen."))
                #expect(response.text.contains("role=\"alert\""))
            }
            let insert = browser.form([("name", "Eingang bestätigen")])
            try await client.execute(
                uri: "/processes/baugenehmigung-ist/steps/Eingang/insert", method: .post, headers: insert.0,
                body: insert.1
            ) { #expect($0.status == .seeOther) }
            let move = browser.form([("direction", "down")])
            try await client.execute(
                uri: "/processes/baugenehmigung-ist/steps/Eingang/move", method: .post, headers: move.0, body: move.1
            ) { #expect($0.status == .seeOther) }
            try await client.execute(uri: "/processes/baugenehmigung-ist", method: .get) { response in
                let html = response.text
                let inserted = try #require(html.range(of: "Eingang bestätigen"))
                let first = try #require(html.range(of: "Bauantrag annehmen und scannen"))
                #expect(inserted.lowerBound < first.lowerBound, "the first step moved below the inserted one")
            }
        }
    }

    @Test func stepsAreRemovedAndChoicesOpened() async throws {
        try await TestServer().run { client in
            let browser = try await Browser.start(client, uri: "/processes/gewerbe-anmeldung-ist/steps")
            let choice = browser.form([("question", "Gebührenfrei?"), ("first", "frei"), ("second", "pflichtig")])
            try await client.execute(
                uri: "/processes/gewerbe-anmeldung-ist/steps/Erfassen/choice", method: .post, headers: choice.0,
                body: choice.1
            ) { #expect($0.status == .seeOther) }
            try await client.execute(uri: "/processes/gewerbe-anmeldung-ist", method: .get) { response in
                #expect(response.text.contains("Entweder – oder: Gebührenfrei?"))
                #expect(response.text.contains("pflichtig: weiter bearbeiten"))
            }
            let remove = browser.form([])
            try await client.execute(
                uri: "/processes/gewerbe-anmeldung-ist/steps/Erfassen/delete", method: .post, headers: remove.0,
                body: remove.1
            ) { #expect($0.status == .seeOther) }
            try await client.execute(uri: "/processes/gewerbe-anmeldung-ist/steps", method: .get) { response in
                #expect(!response.text.contains("id=\"step-Erfassen\""))
            }
            try await client.execute(
                uri: "/processes/gewerbe-anmeldung-ist/steps/nicht-da/delete", method: .post, headers: remove.0,
                body: remove.1
            ) { #expect($0.status == .notFound) }
        }
    }

    @Test func oversizedUploadGets413() async throws {
        try await TestServer(maxUploadBytes: 2_000).run { client in
            let browser = try await Browser.start(client, uri: "/processes")
            let (headers, body) = browser.multipart(
                fields: [], file: ("file", "gross.bpmn", Data(repeating: 0x41, count: 10_000)))
            try await client.execute(uri: "/processes/upload", method: .post, headers: headers, body: body) {
                response in
                #expect(response.status == .contentTooLarge)
                #expect(response.text.contains("Die Datei ist zu groß"))
            }
        }
    }

    @Test func brokenBPMNIsRefusedWithItsPosition() async throws {
        try await TestServer().run { client in
            let browser = try await Browser.start(client, uri: "/processes")
            let (headers, body) = browser.multipart(
                fields: [], file: ("file", "kaputt.bpmn", Data("<definitions><process id=\"p\">".utf8)))
            try await client.execute(uri: "/processes/upload", method: .post, headers: headers, body: body) {
                response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("kaputt.bpmn"))
                #expect(response.text.contains("BPMN-Datei hochladen"))
            }
        }
    }

    @Test(.enabled(if: Corpus.isAvailable, "corpus missing"))
    func uploadedMIWGModelShowsItsDiagram() async throws {
        let file = try #require(Corpus.file("bpmn/miwg/Reference/A.2.0.bpmn"))
        try await TestServer().run { client in
            let browser = try await Browser.start(client, uri: "/processes")
            let (headers, body) = browser.multipart(
                fields: [("service", "")], file: ("file", "A.2.0.bpmn", try Data(contentsOf: file)))
            let location = try await client.execute(
                uri: "/processes/upload", method: .post, headers: headers, body: body
            ) { response in
                #expect(response.status == .seeOther)
                return try #require(response.headers[.location])
            }
            #expect(location.hasPrefix("/processes/"))
            let path = String(location.prefix { $0 != "?" })
            try await client.execute(uri: path, method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: path + "/diagram.svg", method: .get) { response in
                #expect(response.status == .ok && response.text.hasPrefix("<svg"))
            }
        }
    }

    @Test(.enabled(if: Corpus.isAvailable, "corpus missing"))
    func uploadedEventLogShowsDFGAndVariantsWithoutNames() async throws {
        let file = try #require(Corpus.file("eventlogs/pm4py/input_data/receipt.csv"))
        let server = try await TestServer()
        let token = try await server.member("leser", role: .reader, scope: .read).token
        try await server.run { client in
            let browser = try await Browser.start(client, uri: "/monitor")
            let (headers, body) = browser.multipart(
                fields: [("name", "Quittungen")], file: ("file", "receipt.csv", try Data(contentsOf: file)))
            let page = try await client.execute(uri: "/monitor/logs", method: .post, headers: headers, body: body) {
                response in
                #expect(response.status == .ok)
                #expect(response.text.contains("Datenschutz je Attribut"))
                return response.text
            }
            let location = try await browser.confirmPrivacy(client, page: page)
            try await client.execute(uri: location, method: .get) { response in
                let html = response.text
                #expect(html.contains("1.434") && html.contains("116"), "cases and variants as pm4py counts them")
                #expect(html.contains("Direkt-Folge-Graph") && html.contains("Varianten"))
                #expect(html.contains("pseudonymisiert"))
            }
            try await client.execute(uri: location + "/dfg.svg?view=performance&coverage=80", method: .get) {
                #expect($0.status == .ok && $0.text.contains("T02 Check"))
                #expect($0.text.contains("mittlerer Dauer"), "the legend names the figure")
            }
            try await client.execute(uri: location + "/dfg.svg?activities=100&paths=100", method: .get) {
                #expect($0.text.components(separatedBy: "<g class=\"activity\">").count - 1 == 27)
                // 114 edges between the activities, from the start and to the end, as in pm4py's DFG (+ ends).
                #expect($0.text.components(separatedBy: "<path class=\"edge\"").count - 1 == 114)
            }
            try await client.executeFinished(uri: location + "/model.svg?coverage=100&activities=100") {
                #expect($0.status == .ok && $0.headers[.contentType] == "image/svg+xml" && $0.text.contains("T04"))
            }
            try await client.execute(
                uri: "/api/v1/event-logs/\(location.split(separator: "/").last!)", method: .get, headers: .api(token)
            ) {
                response in
                let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                let statistics = try #require(json?["statistics"] as? [String: Any])
                #expect(statistics["cases"] as? Int == 1434)
                #expect((statistics["resources"] as? Int ?? 0) > 0)
            }
        }
    }

    /// A small log of the demo's business registration: the second case skips the checks; Anna (Ordnungsamt)
    /// hands work to Bernd (Stadtkasse).
    static let registrationLog = """
        case;activity;timestamp;resource
        1;Gewerbeanzeige annehmen;2026-03-02 08:00:00;Anna
        1;Vollständigkeit prüfen;2026-03-02 09:00:00;Anna
        1;Gewerbeanzeige erfassen;2026-03-02 10:00:00;Bernd
        2;Gewerbeanzeige annehmen;2026-03-03 08:00:00;Anna
        2;Akte ablegen;2026-03-03 09:30:00;Bernd
        """

    @Test func conformanceIsColouredAndHandoversAreShownBetweenUnits() async throws {
        let server = try await TestServer()
        let (workspace, tenant) = (server.workspace, try server.tenant)
        try await server.run { client in
            let browser = try await Browser.start(client, uri: "/monitor")
            var (headers, body) = browser.multipart(
                fields: [("name", "Gewerbe 2026"), ("process", "gewerbe-anmeldung-ist")],
                file: ("file", "gewerbe.csv", Data(Self.registrationLog.utf8)))
            // A second file: who works where.
            let units = "Ressource;Einheit\nAnna;Ordnungsamt\nBernd;Stadtkasse\n"
            var text = String(buffer: body)
            text = text.replacingOccurrences(
                of: "------amtsweg-test-boundary--\r\n",
                with:
                    "------amtsweg-test-boundary\r\nContent-Disposition: form-data; name=\"units\"; filename=\"einheiten.csv\"\r\n\r\n\(units)\r\n------amtsweg-test-boundary--\r\n"
            )
            body = ByteBuffer(string: text)
            let page = try await client.execute(uri: "/monitor/logs", method: .post, headers: headers, body: body) {
                response in
                #expect(response.status == .ok)
                #expect(response.text.contains("Datenschutz je Attribut"))
                return response.text
            }
            let location = try await browser.confirmPrivacy(client, page: page)
            try await client.executeFinished(uri: location) { response in
                let html = response.text
                #expect(html.contains("Ordnungsamt → Stadtkasse"), "hand-over between the units")
                #expect(html.contains("marker-end=\"url(#network-arrow)\""), "drawn as a network")
                #expect(!html.contains("Anna") && !html.contains("Bernd"), "no names on the page")
                #expect(html.contains("Fitness"))
                #expect(html.contains("conformance.svg?process=gewerbe-anmeldung-ist"))
                #expect(html.contains("Auswertungen je Person sind für diese Kommune ausgeschaltet."))
            }
            try await client.execute(
                uri: location + "/conformance.svg?process=gewerbe-anmeldung-ist", method: .get
            ) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("× übersprungen"), "skipped steps are marked")
            }
            try await client.executeFinished(uri: location + "?activities=50&coverage=50") { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("value=\"50\""))
            }
            for _ in 0..<2 {
                try await client.executeFinished(uri: location + "/model.svg") { response in
                    #expect(response.status == .ok && response.text.hasPrefix("<svg"))
                }
            }
            // Who ran which analysis on which log is in the audit log, once per computed analysis: the page and
            // its diagram share one alignment and one discovery (asked for again and again while they ran), the
            // filtered page has its own of each.
            let log = try await workspace.accounts.auditLog(of: tenant, since: nil, limit: 50)
            let conformance = log.filter { $0.action == "runConformance" }
            #expect(conformance.count == 2)
            let discovery = log.filter { $0.action == "runDiscovery" }
            #expect(discovery.count == 2)
            #expect(
                (conformance + discovery).allSatisfy { $0.object.hasPrefix("eventLog:") && $0.author == .local })
        }
    }

    @Test func brokenEventLogStoresNothing() async throws {
        let server = try await TestServer()
        let token = try await server.member("leser", role: .reader, scope: .read).token
        try await server.run { client in
            let browser = try await Browser.start(client, uri: "/monitor")
            let (headers, body) = browser.multipart(
                fields: [], file: ("file", "kaputt.xes", Data("<log><trace><event><string key=\"concept:name".utf8)))
            try await client.execute(uri: "/monitor/logs", method: .post, headers: headers, body: body) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("kaputt.xes"))
            }
            try await client.execute(uri: "/api/v1/event-logs", method: .get, headers: .api(token)) { response in
                #expect(response.text.contains("\"total\":1"), "only the demo's log")
            }
        }
    }
}
