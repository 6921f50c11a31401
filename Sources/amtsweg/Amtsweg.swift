import ArgumentParser

/// The command-line tool. Commands only parse arguments and call the libraries.
@main
struct Amtsweg: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "amtsweg",
        abstract: "Amtsweg – Prozessplattform für Kommunen: erfassen, anreichern, messen, verbessern.",
        discussion: "Daten liegen in einer SQLite-Datei (--db). Fehler gehen auf stderr, mit Datei, Zeile und Ursache.",
        subcommands: [
            ServeCommand.self, DemoCommand.self, ImportCommand.self, ExportCommand.self, AnalyzeCommand.self,
            TenantCommand.self, UserCommand.self, TokenCommand.self, AuditCommand.self,
            BPMNCommand.self, ProcessCommand.self, LogCommand.self, MineCommand.self, RoadmapCommand.self,
            MeasureCommand.self, WorkshopCommand.self, OZGCommand.self, FIMCommand.self,
            HandbookCommand.self, MigrateCommand.self, BackupCommand.self, RestoreCommand.self,
        ]
    )
}
