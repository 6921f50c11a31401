import AmtswegCore
import AmtswegServer
import AmtswegStore
import FIM
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

/// Two tenants in one installation: generated from the route table, a member of the demo tenant asking for the
/// other tenant's objects gets 404 on every route, and no list, search or export shows them.
@Suite struct IsolationTests {
    /// The other tenant's objects; every name and id carries "nurinb", so that any leak is found by text.
    struct Other: Sendable {
        var tenant: ID<Tenant> = "gemeinde-nurinb"
        var unit = "amt-nurinb"
        var flow = "fluss-nurinb"
        var process = "prozess-nurinb"
        var step = ""
        var log = ""
        var account = "konto-nurinb"
        var token = ""
        var initiative = "massnahme-nurinb"
        var job = ""
        var comment = "kommentar-nurinb"
        var proposal = "vorschlag-nurinb"
        var round = "runde-nurinb"
        var answer = "antwort-nurinb"
        var service = "leistung-nurinb"
        var master = "99000000000099"

        /// The value of a path parameter of `path`, for the route table's generated requests.
        func value(_ parameter: String, in path: String) -> String? {
            switch parameter {
            case "id" where path.contains("/ozg/services/"): service
            case "id" where path.contains("/processes/fim/") || path.contains("/fim/references/"): master
            case "id" where path.contains("/units/"): unit
            case "id" where path.contains("/flows/"): flow
            case "id" where path.contains("/processes/"): process
            case "id" where path.contains("/logs/") || path.contains("/event-logs/"): log
            case "id" where path.contains("/initiatives"): initiative
            case "id" where path.contains("/roadmap/fields"): "feld-nurinb"
            case "id" where path.contains("/roadmap/goals"): "ziel-nurinb"
            case "id" where path.hasPrefix("/comments/"): comment
            case "id" where path.contains("/proposals/"): proposal
            case "id" where path.contains("/workshops/"): round
            case "leika": "99999001000000"
            case "unit": unit
            case "answer": answer
            case "question": "1"
            case "key": "longWait|step|\(process)|nurinb"
            case "ist", "soll": process
            case "step": step
            case "account": account
            case "token": token
            case "job": job
            case "number" where path.hasPrefix("/map/versions"): "13"
            case "number": "1"
            default: nil
            }
        }
    }

    /// The other tenant with its map, process and account; its event log comes through the API (``upload``).
    /// Names and ids of the other tenant's objects, as lists and searches would show them.
    static let markers = [
        "Gemeinde nurinb", "amt-nurinb", "Amt nurinb", "fluss-nurinb", "prozess-nurinb", "Prozess nurinb",
        "Protokoll nurinb", "A nurinb", "konto-nurinb", "massnahme-nurinb", "Maßnahme nurinb", "Ziel nurinb",
        "Feld nurinb", "Zielbild nurinb", "Kommentar nurinb", "Vorschlag nurinb", "Runde nurinb", "runde-nurinb",
        "Leistung nurinb", "leistung-nurinb", "Bewertet nurinb", "Thema nurinb", "Lage nurinb", "OZG nurinb",
        "LeiKa nurinb", "Katalog nurinb", "Referenz nurinb",
    ]

