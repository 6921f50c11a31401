import AmtswegCore
import AmtswegReports
import ArgumentParser
import Foundation

extension AnalyzeCommand {
    struct Process: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "process",
            abstract: "Kennzahlen eines Prozesses (alle Wege und Hauptweg), RACI-Matrix, Schwachstellen.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "Kennung des Prozesses.") var id: String
        @Flag(help: "Ausgabe als JSON.") var json = false

        func run() async throws {
            try await reportingErrors {
                let (map, processes) = try await store.mapAndProcesses()
                let process = try processes.named(id)
                let report = ProcessReport(process: process, map: map)
                if json {
                    try printJSON(report)
                } else {
                    print(report.figures.textReport(map: map))
                    print(ProblemSpot.textReport(report.problems), terminator: "")
                }
            }
        }
    }

    struct Problems: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "problems", abstract: "Schwachstellen aller Prozesse, mit Erklärung und Verweisen.")

        @OptionGroup var store: StoreOptions
        @Flag(help: "Ausgabe als JSON.") var json = false

        func run() async throws {
            try await reportingErrors {
                let (map, processes) = try await store.mapAndProcesses()
                let spots = ProblemFinder(map: map).findAll(in: processes)
                if json { try printJSON(spots) } else { print(ProblemSpot.textReport(spots), terminator: "") }
            }
        }
    }

    struct Compare: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "compare", abstract: "Ist und Soll nebeneinander, mit Einsparung im Jahr.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "Kennung des Ist-Prozesses.") var ist: String
        @Argument(help: "Kennung des Soll-Prozesses.") var soll: String
        @Flag(help: "Ausgabe als JSON.") var json = false

        func run() async throws {
            try await reportingErrors {
                let (map, processes) = try await store.mapAndProcesses()
                let comparison = ProcessComparison(
                    ist: try processes.named(ist), soll: try processes.named(soll), map: map)
                if json { try printJSON(comparison) } else { print(comparison.textReport(), terminator: "") }
            }
        }
    }
}
