import AmtswegCore
import AmtswegServer
import AmtswegStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Generated from the route table: whoever may not see drafts (Lesende, Personalrat/Datenschutz) never receives
/// a draft, a version under review, an archived version or a comment on any of them — through any page or API
/// route, whatever the route's parameters name. The demo's review history (``Musterstadt/reviewHistory()``)
/// leaves processes in every state; each unreleased state has words found nowhere else.
@Suite struct VisibilityTests {
    /// Words only unreleased versions and comments on them contain.
    static let unreleased = [
        "Straßenlaterne",  // a process never released
        "Rückfragen telefonisch",  // the dog tax's draft on top of its release
        "Steuerbescheid von Hand",  // the dog tax's archived first version
        "digitale Fundliste",  // the lost-property process in review
        "selbst abrufen",  // the parking permit's returned draft
        "Ausgabe des Ausweises dauert",  // the comment that returned it
        "Baustellenkoordination",  // a task in the organisation's draft
    ]

    /// Values for the route parameters: every process with an unreleased version, each version number, and
    /// existing objects of the demo for the rest, so the routes reach their handlers.
    static let processes = ["strassenlaterne-ist", "hundesteuer-ist", "fundsachen-ist", "bewohnerparken-ist"]

    static func paths(_ entry: RouteTable.Entry, snapshot: TenantSnapshot) -> [String] {
        var paths = [""]
        for segment in entry.path.split(separator: "/") {
            let values: [String]
            switch segment {
            case ":id" where entry.path.contains("/processes/"): values = processes
            case ":id" where entry.path.contains("/ozg/services/"): values = ["hundesteuer", "bewohnerparken"]
            case ":id" where entry.path.contains("/proposals/"): values = ["demo-v2"]
            case ":id" where entry.path.contains("/workshops/"): values = ["runde-1", "runde-2"]
            case ":unit": values = ["32.1"]
            case ":question": values = ["2"]
            case ":id" where entry.path.contains("/units/"): values = ["22", "33"]
            case ":id" where entry.path.contains("/logs/") || entry.path.contains("/event-logs/"):
                values = ["gewerbe-2026"]
            case ":id" where entry.path.hasPrefix("/comments/"): values = ["demo-review-8"]
            case ":id" where entry.path.contains("/flows"): values = [snapshot.map.flows[0].id.rawValue]
            case ":ist", ":soll": values = processes
            case ":step": values = ["Rueckfragen", "Liste", "Melderegister", "Meldung"]
            case ":number": values = ["1", "2", "3"]
            case _ where segment.hasPrefix(":"): values = ["M05"]
            default: values = [String(segment)]
            }
            paths = paths.flatMap { path in values.map { path + "/" + $0 } }
        }
        return paths.map { $0.isEmpty ? "/" : $0 }
    }

