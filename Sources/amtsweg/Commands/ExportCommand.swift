import AmtswegCore
import AmtswegInterchange
import AmtswegStore
import ArgumentParser
import Foundation

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Schreibt eine Kommune vollständig als JSON (stabil sortiert): Karte, Prozesse, Fahrplan, Messpunkte."
    )

    @OptionGroup var store: StoreOptions

    @Option(name: .shortAndLong, help: "Zieldatei; '-' für die Standardausgabe.")
    var output: String

    func run() async throws {
        try await reportingErrors {
            let repository = try await store.repository()
            let tenant = try await store.tenantID(in: repository)
            try write(try await Self.document(of: tenant, in: repository), to: output)
            try await repository.audit(
                ChangeRecord(
                    tenantID: tenant, at: Date(), author: UserCommand.author, action: "exportTenant",
                    summary: "Kommune als JSON exportiert (\(output == "-" ? "Standardausgabe" : output))",
                    object: "tenant:\(tenant)"))
        }
    }

    /// The tenant as the JSON document `export` writes.
    static func document(of tenant: ID<Tenant>, in repository: SQLMapRepository) async throws -> Data {
        let contents = TenantContents(
            map: try await repository.loadMap(of: tenant), processes: try await repository.processes(of: tenant),
            roadmap: try await repository.loadRoadmap(of: tenant),
            measurements: try await repository.measurements(of: tenant))
        return try TenantDocument.encode(contents)
    }
}
