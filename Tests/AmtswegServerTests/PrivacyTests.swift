import AmtswegCore
import AmtswegServer
import AmtswegStore
import Foundation
import Hummingbird
import HummingbirdTesting
import ProcessMining
import Testing

/// Uploaded logs keep names of people only where the uploader chose so; the choice and the uploader are in
/// the audit log.
@Suite struct PrivacyTests {
    static let csv = """
        Fall;Aktivität;Zeitpunkt;Sachbearbeiter;Kontakt;Gebühr
        1;Antrag prüfen;2026-01-05 08:00:00;Anna Adler;anna.adler@musterstadt.de;40
        1;Bescheid senden;2026-01-05 09:30:00;Bernd Berg;bernd.berg@musterstadt.de;40
        2;Antrag prüfen;2026-01-06 10:00:00;Anna Adler;anna.adler@musterstadt.de;55

        """

    static let xes = """
        <?xml version="1.0" encoding="UTF-8"?>
        <log xes.version="1.0">
          <trace>
            <string key="concept:name" value="A-1"/>
            <string key="Antragsteller" value="Erika Mustermann"/>
            <string key="Ortsteil" value="Nordstadt"/>
            <event><string key="concept:name" value="Eingang"/><date key="time:timestamp" value="2026-02-01T08:00:00.000+01:00"/></event>
            <event><string key="concept:name" value="Prüfung"/><date key="time:timestamp" value="2026-02-01T09:00:00.000+01:00"/></event>
          </trace>
        </log>

        """

    /// Everything stored of a log, as text: its attributes and resources, each value.
    static func storedText(_ workspace: Workspace, _ tenant: ID<Tenant>, _ location: String) async throws -> String {
        let id = ID<EventLogRecord>(String(try #require(location.split(separator: "/").last)))
        let record = try await workspace.repository.eventLog(id, of: tenant)
        let log = try XESReader.read(record.xesGzip, file: "stored.xes.gz")
        return "\(log.resources.strings) \(log.caseAttributes) \(log.eventAttributes)"
    }

    @Test func namesInCSVColumnsArePseudonymisedByDefaultAndTheChoiceIsAudited() async throws {
        let server = try await TestServer()
        let (workspace, tenant) = (server.workspace, try server.tenant)
        try await server.run { client in
            let browser = try await Browser.start(client, uri: "/monitor")
            let (headers, body) = browser.multipart(fields: [], file: ("file", "vorgaenge.csv", Data(Self.csv.utf8)))
            let page = try await client.execute(uri: "/monitor/logs", method: .post, headers: headers, body: body) {
                #expect($0.status == .ok)
                return $0.text
            }
            // Every attribute is offered with sample values; the person-related ones are preset to pseudonymise.
            for attribute in ["org:resource", "Kontakt", "Gebühr"] { #expect(page.contains(attribute)) }
            #expect(page.contains("Anna Adler"), "sample values are shown to the uploader")
            // The demo's own log is there; nothing of this upload is stored before the choice.
            #expect(try await workspace.repository.eventLogs(of: tenant).map(\.id) == ["gewerbe-2026"])
            let location = try await browser.confirmPrivacy(client, page: page)
            let stored = try await Self.storedText(workspace, tenant, location)
            for name in ["Anna", "Adler", "Bernd", "musterstadt.de"] {
                #expect(!stored.contains(name), "\(name) was stored")
            }
            #expect(stored.contains("40"), "the fee is kept")
            let audit = try await workspace.accounts.auditLog(of: tenant, since: nil, limit: 10)
            let entry = try #require(audit.first { $0.action == "saveEventLog" })
            #expect(entry.author == .local)
            #expect(entry.summary.contains("org:resource: pseudonymisieren"))
            #expect(entry.summary.contains("Kontakt: pseudonymisieren"))
        }
    }

    @Test func aCaseAttributeWithANameIsKeptOnlyWhenChosen() async throws {
        let server = try await TestServer()
        let token = try await server.member("pm", role: .processManagement).token
        let (workspace, tenant) = (server.workspace, try server.tenant)
        try await server.run { client in
            func upload(_ query: String) async throws -> String {
                try await client.execute(
                    uri: "/api/v1/event-logs?file=antraege.xes" + query, method: .post,
                    headers: .api(token, contentType: "application/xml"), body: ByteBuffer(string: Self.xes)
                ) { response in
                    #expect(response.status == .created, "\(response.text)")
                    return try #require(response.headers[.location])
                }
            }
            let byDefault = try await Self.storedText(workspace, tenant, try await upload(""))
            #expect(!byDefault.contains("Mustermann"))
            #expect(byDefault.contains("Antragsteller"), "pseudonymised, not dropped")
            #expect(byDefault.contains("Nordstadt"), "a district is no person")
            let dropped = try await Self.storedText(
                workspace, tenant, try await upload("&privacy=case:Antragsteller=drop&privacy=case:Ortsteil=drop"))
            #expect(
                !dropped.contains("Antragsteller") && !dropped.contains("Mustermann") && !dropped.contains("Nordstadt"))
            let kept = try await Self.storedText(
                workspace, tenant, try await upload("&privacy=case:Antragsteller=keep"))
            #expect(kept.contains("Erika Mustermann"), "kept because the uploader chose so")
            let audit = try await workspace.accounts.auditLog(of: tenant, since: nil, limit: 10)
                .filter { $0.action == "saveEventLog" && $0.author != .local }  // not the demo's log
            #expect(audit.count == 3)
            #expect(audit.allSatisfy { $0.author.id == "account:pm" })
            #expect(audit.contains { $0.summary.contains("Antragsteller: entfernen") })
            try await client.execute(
                uri: "/api/v1/event-logs?file=x.xes&privacy=Antragsteller", method: .post,
                headers: .api(token, contentType: "application/xml"), body: ByteBuffer(string: Self.xes)
            ) { #expect($0.status == .badRequest) }
        }
    }
}
