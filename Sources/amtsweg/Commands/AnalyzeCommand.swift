import AmtswegCore
import AmtswegReports
import AmtswegStore
import ArgumentParser
import Foundation

struct AnalyzeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze", abstract: "Auswertungen einer Kommune.",
        subcommands: [Ist.self, Process.self, ServiceFiguresCommand.self, Problems.self, Compare.self])

    struct Ist: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ist", abstract: "Die sieben Sichten der Ist-Analyse (Tabellen, mit --json als JSON).")

        @OptionGroup var store: StoreOptions

        @Flag(help: "Ausgabe als JSON.")
        var json = false

        @Option(help: "Höchstens so viele Zeilen je Tabelle (nur Textausgabe).")
        var limit = 15

        func run() async throws {
            try await reportingErrors {
                let repository = try await store.repository()
                let analysis = IstAnalysis(try await repository.loadMap(of: try await store.tenantID(in: repository)))
                if json {
                    try printJSON(analysis)
                } else {
                    print(analysis.textReport(limit: limit), terminator: "")
                }
            }
        }
    }
}
