import AmtswegCore
import AmtswegReports
import AmtswegStore
import ArgumentParser
import Foundation
import ProcessBPMN

extension ProcessCommand {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Zeigt einen Prozess als Schrittliste (wo die Struktur es erlaubt).")

        @OptionGroup var store: StoreOptions
        @Argument(help: "Kennung des Prozesses.") var id: String
        @Flag(help: "Die Schrittliste als JSON, wie 'process capture' sie liest.") var json = false

        func run() async throws {
            try await reportingErrors {
                let repository = try await store.repository()
                let tenant = try await store.tenantID(in: repository)
                let map = try await repository.loadMap(of: tenant)
                let process = try await repository.process(ID(id), of: tenant).read().process
                if json {
                    guard let steps = CapturedProcess(process: process) else {
                        throw CLIError(
                            "„\(process.name)“ ist keine einfache Schrittliste (Verzweigungen); "
                                + "als BPMN ausgeben: amtsweg process export \(id) -o \(id).bpmn")
                    }
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                    print(String(decoding: try encoder.encode(steps), as: UTF8.self))
                    return
                }
                if let steps = CapturedProcess(process: process) {
                    print(steps.textReport(map: map), terminator: "")
                } else {
                    print(
                        "„\(process.name)“ lässt sich nicht als einfache Schrittliste zeigen (\(process.steps.count) Schritte);"
                    )
                    print("bitte das Diagramm verwenden: amtsweg process export \(id) -o \(id).bpmn")
                }
                for lane in process.lanes {
                    print(
                        "Bahn „\(lane.name)“ [\(lane.id)] → "
                            + (lane.performer.map { "\(map.name(of: $0)) (\($0))" } ?? "nicht zugeordnet"))
                }
            }
        }
    }

    struct MapLane: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "map-lane",
            abstract: "Ordnet eine Bahn (Lane) einer Stelle, Rolle oder Organisationseinheit zu.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "Kennung des Prozesses.") var id: String
        @Argument(help: "Kennung oder Name der Bahn (siehe 'process show').") var lane: String
        @Argument(help: "Zuordnung: position:ID, role:ID oder unit:ID; '-' hebt sie auf.") var performer: String

        func run() async throws {
            try await reportingErrors {
                let repository = try await store.repository()
                let tenant = try await store.tenantID(in: repository)
                let map = try await repository.loadMap(of: tenant)
                let record = try await repository.process(ID(id), of: tenant)
                var (model, process) = try record.read()
                let index: Int
                do throws(LaneAssignmentError) {
                    index = try process.assignLane(lane, to: performer, in: map)
                } catch {
                    throw CLIError("Prozess '\(id)': \(error.description)")
                }
                model = ProcessEnricher.apply(process, to: model)
                try await repository.saveProcess(ProcessRecord(process: process, model: model), of: tenant, by: .local)
                print(
                    "Bahn „\(process.lanes[index].name)“ → "
                        + (process.lanes[index].performer.map(map.name(of:)) ?? "nicht zugeordnet"))
            }
        }
    }

    struct Capture: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "capture",
            abstract: "Legt einen Prozess aus einer Schrittliste (JSON) an; Amtsweg zeichnet das BPMN-Diagramm.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "JSON-Datei mit der Schrittliste (Format wie 'process show --json').") var file: String

        func run() async throws {
            try await reportingErrors {
                let repository = try await store.repository()
                let tenant = try await store.tenantID(in: repository)
                let map = try await repository.loadMap(of: tenant)
                let captured: CapturedProcess
                do {
                    captured = try JSONDecoder().decode(CapturedProcess.self, from: try readFile(file, limit: 16 << 20))
                } catch let error as CLIError {
                    throw error
                } catch {
                    throw CLIError("\(file): Die Schrittliste ist nicht lesbar: \(error)")
                }
                let issues = captured.processModel(laneName: map.name(of:)).validate()
                guard issues.isEmpty else {
                    throw CLIError(
                        "\(file): Die Schrittliste ist so nicht verwendbar:\n"
                            + issues.map { "  – \($0)" }.joined(separator: "\n"))
                }
                let record = ProcessRecord(captured: captured, map: map)
                try await repository.saveProcess(record, of: tenant, by: .local)
                print("Prozess '\(record.id)' angelegt: \(try record.read().process.steps.count) Schritte.")
            }
        }
    }
}
