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
    @Option(
        name: .customLong("privacy"),
        help: """
            Datenschutz je Attribut, wiederholbar: case:SCHLÜSSEL=keep|pseudonymise|drop oder event:SCHLÜSSEL=… \
            (event:org:resource ist die Ressource). Ohne Angabe werden personenbezogen wirkende Attribute \
            pseudonymisiert, die übrigen behalten – wie beim Hochladen in der Weboberfläche.
            """)
    var privacy: [String] = []

    /// Whether names of staff stay as they are (the resource kept): mappings of names to units must then not
    /// be pseudonymised either.
    var keepsResources: Bool { keepResources || privacy.contains("event:\(EventLog.resourceKey)=keep") }

    /// The log with each attribute kept, pseudonymised or dropped as `--privacy` says (person-related ones
    /// pseudonymised by default; `--keep-resources` keeps the resource).
    func load() throws -> EventLog {
        let log = try read()
        let choices: PrivacyChoices
        do {
            choices = try PrivacyChoices(
                parsing: privacy + (keepResources ? ["event:\(EventLog.resourceKey)=keep"] : []))
        } catch {
            throw CLIError(error.description)
        }
        return log.applying(choices, with: try PseudonymKey.load())
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