    static func makeOther(_ server: TestServer) async throws -> (Other, token: String) {
        var other = Other()
        var map = TenantMap(tenant: Tenant(id: other.tenant, name: "Gemeinde nurinb", ags: "01001000", population: 900))
        map.units = [
            OrgUnit(id: ID(other.unit), name: "Amt nurinb", kind: .amt),
            OrgUnit(id: "zweites-nurinb", name: "Zweites Amt nurinb", kind: .amt),
        ]
        map.services = [
            Service(
                id: ID(other.service), name: "Leistung nurinb", leikaKey: LeiKaKey("99999001000000")!,
                unitID: ID(other.unit))
        ]
        map.flows = [
            InformationFlow(
                id: ID(other.flow), from: .unit(ID(other.unit)), to: .unit("zweites-nurinb"), channel: .email,
                medium: .email, frequencyPerYear: 3)
        ]
        let demo = try await server.workspace.snapshot(of: try server.tenant)
        let template = try #require(demo.records.first)
        let record = ProcessRecord(
            id: ID(other.process), name: "Prozess nurinb", ownerUnitID: ID(other.unit),
            bpmn: template.bpmn.replacingOccurrences(of: template.id.rawValue, with: other.process))
        try await server.workspace.saveTenant(TenantContents(map: map, processes: [record]), by: .local)
        let roadmap = Roadmap(
            vision: Vision(statement: "Zielbild nurinb"),
            goals: [
                Goal(
                    id: "ziel-nurinb", title: "Ziel nurinb", indicator: Indicator(.raciCompleteness),
                    baseline: .init(value: 10, day: Day(year: 2026, month: 1, day: 1)!),
                    target: .init(value: 90, day: Day(year: 2027, month: 1, day: 1)!), direction: .increase)
            ],
            fields: [FieldOfAction(id: "feld-nurinb", name: "Feld nurinb", kind: .operational)],
            initiatives: [
                Initiative(
                    id: ID(other.initiative), title: "Maßnahme nurinb", ownerUnitID: ID(other.unit),
                    efforts: [.init(unitID: ID(other.unit), personDays: 3)], status: .planned)
            ])
        try await server.workspace.saveRoadmap(
            roadmap, of: other.tenant, change: MapChange(action: "saveRoadmap", object: "roadmap", summary: "nurinb"),
            by: .local)
        try await server.workspace.addComment(
            Comment(
                id: ID(other.comment), subject: .process(ID(other.process)),
                author: Author(id: "account:\(other.account)", displayName: "Person nurinb"), text: "Kommentar nurinb",
                writtenAt: Date()), of: other.tenant)
        try await server.workspace.addProposal(
            Proposal(
                id: ID(other.proposal), subject: .process(ID(other.process)), title: "Vorschlag nurinb", problem: "a",
                change: "b", benefit: "c", author: Author(id: "account:\(other.account)", displayName: "Person nurinb"),
                submittedAt: Date()), of: other.tenant)
        // Thirteen versions of the other tenant's organisation: the demo tenant has fewer, so the other's
        // version 13 names an object only the other tenant has.
        for number in 2...13 {
            var renamed = map
            renamed.units[0].name = "Amt nurinb \(number)"
            try await server.workspace.saveMap(
                renamed, change: MapChange(action: "saveMap", object: "unit:\(other.unit)", summary: "nurinb"),
                by: .local, basedOn: nil)
        }
        try await server.workspace.openWorkshopRound(
            WorkshopRound(
                id: ID(other.round), title: "Runde nurinb", unitIDs: [ID(other.unit)],
                deadline: Day(Date()).adding(days: 7), openedOn: Day(Date()), openedBy: .local), of: other.tenant)
        try await server.workspace.saveWorkshopAnswer(
            WorkshopAnswer(
                id: ID(other.answer), roundID: ID(other.round), unitID: ID(other.unit), question: .whoWithWhom,
                change: .confirmed, answeredBy: .local, answeredAt: Date()), of: other.tenant)
        try await server.workspace.importOZGCatalogue(
            OZGCatalogue(
                snapshot: .init(source: "Katalog nurinb", asOf: nil), topics: [OZGTopic(id: 901, name: "Thema nurinb")],
                situations: [OZGSituation(id: 902, name: "Lage nurinb", topicID: 901)],
                services: [OZGService(id: 903, name: "OZG nurinb", situationID: 902)],
                entries: [LeiKaEntry(key: LeiKaKey("99999001000000"), name: "LeiKa nurinb", ozgServiceID: 903)]),
            into: other.tenant, by: .local)
        _ = try await FIMLibrary.importMessage(
            XProzessSample.message(id: other.master, version: "1", name: "Referenz nurinb", bpmn: template.bpmn),
            file: "nurinb.xml", workspace: server.workspace, tenant: other.tenant, by: .local)
        let model = MaturityModelReader.builtIn()
        try await server.workspace.saveMaturityModel(model, of: other.tenant, by: .local)
        try await server.workspace.recordMaturityAssessment(
            MaturityAssessment(
                serviceID: ID(other.service), modelVersion: model.version,
                ratings: Dictionary(uniqueKeysWithValues: model.criteria.map { ($0.id, .level(1)) }), targetLevel: 3,
                assessedOn: Day(Date()), assessedBy: "Bewertet nurinb"), of: other.tenant, by: .local)
        let snapshot = try await server.workspace.snapshot(of: other.tenant)
        other.step = try #require(snapshot.process(other.process)?.steps.first?.id)
        let (_, token) = try await server.member(other.account, role: .processManagement, tenant: other.tenant)
        other.token = try #require(try await server.workspace.accounts.tokens(of: ID(other.account)).first).id.rawValue
        return (other, token)
    }

