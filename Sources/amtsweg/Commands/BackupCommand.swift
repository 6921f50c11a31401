import AmtswegStore
import ArgumentParser
import Foundation

/// A backup of the whole store as one SQLite file, from either engine and while the server runs.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Sichert den ganzen Datenbestand in eine neue SQLite-Datei – auch während der Server läuft.",
        discussion: """
            Die Sicherung ist ein Zustand zu einem Zeitpunkt (ein lesender Schnappschuss; Schreibende warten nicht). \
            Sie ist eine gewöhnliche Amtsweg-Datenbank: Mit „amtsweg restore“ in einen leeren Speicher \
            (SQLite oder PostgreSQL) zurückspielen, oder direkt mit --db öffnen.
            """)

    @OptionGroup var database: DatabaseOptions
    @Option(name: .shortAndLong, help: "Die neue Sicherungsdatei (SQLite); darf noch nicht existieren.")
    var output: String

    func run() async throws {
        try await reportingErrors {
            guard !FileManager.default.fileExists(atPath: output) else {
                throw CLIError("'\(output)' gibt es schon; eine Sicherung überschreibt nichts.")
            }
            do {
                try await StoreTransfer.run(
                    from: try database.location, to: .sqlite(path: output), verb: "gesichert", compareExports: false)
            } catch {
                // A failed backup leaves no file that looks like one.
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: output + suffix) }
                throw error
            }
        }
    }
}

/// Plays a backup back into an empty store.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Spielt eine Sicherung (SQLite-Datei von „amtsweg backup“) in einen leeren Speicher zurück.")

    @Argument(help: "Die Sicherungsdatei.") var backup: String
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await reportingErrors {
            guard FileManager.default.fileExists(atPath: backup) else {
                throw CLIError("Die Sicherung '\(backup)' gibt es nicht.")
            }
            // A backup made by an older Amtsweg is brought up to this version's schema first.
            _ = try await SQLMapRepository(engine: SQLiteEngine(path: backup))
            try await StoreTransfer.run(from: .sqlite(path: backup), to: try database.location, verb: "zurückgespielt")
        }
    }
}
