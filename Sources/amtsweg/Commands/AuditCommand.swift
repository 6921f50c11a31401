import AmtswegCore
import AmtswegReports
import AmtswegStore
import ArgumentParser
import Foundation

/// The audit log of a tenant on the command line.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Zeigt das Protokoll einer Kommune: wer wann was getan hat.")
    @Option(help: "Nur Einträge ab diesem Tag (JJJJ-MM-TT).") var since: String?
    @Option(help: "Höchstens so viele Einträge, die neuesten zuerst.") var limit = 1000
    @Flag(help: "Als JSON ausgeben.") var json = false
    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await reportingErrors {
            var sinceDate: Date?
            if let since {
                guard let date = try? Date(since + "T00:00:00Z", strategy: .iso8601) else {
                    throw CLIError("--since '\(since)' ist kein Datum der Form JJJJ-MM-TT.")
                }
                sinceDate = date
            }
            let repository = try await store.repository()
            let tenant = try await store.tenantID(in: repository)
            let records = try await repository.auditLog(of: tenant, since: sinceDate, limit: limit)
            if json { return try printJSON(records) }
            print(
                TextTable(
                    headers: ["Zeitpunkt", "Person", "Aktion", "Objekt", "Beschreibung"],
                    rows: records.map {
                        [$0.at.formatted(.iso8601), $0.author.displayName, $0.action, $0.object, $0.summary]
                    }
                ).render())
        }
    }
}
