import AmtswegCore
import AmtswegReports
import AmtswegStore
import ArgumentParser
import BPMN
import Foundation
import ProcessBPMN

struct ProcessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "process", abstract: "Prozesse einer Kommune: BPMN einlesen, auflisten, ausgeben.",
        subcommands: [
            List.self, Show.self, ImportBPMN.self, Export.self, MapLane.self, Capture.self, Versions.self, Diff.self,
            Release.self,
        ])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Alle Prozesse.")

        @OptionGroup var store: StoreOptions
        @Flag(help: "Ausgabe als JSON.") var json = false

        func run() async throws {
            try await reportingErrors {
                let repository = try await store.repository()
                let records = try await repository.processes(of: try await store.tenantID(in: repository))
                struct Row: Encodable {
                    var id, name, state: String
                    var service, owner, ist: String?
                }
                let rows = records.map {
                    Row(
                        id: $0.id.rawValue, name: $0.name, state: $0.state.rawValue, service: $0.serviceID?.rawValue,
                        owner: $0.ownerUnitID?.rawValue, ist: $0.istID?.rawValue)
                }
                if json {
                    try printJSON(rows)
                } else {
                    print(
                        TextTable(
                            headers: ["Kennung", "Name", "Stand", "Leistung", "Verantwortlich"],
                            rows: rows.map { [$0.id, $0.name, $0.state, $0.service ?? "–", $0.owner ?? "–"] }
                        ).render())
                }
            }
        }
    }

    struct ImportBPMN: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-bpmn",
            abstract: "Liest eine BPMN-Datei aus einem beliebigen Modellierungswerkzeug als Prozess ein.",
            discussion: """
                Bahnen (Lanes) werden nach ihrem Namen Stellen, Rollen oder Organisationseinheiten zugeordnet \
                (beste Schätzung); Amtsweg-Angaben in der Datei (aus einem früheren Export) bleiben erhalten.
                """)

        @OptionGroup var store: StoreOptions
        @Argument(help: "BPMN-Datei.") var file: String
        @Option(help: "Leistung: Kennung oder LeiKa-Schlüssel.") var service: String?
        @Option(help: "Kennung des neuen Prozesses (Standard: aus der Datei oder ihrem Namen).") var id: String?
        @Option(help: "Verantwortliche Organisationseinheit.") var owner: String?

        func run() async throws {
            try await reportingErrors {
                let repository = try await store.repository()
                let tenant = try await store.tenantID(in: repository)
                let map = try await repository.loadMap(of: tenant)
                let model = try BPMNReader.read(contentsOf: URL(fileURLWithPath: file))
                let fileID = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
                var matched: Service?
                if let service {
                    guard let match = map.service(matching: service) else {
                        throw CLIError("Eine Leistung '\(service)' (Kennung oder LeiKa-Schlüssel) gibt es nicht.")
                    }
                    matched = match
                }
                if let owner, !map.units.contains(where: { $0.id.rawValue == owner }) {
                    throw CLIError("Eine Organisationseinheit '\(owner)' gibt es nicht.")
                }
                let imported = BPMNImport(
                    model: model, fallbackID: ID(fileID), map: map, id: id.map { ID($0) }, service: matched,
                    owner: owner.map { ID($0) })
                for problem in imported.problems {
                    FileHandle.standardError.write(Data("Hinweis: \(file): \(problem)\n".utf8))
                }
                let process = imported.process, record = imported.record
                try await repository.saveProcess(record, of: tenant, by: .local)
                let mapped = process.lanes.filter { $0.performer != nil }
                print(
                    "Prozess '\(process.id)' gespeichert: \(process.steps.count) Schritte, \(process.lanes.count) Bahnen."
                )
                for lane in process.lanes {
                    let target = lane.performer.map { "→ \(map.name(of: $0)) (\($0))" } ?? "→ nicht zugeordnet"
                    print("  Bahn „\(lane.name)“ \(target)")
                }
                if mapped.count < process.lanes.count {
                    print("Nicht zugeordnete Bahnen bitte in der Oberfläche oder per Export/Import zuordnen.")
                }
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export", abstract: "Schreibt einen Prozess als BPMN 2.0 (mit Amtsweg-Angaben).")

        @OptionGroup var store: StoreOptions
        @Argument(help: "Kennung des Prozesses.") var id: String
        @Option(name: .shortAndLong, help: "Zieldatei (.bpmn); '-' für die Standardausgabe.") var output: String

        func run() async throws {
            try await reportingErrors {
                let repository = try await store.repository()
                let record = try await repository.process(ID(id), of: try await store.tenantID(in: repository))
                try write(Data(record.bpmn.utf8), to: output)
            }
        }
    }
}
