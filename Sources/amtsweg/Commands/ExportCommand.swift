import AmtswegCore
import AmtswegInterchange
import AmtswegStore
import ArgumentParser

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Schreibt eine Kommune vollständig als JSON (stabil sortiert).")

    @OptionGroup var store: StoreOptions

    @Option(name: .shortAndLong, help: "Zieldatei; '-' für die Standardausgabe.")
    var output: String

    func run() async throws {
        try await reportingErrors {
            let repository = try await store.repository()
            let tenant = try await store.tenantID(in: repository)
            let map = try await repository.loadMap(of: tenant)
            try write(try TenantDocument.encode(map, processes: try await repository.processes(of: tenant)), to: output)
        }
    }
}
