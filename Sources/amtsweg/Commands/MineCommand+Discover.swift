import AmtswegCore
import ArgumentParser
import BPMN
import Foundation
import MinedProcesses
import ProcessBPMN
import ProcessMining

extension MineCommand {
    struct Discover: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "discover",
            abstract:
                "Prozessmodell aus dem Protokoll entdecken (Inductive Miner, IMf), als BPMN oder Petri-Netz speichern.")

        @OptionGroup var log: LogOptions
        @Option(help: "Rauschschwelle 0…1: seltenere Übergänge bleiben unberücksichtigt (0 = alles, wie IM).")
        var noise = 0.2
        @Option(name: .shortAndLong, help: "Zieldatei: .bpmn (mit Diagramm) oder .pnml (Petri-Netz).") var output:
            String?

        func run() async throws {
            try await reportingErrors {
                guard (0...1).contains(noise) else { throw CLIError("--noise muss zwischen 0 und 1 liegen.") }
                let tree = InductiveMiner(noiseThreshold: noise).discover(try log.load())
                print(tree.notation)
                guard let output else { return }
                let url = URL(fileURLWithPath: output)
                switch url.pathExtension.lowercased() {
                case "pnml":
                    let net = tree.petriNet()
                    try PNMLWriter.write(net).write(to: url)
                    print(
                        "Petri-Netz gespeichert: \(output) (\(net.places.count) Stellen, \(net.transitions.count) Transitionen)"
                    )
                case "bpmn":
                    let name = url.deletingPathExtension().lastPathComponent
                    let process = ProcessModel(discovered: tree, id: ID(rawValue: name), name: name)
                    try BPMNWriter.write(ProcessGenerator.bpmn(for: process)).write(to: url)
                    print("BPMN gespeichert: \(output) (\(process.steps.count) Schritte, mit Diagramm)")
                default:
                    throw CLIError("\(output): Bitte .bpmn oder .pnml als Endung angeben.")
                }
            }
        }
    }
}
