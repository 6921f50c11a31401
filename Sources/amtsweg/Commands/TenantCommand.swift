import AmtswegCore
import AmtswegReports
import AmtswegStore
import ArgumentParser

struct TenantCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tenant", abstract: "Kommunen anlegen und auflisten.", subcommands: [List.self, Create.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Listet die Kommunen der Datenbank.")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await reportingErrors {
                let tenants = try await database.repository().tenants()
                print(
                    TextTable(
                        headers: ["Kennung", "Name", "AGS", "Einwohner"],
                        rows: tenants.map { [$0.id.rawValue, $0.name, $0.ags, GermanFormat.integer($0.population)] },
                        numericColumns: [3]
                    ).render())
            }
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Legt eine leere Kommune an (für den CSV-Import).")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Kennung, z. B. 'musterstadt'.") var id: String
        @Option(help: "Name, z. B. 'Stadt Musterstadt'.") var name: String
        @Option(help: "Amtlicher Gemeindeschlüssel (8 Ziffern).") var ags: String
        @Option(help: "Einwohnerzahl.") var population: Int
        @Option(help: "Verzeichnis mit dem OZG-Katalog (CSV), der gleich mit eingelesen wird.") var ozg: String?
        @OptionGroup var snapshot: OZGCommand.SnapshotOptions

        func run() async throws {
            try await reportingErrors {
                let repository = try await database.repository()
                if try await repository.tenants().contains(where: { $0.id.rawValue == id }) {
                    throw CLIError("Die Kommune '\(id)' gibt es bereits.")
                }
                let tenant = Tenant(id: ID(id), name: name, ags: ags, population: population)
                try await repository.saveMap(TenantMap(tenant: tenant), by: .local)
                print("Kommune '\(id)' angelegt.")
                if let ozg {
                    try await OZGCommand.importCatalogue(
                        from: ozg, snapshot: snapshot, into: tenant.id, repository: repository)
                }
            }
        }
    }
}
