import ArgumentParser
import Foundation
import ProcessMining

extension MineCommand {
    struct Discover: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "discover",
            abstract: "Prozessmodell aus dem Protokoll entdecken (Inductive Miner, IMf) und als Petri-Netz speichern.")

        @OptionGroup var log: LogOptions
        @Option(help: "Rauschschwelle 0…1: seltenere Übergänge bleiben unberücksichtigt (0 = alles, wie IM).")
        var noise = 0.2
        @Option(name: .shortAndLong, help: "Zieldatei (.pnml).") var output: String?

        func run() async throws {
            try await reportingErrors {
                guard (0...1).contains(noise) else { throw CLIError("--noise muss zwischen 0 und 1 liegen.") }
                let tree = InductiveMiner(noiseThreshold: noise).discover(try log.load())
                print(tree.notation)
                guard let output else { return }
                guard URL(fileURLWithPath: output).pathExtension.lowercased() == "pnml" else {
                    throw CLIError("\(output): Das Modell lässt sich bisher als Petri-Netz (.pnml) speichern.")
                }
                let net = tree.petriNet()
                try PNMLWriter.write(net).write(to: URL(fileURLWithPath: output))
                print(
                    "Petri-Netz gespeichert: \(output) (\(net.places.count) Stellen, \(net.transitions.count) Transitionen)"
                )
            }
        }
    }
}