    static func upload(_ client: any TestClientProtocol, token: String) async throws -> String {
        try await client.execute(
            uri: "/api/v1/event-logs?file=nurinb.csv&name=Protokoll%20nurinb", method: .post,
            headers: .api(token, contentType: "text/csv"),
            body: ByteBuffer(
                string: "case;activity;timestamp\n1;A nurinb;2026-01-01 08:00:00\n1;B;2026-01-01 09:00:00\n")
        ) { response in
            #expect(response.status == .created)
            let object = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
            return try #require(object?["id"] as? String)
        }
    }

    @Test func membersSeeNothingOfAnotherTenant() async throws {
        let server = try await TestServer(localMode: false)
        let (prepared, token) = try await Self.makeOther(server)
        let callers = try await Caller.all(server)
        let admin = try #require(callers.first { $0.role == .administration })
        let entries = server.routes.entries
        let workspace = server.workspace
        try await server.run { client in
            var other = prepared
            other.log = try await Self.upload(client, token: token)
            other.job = try await client.execute(
                uri: "/api/v1/event-logs/\(other.log)/discovery", method: .get, headers: .api(token)
            ) { response in
                let object = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                return try #require(object?["id"] as? String)
            }
            var withObjects = 0
            for entry in entries where entry.permission != .anyone {
                let admin = try await admin.signedIn(workspace)
                var missing: String?
                let path = RoutePermissionTests.path(entry) { parameter in
                    other.value(parameter, in: entry.path)
                        ?? {
                            missing = parameter
                            return ""
                        }()
                }
                #expect(missing == nil, "\(entry.path): no object of the other tenant for :\(missing ?? "")")
                let (headers, body) = admin.request(entry, path: path)
                if entry.path.contains(":") {
                    withObjects += 1
                    try await client.execute(uri: path, method: entry.method, headers: headers, body: body) {
                        #expect($0.status == .notFound, "\(entry.method) \(path): \($0.status)")
                    }
                } else if entry.method == .get {
                    for query in ["", "?q=nurinb", "?q=nurinb&limit=500"] {
                        try await client.execute(uri: path + query, method: .get, headers: headers) {
                            let text = $0.text
                            // The search echoes its query; the objects' own names and ids must not appear.
                            let leaked = Self.markers.filter { text.contains($0) }
                            #expect(leaked.isEmpty, "\(path)\(query) shows the other tenant: \(leaked)")
                        }
                    }
                }
            }
            #expect(withObjects >= 25)
            // The same person does see the own tenant's objects on the same routes.
            let own = try await admin.signedIn(workspace)
            for path in ["/map/units/32", "/api/v1/units/32", "/processes/baugenehmigung-ist"] {
                let entry = try #require(
                    entries.first { $0.method == .get && path.hasPrefix($0.path.split(separator: ":")[0]) })
                let (headers, _) = own.request(entry, path: path)
                try await client.execute(uri: path, method: .get, headers: headers) {
                    #expect($0.status == .ok, "\(path)")
                }
            }
            // Nor can the session be moved into the other tenant.
            let browser = try await admin.signedIn(workspace)
            let (headers, _) = browser.request(
                RouteTable.Entry(method: .post, path: "/account/tenant", permission: .signedIn), path: "/account/tenant"
            )
            try await client.execute(
                uri: "/account/tenant", method: .post, headers: headers,
                body: ByteBuffer(string: "csrf=\(browser.formToken)&tenant=\(other.tenant)")
            ) { #expect($0.status == .unprocessableContent) }
        }
    }
}
