import AmtswegCore
import AmtswegReports
import ArgumentParser

extension AnalyzeCommand {
    struct ServiceFiguresCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "service", abstract: "Kennzahlen einer Leistung über alle Ist-Prozesse, die sie erbringen.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "Leistung: Kennung oder LeiKa-Schlüssel.") var service: String
        @Flag(help: "Ausgabe als JSON.") var json = false

        func run() async throws {
            try await reportingErrors {
                let (map, processes) = try await store.mapAndProcesses()
                guard
                    let match = map.service(matching: service)
                else { throw CLIError("Eine Leistung '\(service)' (Kennung oder LeiKa-Schlüssel) gibt es nicht.") }
                let figures = ServiceFigures(service: match, processes: processes, map: map)
                if json {
                    try printJSON(figures)
                } else if figures.processes.isEmpty {
                    print("Für „\(match.name)“ ist noch kein Ist-Prozess erfasst.")
                } else {
                    for process in figures.processes { print(process.textReport(map: map)) }
                }
            }
        }
    }
}
