import AmtswegStore
import ArgumentParser
import Foundation

/// Moves a whole store — every municipality, account, audit entry, event log — between SQLite and PostgreSQL.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract:
            "Überträgt den ganzen Datenbestand von SQLite nach PostgreSQL oder zurück (in einen leeren Speicher).",
        discussion: """
            QUELLE und ZIEL sind je eine SQLite-Datei oder eine Adresse postgres://BENUTZER:PASSWORT@HOST:PORT/DATENBANK. \
            Die Quelle wird in einem Zustand gelesen (sie darf dabei in Betrieb sein), das Ziel in einer Transaktion \
            geschrieben: Es wird nur übernommen, wenn jede Tabelle im Ziel denselben Inhalt hat wie in der Quelle \
            (Prüfsumme je Tabelle) und der Export jeder Kommune gleich ist.
            """)

    @Option(name: .long, help: "Quelle: SQLite-Datei oder postgres://-Adresse.") var from: String
    @Option(name: .long, help: "Ziel: SQLite-Datei oder postgres://-Adresse; muss leer sein.") var to: String

    func run() async throws {
        try await reportingErrors {
            let source = StoreLocation(argument: from)
            if case .sqlite(let path) = source, !FileManager.default.fileExists(atPath: path) {
                throw CLIError("Die Quelle '\(path)' gibt es nicht.")
            }
            try await StoreTransfer.run(from: source, to: StoreLocation(argument: to), verb: "übertragen")
        }
    }
}

/// What `migrate`, `backup` and `restore` share: copy (every table's digest compared before the commit), then
/// compare every tenant's export, then report.
enum StoreTransfer {
    /// `compareExports`: only where the source is not written meanwhile. A backup of a running server reads one
    /// snapshot, which a later export of the live store would not match; its tables' digests prove the copy.
    static func run(from source: StoreLocation, to target: StoreLocation, verb: String, compareExports: Bool = true)
        async throws
    {
        guard source != target else { throw CLIError("Quelle und Ziel sind dieselbe Datenbank.") }
        let from = try await source.engine(connections: 2)
        let to = try await target.engine(connections: 2)
        let report = try await StoreCopy.copy(from: from, to: to)
        // The export is what people compare; the digests above already covered every table.
        let sourceRepository = try await SQLMapRepository(engine: from)
        let targetRepository = try await SQLMapRepository(engine: to)
        let tenants = try await targetRepository.tenants()
        for tenant in tenants where compareExports {
            let written = try await ExportCommand.document(of: tenant.id, in: targetRepository)
            guard try await ExportCommand.document(of: tenant.id, in: sourceRepository) == written else {
                throw CLIError(
                    "Der Export der Kommune \(tenant.id) weicht im Ziel von der Quelle ab (die Quelle wurde wohl "
                        + "während der Übertragung geändert); bitte wiederholen.")
            }
        }
        for table in report.tables where table.rows > 0 {
            print("  \(table.name): \(table.rows) Zeilen")
        }
        print(
            "\(report.rows) Zeilen aus \(report.tables.count) Tabellen \(verb): \(source) → \(target). "
                + "Prüfsumme jeder Tabelle gleich"
                + (compareExports ? "; Export von \(tenants.count) Kommune(n) gleich." : " (Stand eines Zeitpunkts)."))
    }
}

extension StoreLocation {
    /// A location as one argument names it: a `postgres://` URL, or else the path of an SQLite file.
    init(argument: String) {
        let lower = argument.lowercased()
        self =
            lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
            ? .postgres(url: argument) : .sqlite(path: argument)
    }
}
