import ArgumentParser
import Foundation
import ProcessMining

/// The event log argument every mining command takes, with the CSV column options.
struct LogOptions: ParsableArguments {
    @Argument(help: "Ereignisprotokoll: XES (.xes, .xes.gz) oder CSV (.csv).") var log: String
    @Option(help: "CSV: Spalte mit der Fallnummer.") var `case`: String?
    @Option(help: "CSV: Spalte mit der Aktivität.") var activity: String?
    @Option(help: "CSV: Spalte mit dem Zeitstempel.") var timestamp: String?
    @Option(help: "CSV: Spalte mit der Ressource.") var resource: String?
    @Option(name: .customLong("start-timestamp"), help: "CSV: Spalte mit dem Startzeitpunkt.")
    var startTimestamp: String?
    @Flag(
        name: .customLong("keep-resources"),
        help: "Namen der Bearbeitenden nicht pseudonymisieren (nur mit Zustimmung von Personalrat und Datenschutz).")
    var keepResources = false

    /// The log, with its resources pseudonymised unless `--keep-resources` says otherwise.
    func load() throws -> EventLog {
        let log = try read()
        return keepResources ? log : log.pseudonymisingResources(with: try PseudonymKey.load())
    }

    private func read() throws -> EventLog {
        let url = URL(fileURLWithPath: log)
        if url.pathExtension.lowercased() == "csv" {
            return try CSVLogReader.read(
                contentsOf: url,
                columns: CSVLogReader.Columns(
                    caseID: `case`, activity: activity, timestamp: timestamp, resource: resource,
                    startTimestamp: startTimestamp))
        }
        return try XESReader.read(contentsOf: url)
    }
}
