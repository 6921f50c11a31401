import AmtswegCore
import AmtswegStore
import ArgumentParser
import Foundation

/// Where the store is: an SQLite file or a PostgreSQL database; for commands that work on the whole store.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "SQLite-Datenbankdatei (wird bei Bedarf angelegt).")
    var db: String?

    @Option(
        name: .long,
        help:
            "PostgreSQL-Datenbank statt SQLite: postgres://BENUTZER:PASSWORT@HOST:PORT/DATENBANK (auch AMTSWEG_DATABASE_URL)."
    )
    var postgres: String?

    func validate() throws {
        if db != nil, postgres != nil { throw ValidationError("Entweder --db oder --postgres, nicht beide.") }
        if try StoreLocation.chosen(db: db, postgres: postgres) == nil {
            throw ValidationError("Die Datenbank fehlt: --db DATEI oder --postgres URL (oder AMTSWEG_DATABASE_URL).")
        }
    }

    /// The store the options name (``validate()`` made sure there is one).
    var location: StoreLocation {
        get throws {
            guard let location = try StoreLocation.chosen(db: db, postgres: postgres) else {
                throw CLIError("Die Datenbank fehlt: --db DATEI oder --postgres URL (oder AMTSWEG_DATABASE_URL).")
            }
            return location
        }
    }

    func repository() async throws -> SQLMapRepository {
        // A command does one thing at a time: a small pool is enough.
        try await SQLMapRepository(engine: location.engine(connections: 4))
    }
}

/// The options every command that works on one municipality's data shares.
struct StoreOptions: ParsableArguments {
    @OptionGroup var database: DatabaseOptions

    @Option(name: .long, help: "Kennung der Kommune; entfällt, wenn die Datenbank nur eine enthält.")
    var tenant: String?

    var location: StoreLocation { get throws { try database.location } }

    func repository() async throws -> SQLMapRepository { try await database.repository() }

    /// The tenant to work on: the one named, or the only one in the store.
    func tenantID(in repository: SQLMapRepository) async throws -> ID<Tenant> {
        if let tenant { return ID(tenant) }
        let tenants = try await repository.tenants()
        switch tenants.count {
        case 1: return tenants[0].id
        case 0:
            throw CLIError(
                "Die Datenbank '\(try location)' enthält keine Kommune. Zuerst 'amtsweg demo' oder 'amtsweg import' ausführen."
            )
        default:
            throw CLIError(
                "Die Datenbank enthält mehrere Kommunen; bitte --tenant angeben: "
                    + tenants.map(\.id.rawValue).joined(separator: ", "))
        }
    }
}
