import ArgumentParser
import BPMN
import Foundation

struct BPMNCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bpmn", abstract: "BPMN-2.0-Dateien prüfen, neu schreiben und vergleichen.",
        subcommands: [Check.self, Roundtrip.self, Diff.self, Render.self])

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Liest jede Datei und meldet Fehler (mit Zeile und Spalte) und Warnungen.")

        @Argument(help: "BPMN-Dateien.") var files: [String]

        func run() async throws {
            var failures = 0
            for file in files {
                do {
                    let model = try BPMNReader.read(contentsOf: URL(fileURLWithPath: file))
                    let warnings = BPMNCheck.warnings(model)
                    print(
                        "\(file): gelesen – \(model.processes.count) Prozesse, \(model.flowNodes.count) Knoten, "
                            + "\(model.diagramElements.count) Diagrammelemente"
                            + (warnings.isEmpty ? "" : ", \(warnings.count) Warnungen"))
                    for warning in warnings { print("  Warnung: \(warning)") }
                } catch {
                    failures += 1
                    FileHandle.standardError.write(Data("amtsweg: \(error)\n".utf8))
                }
            }
            if failures > 0 { throw ExitCode.failure }
        }
    }

    struct Roundtrip: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Liest eine BPMN-Datei und schreibt sie neu.")

        @Argument(help: "Eingabedatei.") var input: String
        @Option(name: .shortAndLong, help: "Ausgabedatei; '-' für die Standardausgabe.") var output: String

        func run() async throws {
            try await reportingErrors {
                let model = try BPMNReader.read(contentsOf: URL(fileURLWithPath: input))
                try write(BPMNWriter.write(model), to: output)
            }
        }
    }

    struct Diff: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Vergleicht zwei BPMN-Dateien inhaltlich; Ende mit 0, wenn sie gleichwertig sind.")

        @Argument(help: "Erste Datei.") var a: String
        @Argument(help: "Zweite Datei.") var b: String

        func run() async throws {
            try await reportingErrors {
                let left = try BPMNReader.read(contentsOf: URL(fileURLWithPath: a))
                let right = try BPMNReader.read(contentsOf: URL(fileURLWithPath: b))
                let differences = BPMNDiff.compare(left, right)
                if differences.isEmpty {
                    print("gleichwertig")
                    return
                }
                for difference in differences { print(difference) }
                print("\(differences.count) Unterschiede")
                throw ExitCode.failure
            }
        }
    }

    struct Render: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Zeichnet das Diagramm einer BPMN-Datei als SVG.")

        @Argument(help: "BPMN-Datei.") var input: String
        @Option(name: .shortAndLong, help: "SVG-Datei; '-' für die Standardausgabe.") var output: String
        @Option(help: "Welches Diagramm der Datei (1 = das erste).") var diagram = 1
        @Flag(help: "Das Diagramm automatisch neu anordnen, auch wenn die Datei eines enthält.") var relayout = false

        func run() async throws {
            try await reportingErrors {
                var model = try BPMNReader.read(contentsOf: URL(fileURLWithPath: input))
                // Without diagram information (generated or mined models) the diagram is laid out automatically.
                let hasDiagram = BPMNLayout.hasDiagram(model)
                if relayout || !hasDiagram { model = BPMNLayout.layout(model) }
                guard let svg = SVGRenderer.render(model, diagram: relayout || !hasDiagram ? 0 : diagram - 1) else {
                    throw CLIError("\(input): Die Datei enthält kein Diagramm Nr. \(diagram).")
                }
                try write(Data(svg.utf8), to: output)
            }
        }
    }
}
