import ArgumentParser
import Foundation
import ProcessMining

extension MineCommand {
    struct Handover: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "handover",
            abstract: "Wer übergibt Arbeit an wen? Übergaben zwischen Organisationseinheiten (oder Personen).",
            discussion: """
                Mit --units werden die Bearbeitenden ihren Einheiten zugeordnet (CSV: Ressource, Einheit); \
                gezeigt werden dann Übergaben zwischen Einheiten. Zahlen je Person gibt es nur mit --persons.
                """)

        @OptionGroup var log: LogOptions
        @Option(help: "CSV-Datei mit zwei Spalten: Ressource (Name wie im Protokoll) und Organisationseinheit.")
        var units: String?
        @Flag(help: "Übergaben zwischen einzelnen Personen zeigen (nur, wenn die Kommune das freigegeben hat).")
        var persons = false
        @Flag(help: "Ausgabe als JSON.") var json = false
        @Option(help: "Höchstens so viele Übergaben (nur Textausgabe).") var limit = 20

        func run() async throws {
            try await reportingErrors {
                guard units != nil || persons else {
                    throw CLIError(
                        "Bitte --units DATEI angeben (Übergaben zwischen Einheiten) oder ausdrücklich --persons.")
                }
                let events = try log.load()
                let network: HandoverNetwork
                if let units {
                    var mapping = try ResourceUnits.read(contentsOf: URL(fileURLWithPath: units))
                    // The log's resources are pseudonyms unless kept: the mapping must speak the same language.
                    if !log.keepsResources { mapping = mapping.pseudonymised(with: try PseudonymKey.load()) }
                    network = HandoverNetwork(unitsOf: events, unitOf: mapping.unit(of:))
                    if network.total == 0 {
                        print(
                            "Keine Übergaben zwischen Einheiten: Passen die Namen in \(units) zu den Ressourcen im Protokoll?"
                        )
                    }
                } else {
                    network = HandoverNetwork(resourcesOf: events)
                }
                if json { return try printJSON(network) }
                for handover in network.handovers.prefix(limit) {
                    print(
                        "\(handover.from) → \(handover.to): \(handover.count)×"
                            + String(format: " (%.1f %%)", handover.share * 100))
                }
                if network.handovers.count > limit { print("… \(network.handovers.count - limit) weitere") }
            }
        }
    }
}
