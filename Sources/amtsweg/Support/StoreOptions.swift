import AmtswegCore
import AmtswegStore
import ArgumentParser
import Foundation

/// The options every command that touches the store shares.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "SQLite-Datenbankdatei (wird bei Bedarf angelegt).")
    var db: String

    @Option(name: .long, help: "Kennung der Kommune; entfällt, wenn die Datenbank nur eine enthält.")
    var tenant: String?

    func repository() async throws -> SQLMapRepository {
        try await SQLMapRepository(engine: SQLiteEngine(path: db))
    }

    /// The tenant to work on: the one named, or the only one in the store.
    func tenantID(in repository: SQLMapRepository) async throws -> ID<Tenant> {
        if let tenant { return ID(tenant) }
        let tenants = try await repository.tenants()
        switch tenants.count {
        case 1: return tenants[0].id
        case 0:
            throw CLIError(
                "Die Datenbank '\(db)' enthält keine Kommune. Zuerst 'amtsweg demo' oder 'amtsweg import' ausführen.")
        default:
            throw CLIError(
                "Die Datenbank enthält mehrere Kommunen; bitte --tenant angeben: "
                    + tenants.map(\.id.rawValue).joined(separator: ", "))
        }
    }
}