    @Test(arguments: [AccessRole.reader, .staffCouncil])
    func thoseWhoMayNotSeeDraftsNeverReceiveOne(role: AccessRole) async throws {
        let server = try await TestServer(localMode: false)
        let (account, token) = try await server.member("person-\(role.rawValue)", role: role, unit: nil)
        let caller = try await Caller(role: role, account: account.id, tenant: try server.tenant, token: token)
            .signedIn(server.workspace)
        let snapshot = try await server.workspace.snapshot(of: try server.tenant)
        // The demo holds what the test looks for: otherwise it would pass for want of drafts.
        let working = try await server.workspace.snapshot(of: try server.tenant, view: .working)
        #expect(working.records.contains { $0.name.contains("Straßenlaterne") })
        #expect(working.map.duties.contains { $0.name.contains("Baustellenkoordination") })
        #expect(working.statuses["fundsachen-ist"]?.state == .inReview)
        #expect(working.statuses["hundesteuer-ist"] == ProcessStatus(head: 3, state: .draft, released: 2))
        // The audit log is the staff council's to read, and it names what was saved and by whom: that is its
        // purpose, not a view of the processes.
        let entries = server.routes.entries.filter {
            $0.method == .get && role.grants($0.permission) && $0.permission != .readAudit
        }
        try await server.run { client in
            var requests = 0, answered = 0
            for entry in entries {
                // The queries of the search, the audit log and the handbook (one process, one unit).
                let queries =
                    entry.path.contains(":")
                    ? [""]
                    : [
                        "", "?q=Laterne", "?q=Fundliste", "?q=Baustellen", "?limit=500",
                        "?process=strassenlaterne-ist", "?process=hundesteuer-ist", "?unit=D3",
                    ]
                for path in Self.paths(entry, snapshot: snapshot) {
                    for query in queries {
                        let (headers, _) = caller.request(entry, path: path)
                        try await client.execute(uri: path + query, method: .get, headers: headers) { response in
                            requests += 1
                            if response.status == .ok { answered += 1 }
                            for word in Self.unreleased {
                                #expect(
                                    !response.text.contains(word),
                                    "\(role) GET \(path)\(query) (\(response.status)) shows „\(word)“")
                            }
                        }
                    }
                }
            }
            #expect(requests > 150 && answered > 80, "\(requests) requests, \(answered) answered with 200")
        }
    }

    @Test func readersSeeTheReleasedVersionWithItsNumberAndTheWorkingStateStaysHidden() async throws {
        let server = try await TestServer(localMode: false)
        let (account, token) = try await server.member("person-reader", role: .reader, unit: nil)
        let reader = try await Caller(role: .reader, account: account.id, tenant: try server.tenant, token: token)
            .signedIn(server.workspace)
        let (adminAccount, adminToken) = try await server.member("person-admin", role: .administration, unit: nil)
        let admin = try await Caller(
            role: .administration, account: adminAccount.id, tenant: try server.tenant, token: adminToken
        ).signedIn(server.workspace)
        let page = RouteTable.Entry(method: .get, path: "/processes/:id", permission: .read, scope: nil)
        try await server.run { client in
            let (readerHeaders, _) = reader.request(page, path: "/processes/hundesteuer-ist")
            try await client.execute(uri: "/processes/hundesteuer-ist", method: .get, headers: readerHeaders) {
                #expect($0.status == .ok)
                #expect($0.text.contains("Freigegebene Fassung 2."))
                #expect($0.text.contains("Datengrundlage: Freigegebene Fassungen"), "the page says what it used")
                #expect($0.text.contains("Steuerbescheid im Finanzverfahren erstellen"))
            }
            let (adminHeaders, _) = admin.request(page, path: "/processes/hundesteuer-ist")
            try await client.execute(uri: "/processes/hundesteuer-ist", method: .get, headers: adminHeaders) {
                #expect($0.status == .ok)
                #expect($0.text.contains("Fassung 3, Entwurf. Freigegeben ist Fassung 2."))
                #expect($0.text.contains("Datengrundlage: Arbeitsstand (die neueste Fassung jedes Prozesses"))
                #expect($0.text.contains("Rückfragen telefonisch klären"))
            }
            try await client.execute(uri: "/processes/strassenlaterne-ist", method: .get, headers: readerHeaders) {
                #expect($0.status == .notFound)
            }
        }
    }

    /// The demo's anonymous proposal (``Musterstadt/proposals()``) was written by someone who writes nothing else.
    static let anonymousAuthor = "Greta Sommer"

    @Test func anAnonymousProposalsAuthorAppearsOnlyInTheAuditLogForTheStaffCouncil() async throws {
        let server = try await TestServer(localMode: false)
        let callers = try await Caller.all(server).filter { $0.role != nil }
        let snapshot = try await server.workspace.snapshot(of: try server.tenant)
        let entries = server.routes.entries.filter { $0.method == .get }
        try await server.run { client in
            var shownToCouncil = 0
            for caller in callers {
                for entry in entries where caller.role!.grants(entry.permission) {
                    for path in Self.paths(entry, snapshot: snapshot) {
                        for query in entry.path.contains(":") ? [""] : ["", "?person=Greta", "?q=Greta"] {
                            let (headers, _) = caller.request(entry, path: path)
                            try await client.execute(uri: path + query, method: .get, headers: headers) { response in
                                let shown = response.text.contains(Self.anonymousAuthor)
                                if caller.role == .staffCouncil, entry.permission == .readAudit {
                                    if shown { shownToCouncil += 1 }
                                } else {
                                    #expect(!shown, "\(caller) GET \(path)\(query) names the anonymous author")
                                }
                            }
                        }
                    }
                }
            }
            #expect(shownToCouncil >= 2, "the staff council finds the author in the audit log and its CSV")
        }
    }
}
