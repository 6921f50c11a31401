import ArgumentParser
import BPMN
import Foundation
import MinedProcesses
import ProcessBPMN
import ProcessMining

extension MineCommand {
    struct Conformance: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "conformance",
            abstract: "Wie gut passt das Protokoll zum Modell? Fitness und Abweichungen je Aktivität.")

        enum Method: String, ExpressibleByArgument, CaseIterable {
            case tokens, alignments
        }

        @OptionGroup var log: LogOptions
        @Argument(help: "Das Modell: BPMN (.bpmn) oder ein Petri-Netz (.pnml) mit Anfangs- und Endmarkierung.")
        var model: String
        @Option(help: "tokens (Token-Replay, schnell) oder alignments (optimale Alignments, genau).")
        var method: Method = .alignments
        @Flag(help: "Ausgabe als JSON.") var json = false

        func run() async throws {
            try await reportingErrors {
                let url = URL(fileURLWithPath: model)
                let net: PetriNet
                switch url.pathExtension.lowercased() {
                case "pnml": net = try PNMLReader.read(contentsOf: url)
                case "bpmn":
                    // The process as Amtsweg reads it (steps, gateways, events), as a workflow net.
                    net = ProcessExtractor.extract(try BPMNReader.read(contentsOf: url)).process.petriNet()
                default:
                    throw CLIError("\(model): Das Modell bitte als BPMN (.bpmn) oder Petri-Netz (.pnml) angeben.")
                }
                let events = try log.load()
                switch method {
                case .alignments:
                    let report = try AlignmentReport(log: events, net: net)
                    if json { return try printJSON(report) }
                    print(
                        String(
                            format:
                                "Fitness (Alignments): %.4f; Fälle ohne Abweichung: %.1f %%; Ø Fitness je Fall: %.4f",
                            report.logFitness, report.fittingCaseShare * 100, report.averageTraceFitness))
                    if report.unalignedCases > 0 {
                        print("\(report.unalignedCases) Fälle ließen sich nicht ausrichten (Suchgrenze erreicht).")
                    }
                    for deviation in report.deviations.prefix(15) {
                        print(
                            "  \(deviation.activity): \(deviation.onLog)× nur im Protokoll, "
                                + "\(deviation.onModel)× nur im Modell")
                    }
                case .tokens:
                    let report = try TokenReplayReport(log: events, net: net)
                    if json { return try printJSON(report) }
                    print(
                        String(
                            format: "Fitness (Token-Replay): %.4f; passende Fälle: %.1f %%; Ø Fitness je Fall: %.4f",
                            report.logFitness, report.fittingCaseShare * 100, report.averageTraceFitness))
                    for problem in report.problems.prefix(15) {
                        print(
                            "  \(problem.activity): \(problem.firingsWithMissingTokens)× fehlende Marken, "
                                + "\(problem.eventsNotInModel)× nicht im Modell")
                    }
                }
            }
        }
    }
}
