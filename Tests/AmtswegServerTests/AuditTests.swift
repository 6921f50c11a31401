import AmtswegCore
import AmtswegServer
import AmtswegStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

/// Generated from the route table: every write route, sent a valid request, leaves exactly one entry in the
/// tenant's audit log naming the person, the action and the object.
@Suite struct AuditTests {
    /// A valid request for a write route: form fields (pages) or a body (API), and how many entries it makes.
    struct Example {
        var path: String
        var fields: [(String, String)] = []
        var body: String?
        var contentType = "application/json"
        /// A form without its own step: `POST /monitor/logs` only reads the file and stores nothing.
        var entries = 1
        /// Who sends it: the administrator (default), or anonymous for signing in.
        var anonymous = false
    }

    static let privacyPath = "/privacy"

    static let csv = "case;activity;timestamp\n1;A;2026-01-01 08:00:00\n1;B;2026-01-01 09:00:00\n"

    static func example(
        _ entry: RouteTable.Entry, snapshot: TenantSnapshot, tokenID: String
    ) -> Example? {
        let bpmn = snapshot.records.first { $0.id == "baugenehmigung-ist" }!.bpmn
        let flows = snapshot.map.flows.map(\.id.rawValue)
        switch entry.path {
        case "/map/flows":
            return Example(
                path: entry.path,
                fields: [
                    ("from", "unit:32"), ("to", "unit:20"), ("channel", "eFile"), ("medium", "eFile"),
                    ("frequency", "12"),
                ])
        case "/map/flows/:id":
            return Example(
                path: "/map/flows/\(flows[0])",
                fields: [
                    ("from", "unit:32"), ("to", "unit:20"), ("channel", "post"), ("medium", "paper"),
                    ("frequency", "3"),
                ])
        case "/map/flows/:id/delete": return Example(path: "/map/flows/\(flows[1])/delete")
        case "/map/ist/findings":
            return Example(
                path: entry.path,
                fields: [("question", "6"), ("text", "Unklar."), ("author", "Frau Adler"), ("day", "14.03.2026")])
        case "/processes/upload": return nil  // multipart: below
        case "/processes/:id/steps/:step":
            return Example(
                path: "/processes/baugenehmigung-ist/steps/Vollstaendigkeit",
                fields: [
                    ("name", "Vollständigkeit prüfen"), ("performer", ""), ("medium", "eFile"), ("handling", "30"),
                    ("waiting", "60"),
                ])
        case "/processes/:id/steps/:step/move":
            return Example(
                path: "/processes/gewerbe-anmeldung-ist/steps/Erfassen/move", fields: [("direction", "down")])
        case "/processes/:id/steps/:step/delete":
            return Example(path: "/processes/wohnsitz-anmeldung-ist/steps/Erfassen/delete")
        case "/processes/:id/steps/:step/insert":
            return Example(path: "/processes/gewerbe-anmeldung-ist/steps/Erfassen/insert", fields: [("name", "Neu")])
        case "/processes/:id/steps/:step/choice":
            return Example(
                path: "/processes/gewerbe-anmeldung-ist/steps/Erfassen/choice", fields: [("question", "Frei?")])
        case "/monitor/logs", "/monitor/logs/privacy": return nil  // multipart and two steps: below
        case "/monitor/logs/:id/steps":
            // The demo log's activities are the trade registration's step names; each confirmed as its step.
            let steps = snapshot.process("gewerbe-anmeldung-ist")!.steps.filter {
                DemoLogActivities.stepIDs.contains($0.id)
            }
            return Example(
                path: "/monitor/logs/gewerbe-2026/steps",
                fields: steps.flatMap { [("activity", $0.name), ("step", $0.id)] })
        case "/login":
            return Example(
                path: entry.path, fields: [("name", "person-reader"), ("password", TestServer.password)],
                anonymous: true)
        case "/logout": return Example(path: entry.path)
        case "/account/password":
            return Example(
                path: entry.path,
                fields: [
                    ("current-password", TestServer.password), ("new-password", TestServer.password),
                    ("repeat-password", TestServer.password),
                ])
        case "/account/tokens": return Example(path: entry.path, fields: [("label", "Skript"), ("scope", "read")])
        case "/account/tokens/:token/revoke": return Example(path: "/account/tokens/\(tokenID)/revoke")
        case "/account/tenant": return Example(path: entry.path, fields: [("tenant", snapshot.map.tenant.id.rawValue)])
        case "/admin/accounts":
            return Example(
                path: entry.path,
                fields: [
                    ("name", "neu"), ("display-name", "Neue Person"), ("role", "reader"),
                    ("password", TestServer.password),
                ])
        case "/admin/accounts/:account":
            return Example(path: "/admin/accounts/person-reader", fields: [("role", "staff-council")])
        case "/admin/accounts/:account/reset":
            return Example(path: "/admin/accounts/person-reader/reset", fields: [("password", TestServer.password)])
        case "/admin/accounts/:account/disable": return Example(path: "/admin/accounts/person-contributor/disable")
        case "/admin/accounts/:account/enable": return Example(path: "/admin/accounts/person-contributor/enable")
        case "/admin/accounts/:account/tokens":
            return Example(
                path: "/admin/accounts/person-reader/tokens", fields: [("label", "Für Lena"), ("scope", "read")])
        case "/privacy": return nil  // only Personalrat/Datenschutz: below
        case "/roadmap/measurements": return Example(path: entry.path, fields: [("force", "1")])
        case "/processes/settings":
            return Example(
                path: entry.path,
                fields: [
                    ("hours-per-day", "7,8"), ("annual-hours", "1600"), ("hourly-cost", "65"), ("max-desks", "5"),
                    ("long-wait-days", "5"),
                ])
        case "/roadmap/initiatives":
            return Example(
                path: entry.path,
                fields: [
                    ("title", "Neue Maßnahme"), ("status", "idea"), ("risk", "2"), ("duration", "1"), ("cost", "0"),
                    ("effort-unit-1", "33"), ("effort-days-1", "5"),
                ])
        case "/roadmap/initiatives/:id":
            return Example(
                path: "/roadmap/initiatives/M05",
                fields: [("title", "Rückfragen bündeln"), ("status", "planned"), ("risk", "1"), ("duration", "1")])
        case "/roadmap/vision":
            return Example(path: entry.path, fields: [("statement", "Alles digital."), ("agreed-on", "01.12.2026")])
        case "/roadmap/weights":
            return Example(
                path: entry.path,
                fields: [
                    ("saving", "3"), ("goals", "2"), ("citizens", "2"), ("deadline", "1"), ("effort", "2"),
                    ("risk", "1"),
                    ("horizon", "12"),
                ])
        case "/roadmap/capacities":
            return Example(path: entry.path, fields: [("capacity-33", "30"), ("exceptions-33", "2027-Q3: 10")])
        case "/roadmap/fields":
            return Example(path: entry.path, fields: [("name", "Neues Feld"), ("kind", "strategic")])
        case "/roadmap/fields/:id":
            return Example(path: "/roadmap/fields/H1", fields: [("name", "Zusammenarbeit"), ("kind", "operational")])
        case "/roadmap/fields/:id/delete": return Example(path: "/roadmap/fields/H4/delete")
        case "/roadmap/goals":
            return Example(
                path: entry.path,
                fields: [
                    ("title", "Mehr online"), ("indicator", "digitalEntryShare"), ("scope", "tenant"),
                    ("baseline-day", "01.12.2026"), ("target-value", "60"), ("target-day", "31.12.2028"),
                ])
        case "/roadmap/goals/:id":
            return Example(
                path: "/roadmap/goals/Z5",
                fields: [
                    ("title", "RACI vollständig"), ("indicator", "raciCompleteness"), ("scope", "tenant"),
                    ("baseline-value", "70"), ("baseline-day", "26.03.2026"), ("target-value", "100"),
                    ("target-day", "30.06.2027"),
                ])
        case "/roadmap/goals/:id/delete": return Example(path: "/roadmap/goals/Z4/delete")
        case "/processes/:id/comments":
            return Example(
                path: "/processes/baugenehmigung-ist/comments",
                fields: [("step", "Eingang"), ("text", "Bitte prüfen.")])
        case "/comments": return Example(path: entry.path, fields: [("subject", "unit:33"), ("text", "Wer vertritt?")])
        case "/comments/:id/resolve": return Example(path: "/comments/demo-8/resolve")
        // Review steps on processes the demo leaves in the state each needs (``Musterstadt/reviewHistory()``).
        case "/processes/:id/submit": return Example(path: "/processes/strassenlaterne-ist/submit")
        case "/processes/:id/review":
            return Example(path: "/processes/kita-platz-ist/review", fields: [("action", "archive")])
        case "/processes/:id/versions/:number/restore":
            return Example(path: "/processes/hundesteuer-ist/versions/1/restore", fields: [("version", "3")])
        case "/api/v1/processes/:id/submit":
            return Example(path: "/api/v1/processes/bewohnerparken-ist/submit", body: "")
        case "/api/v1/processes/:id/review":
            // Returned with a note: the step and the note (a comment on the process) are two entries.
            return Example(
                path: "/api/v1/processes/fundsachen-ist/review",
                body: #"{"action":"return","comment":"Bitte die Frist begründen.","version":2}"#, entries: 2)
        case "/optimize/proposals":
            return Example(
                path: entry.path,
                fields: [
                    ("subject", "process:baugenehmigung-ist"), ("title", "Weniger Papier"), ("problem", "Papier."),
                    ("change", "Scannen."), ("benefit", "Schneller."),
                ])
        case "/optimize/proposals/:id/vote": return Example(path: "/optimize/proposals/demo-v6/vote")
        case "/optimize/proposals/:id/withdraw": return Example(path: "/optimize/proposals/audit-withdraw/withdraw")
        case "/optimize/proposals/:id/decide":
            return Example(path: "/optimize/proposals/demo-v6/decide", fields: [("decision", "review")])
        case "/api/v1/proposals":
            return Example(
                path: entry.path,
                body:
                    #"{"subject":"unit:33","title":"Samstags öffnen","problem":"a","change":"b","benefit":"c","anonymous":true}"#
            )
        case "/api/v1/proposals/:id/vote": return Example(path: "/api/v1/proposals/demo-v2/vote", body: "")
        case "/map/workshops":
            let deadline = GermanFormat.date(Day(Date()).adding(days: 30))
            return Example(path: entry.path, fields: [("title", "Nachfrage"), ("deadline", deadline), ("unit", "33")])
        case "/map/workshops/:id/close": return Example(path: "/map/workshops/audit-close/close")
        // The demo's organisation has a draft on top: submitted, then released, then version 1 restored.
        case "/roadmap/ozg/services/:id":
            return Example(
                path: "/roadmap/ozg/services/wohngeld",
                fields: [
                    ("model", "1.1"), ("target", "3"), ("assessed-on", Day(Date()).description),
                    ("assessed-by", "Frau Adler"),
                ]
                    + [
                        "leistungsbeschreibung", "antrag", "nutzerkonto", "authentifizierung", "bezahlung", "nachweise",
                        "unterschrift", "status", "bescheid", "once-only",
                    ].map { ("criterion-" + $0, "2") })
        case "/processes/fim/:id/derive":
            return Example(
                path: "/processes/fim/99000000000001/derive",
                fields: [("id", "audit-abgeleitet-2"), ("name", "Abgeleitet"), ("version", "1")])
        case "/processes/:id/lineage/follow":
            return Example(path: "/processes/audit-abgeleitet/lineage/follow?version=2")
        case "/map/versions/submit": return Example(path: entry.path)
        case "/map/versions/review": return Example(path: entry.path, fields: [("action", "release")])
        case "/map/versions/:number/restore": return Example(path: "/map/versions/1/restore")
        case "/map/workshops/:id/answers/:answer/decide":
            return Example(path: "/map/workshops/runde-2/answers/runde-2-a1/decide", fields: [("decision", "accept")])
        case "/map/workshops/:id/contradictions":
            return Example(path: "/map/workshops/runde-2/contradictions", fields: [("answer", "runde-2-a4")])
        case "/map/workshops/:id/units/:unit/questions/:question":
            return Example(
                path: "/map/workshops/runde-2/units/32.2/questions/1",
                fields: [("intent", "add"), ("name", "Baustellen")])
        case "/api/v1/workshops":
            return Example(
                path: entry.path,
                body: #"{"title":"Über die API","deadline":"\#(Day(Date()).adding(days: 30))","units":["33","50"]}"#)
        case "/api/v1/workshops/:id/close": return Example(path: "/api/v1/workshops/audit-close-api/close", body: "")
        case "/api/v1/fim/references":
            let bpmn = snapshot.records.first { $0.id == "baugenehmigung-ist" }!.bpmn
            var example = Example(
                path: entry.path,
                body: String(
                    decoding: XProzessSample.message(
                        id: "99000000000003", version: "1", name: "Über die API", bpmn: bpmn),
                    as: UTF8.self))
            example.contentType = "application/xml"
            return example
        case "/api/v1/fim/references/:id/derive":
            return Example(
                path: "/api/v1/fim/references/99000000000001/derive",
                body: #"{"process":"audit-abgeleitet-api","version":"1"}"#)
        case "/api/v1/fim/processes/:id/follow":
            return Example(path: "/api/v1/fim/processes/audit-abgeleitet/follow", body: #"{"version":"2"}"#)
        case "/api/v1/ozg/services/:id/maturity":
            let ratings = [
                "leistungsbeschreibung", "antrag", "nutzerkonto", "authentifizierung", "bezahlung", "nachweise",
                "unterschrift", "status", "bescheid", "once-only",
            ].map { "\"\($0)\":2" }.joined(separator: ",")
            return Example(
                path: "/api/v1/ozg/services/wohngeld/maturity",
                body: #"{"ratings":{\#(ratings)},"targetLevel":3,"assessedOn":"2026-01-05","assessedBy":"API"}"#)
        case "/api/v1/workshops/:id/units/:unit/answers":
            return Example(
                path: "/api/v1/workshops/runde-2/units/22/answers", body: #"{"question":3,"confirmed":true}"#)
        case "/api/v1/workshops/:id/answers/:answer/decide":
            return Example(
                path: "/api/v1/workshops/runde-2/answers/runde-2-a3/decide",
                body: #"{"decision":"reject","note":"Gibt es schon."}"#)
        case "/api/v1/proposals/:id/withdraw":
            return Example(path: "/api/v1/proposals/audit-withdraw-api/withdraw", body: "")
        case "/api/v1/proposals/:id/decide":
            return Example(
                path: "/api/v1/proposals/demo-v3/decide", body: #"{"decision":"reject","reason":"Kommt 2028."}"#)
        case "/api/v1/processes/:id/versions/:number/restore":
            return Example(path: "/api/v1/processes/hundesteuer-soll/versions/1/restore", body: #"{"version":1}"#)
        case "/comments/:id/reopen": return Example(path: "/comments/demo-6/reopen")
        case "/roadmap/initiatives/:id/notes":
            return Example(path: "/roadmap/initiatives/M05/notes", fields: [("note", "Prüfliste abgestimmt.")])
        case "/api/v1/flows":
            return Example(
                path: entry.path,
                body:
                    #"{"id":"audit-1","from":"unit:32","to":"unit:20","channel":"email","medium":"email","frequencyPerYear":1}"#
            )
        case "/api/v1/findings":
            return Example(
                path: entry.path,
                body: #"{"id":"audit-f","question":2,"text":"x","author":"y","recordedOn":"2026-03-14"}"#)
        case "/api/v1/processes":
            return Example(path: entry.path + "?file=kopie.bpmn", body: bpmn, contentType: "application/xml")
        case "/api/v1/event-logs": return Example(path: entry.path + "?file=a.csv", body: csv, contentType: "text/csv")
        case "/api/v1/roadmap/initiatives":
            return Example(
                path: entry.path,
                body: #"{"id":"audit-m","title":"Über die API","efforts":[{"unitID":"33","personDays":4}]}"#)
        case "/api/v1/roadmap/measurements": return Example(path: entry.path + "?force=true", body: "")
        case "/api/v1/roadmap/initiatives/:id" where entry.method == .delete:
            return Example(path: "/api/v1/roadmap/initiatives/M12", body: "")
        case "/api/v1/roadmap/initiatives/:id":
            return Example(
                path: "/api/v1/roadmap/initiatives/M08",
                body: #"{"id":"M08","title":"Gesamtverantwortung klären","status":"inProgress","risk":1}"#)
        case "/api/v1/roadmap/vision":
            return Example(
                path: entry.path, body: #"{"statement":"Musterstadt 2031: alles digital.","agreedOn":"2026-11-30"}"#)
        case "/api/v1/roadmap/weights":
            return Example(
                path: entry.path, body: #"{"saving":3,"goals":2,"citizens":2,"deadline":1,"effort":2,"risk":1}"#)
        case "/api/v1/roadmap/capacities":
            return Example(
                path: entry.path,
                body:
                    #"[{"unitID":"33","personDaysPerQuarter":30,"exceptions":{"2027-Q3":10}},{"unitID":"63","personDaysPerQuarter":20}]"#
            )
        case "/api/v1/roadmap/goals":
            return Example(
                path: entry.path,
                body:
                    #"{"id":"Z-api","title":"Weniger Medienbrüche","indicator":{"kind":"mediaBreaks","scope":"tenant"},"baseline":{"value":40,"day":"2026-01-01"},"target":{"value":10,"day":"2029-12-31"},"direction":"decrease"}"#
            )
        case "/api/v1/roadmap/goals/:id" where entry.method == .delete:
            return Example(path: "/api/v1/roadmap/goals/Z3", body: "")
        case "/api/v1/roadmap/goals/:id":
            return Example(
                path: "/api/v1/roadmap/goals/Z1",
                body:
                    #"{"id":"Z1","title":"Weniger Medienbrüche","indicator":{"kind":"mediaBreaks","scope":"tenant"},"baseline":{"value":40,"day":"2026-01-01"},"target":{"value":10,"day":"2029-12-31"},"direction":"decrease"}"#
            )
        case "/api/v1/roadmap/fields":
            return Example(path: entry.path, body: #"{"id":"H-api","name":"Dienste im Netz","kind":"strategic"}"#)
        case "/api/v1/roadmap/fields/:id" where entry.method == .delete:
            return Example(path: "/api/v1/roadmap/fields/H3", body: "")
        case "/api/v1/roadmap/fields/:id":
            return Example(
                path: "/api/v1/roadmap/fields/H2", body: #"{"id":"H2","name":"Abläufe straffen","kind":"operational"}"#)
        default: return nil
        }
    }

    @Test func everyWriteRouteLeavesOneEntryNamingPersonActionAndObject() async throws {
        let server = try await TestServer(localMode: false)
        let callers = try await Caller.all(server)
        let admin = try #require(callers.first { $0.role == .administration })
        let (workspace, tenant) = (server.workspace, try server.tenant)
        let snapshot = try await workspace.snapshot(of: tenant)
        // A token of its own to revoke: the one the API examples use must stay valid.
        let account = try #require(try await workspace.accounts.account("person-administration"))
        _ = try await TokenIssuer(accounts: workspace.accounts).issue(
            for: account, tenant: tenant, label: "Zum Widerrufen", scope: .read, by: .local)
        let tokenID = try #require(
            try await workspace.accounts.tokens(of: account.id).first { $0.label == "Zum Widerrufen" }
        ).id.rawValue
        let entries = server.routes.entries.filter(\.isWrite)
        // A reference process in two versions and a local process following the first, for deriving and following.
        let bpmn = snapshot.records.first { $0.id == "baugenehmigung-ist" }!.bpmn
        for version in ["1", "2"] {
            _ = try await FIMLibrary.importMessage(
                XProzessSample.message(id: "99000000000001", version: version, name: "Referenz", bpmn: bpmn),
                file: "referenz.xml", workspace: workspace, tenant: tenant, by: .local)
            if version == "1" {
                try await FIMLibrary.derive(
                    master: "99000000000001", version: "1", as: "audit-abgeleitet", name: nil, workspace: workspace,
                    tenant: tenant, by: .local)
            }
        }
        try await server.run { client in
            var checked = 0
            for entry in entries {
                if entry.path.hasSuffix("workshops/:id/close") {
                    // A round of its own to close: the demo's running round takes answers in other examples.
                    try await workspace.openWorkshopRound(
                        WorkshopRound(
                            id: ID(entry.isAPI ? "audit-close-api" : "audit-close"), title: "Zum Schließen",
                            unitIDs: ["33"], deadline: Day(Date()).adding(days: 7), openedOn: Day(Date()),
                            openedBy: .local), of: tenant)
                }
                if entry.path.hasSuffix("proposals/:id/withdraw") {
                    // Only its author withdraws a proposal: the administrator's own, made before counting.
                    let id = entry.isAPI ? "audit-withdraw-api" : "audit-withdraw"
                    try await workspace.addProposal(
                        try Proposal.submitted(
                            id: ID(id), about: .process("baugenehmigung-ist"), title: "Zum Zurückziehen", problem: "a",
                            change: "b", benefit: "c", hoursPerYear: nil,
                            by: Author(id: "account:\(admin.account!)", displayName: "Verwaltung"), anonymously: false,
                            at: Date()), of: tenant)
                }
                let before = try await workspace.accounts.auditLog(of: tenant, since: nil, limit: 10_000).count
                let caller = try await admin.signedIn(workspace)
                var expected = 1
                var author = caller.account.map { "account:\($0)" } ?? ""
                if entry.path == Self.privacyPath {
                    // Switching person-level figures is the staff council's.
                    let council = try await callers.first { $0.role == .staffCouncil }!.signedIn(workspace)
                    author = "account:\(council.account!)"
                    let (headers, _) = council.request(entry, path: entry.path)
                    try await client.execute(
                        uri: entry.path, method: .post, headers: headers,
                        body: ByteBuffer(string: "csrf=\(council.formToken)&person-level=on")
                    ) { #expect($0.status == .seeOther, "\($0.text.prefix(300))") }
                } else if entry.path == "/processes/upload" || entry.path == "/processes/fim"
                    || entry.path == "/monitor/logs"
                    || entry.path == "/monitor/logs/privacy"
                {
                    expected = try await Self.upload(entry.path, client: client, caller: caller, snapshot: snapshot)
                } else {
                    let example = try #require(
                        Self.example(entry, snapshot: snapshot, tokenID: tokenID),
                        "no example for \(entry.method) \(entry.path): add one, so that its audit entry is checked")
                    let sender = example.anonymous ? Caller(role: nil) : caller
                    if example.anonymous { author = "account:person-reader" }
                    var (headers, body) = sender.request(entry, path: example.path)
                    if entry.isAPI {
                        headers[.contentType] = example.contentType
                        body = ByteBuffer(string: example.body ?? "")
                    } else {
                        body = ByteBuffer(
                            string: ([("csrf", sender.formToken)] + example.fields).map {
                                "\($0)=\(Browser.encode($1))"
                            }
                            .joined(separator: "&"))
                    }
                    try await client.execute(uri: example.path, method: entry.method, headers: headers, body: body) {
                        #expect($0.status.code < 400, "\(entry.path): \($0.status) \($0.text.prefix(300))")
                    }
                    expected = example.entries
                }
                let after = try await workspace.accounts.auditLog(of: tenant, since: nil, limit: 10_000)
                let new = after.prefix(after.count - before)
                #expect(
                    new.count == expected, "\(entry.method) \(entry.path): \(new.count) entries \(new.map(\.action))")
                for record in new {
                    #expect(record.author.id == author, "\(entry.path): by \(record.author.id), not \(author)")
                    #expect(!record.action.isEmpty && !record.object.isEmpty, "\(entry.path): \(record)")
                    #expect(record.tenantID == tenant)
                }
                checked += 1
            }
            #expect(checked == entries.count && checked >= 25)
        }
    }

    /// The multipart uploads: a BPMN file (one entry), an event log's first step (none) and second (one).
    static func upload(
        _ path: String, client: any TestClientProtocol, caller: Caller, snapshot: TenantSnapshot
    ) async throws -> Int {
        let browser = Browser(
            cookie: "amtsweg_form=\(caller.formToken); amtsweg_session=\(caller.sessionCookie!)",
            token: caller.formToken)
        if path == "/processes/fim" {
            let bpmn = snapshot.records.first { $0.id == "baugenehmigung-ist" }!.bpmn
            let message = XProzessSample.message(id: "99000000000002", version: "1", name: "Hochgeladen", bpmn: bpmn)
            let (headers, body) = browser.multipart(fields: [], file: ("file", "referenz.xml", message))
            try await client.execute(uri: path, method: .post, headers: headers, body: body) {
                #expect($0.status == .seeOther, "\($0.text.prefix(300))")
            }
            return 1
        }
        if path == "/processes/upload" {
            let bpmn = snapshot.records.first { $0.id == "baugenehmigung-ist" }!.bpmn
            let (headers, body) = browser.multipart(fields: [], file: ("file", "kopie.bpmn", Data(bpmn.utf8)))
            try await client.execute(uri: path, method: .post, headers: headers, body: body) {
                #expect($0.status == .seeOther, "\($0.text.prefix(300))")
            }
            return 1
        }
        let (headers, body) = browser.multipart(fields: [], file: ("file", "a.csv", Data(csv.utf8)))
        let page = try await client.execute(uri: "/monitor/logs", method: .post, headers: headers, body: body) {
            $0.text
        }
        guard path == "/monitor/logs/privacy" else { return 0 }
        _ = try await browser.confirmPrivacy(client, page: page)
        return 1
    }

    @Test func downloadsAreInTheAuditLog() async throws {
        let server = try await TestServer()
        let token = try await server.member("skript", role: .reader, scope: .read).token
        let (workspace, tenant) = (server.workspace, try server.tenant)
        try await server.run { client in
            try await client.execute(uri: "/processes/baugenehmigung-ist/bpmn", method: .get) {
                #expect($0.status == .ok)
            }
            try await client.execute(
                uri: "/api/v1/processes/baugenehmigung-ist/bpmn", method: .get, headers: .api(token)
            ) {
                #expect($0.status == .ok)
            }
            let exports = try await workspace.accounts.auditLog(of: tenant, since: nil, limit: 20)
                .filter { $0.action == "exportProcess" && $0.object == "process:baugenehmigung-ist" }
            #expect(exports.map(\.author.id).sorted() == ["account:skript", "local"])
        }
    }
}

/// The steps the demo's trade-registration log runs (``Musterstadt/gewerbeLog(cases:minutesPerWorkingDay:)``).
enum DemoLogActivities {
    static let stepIDs: Set<String> = [
        "Eingang", "Pruefen", "Nachfordern", "Erfassen", "Gebuehr", "Steuer", "Informieren", "Bestaetigen", "Ablegen",
    ]
}
