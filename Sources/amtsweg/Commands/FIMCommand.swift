import AmtswegCore
import AmtswegServer
import AmtswegStore
import ArgumentParser
import FIM
import Foundation

/// FIM reference processes on the command line: import an XProzess message, derive a local process from a
/// master, compare a local process with its master, write a local process as XProzess — the same as the FIM
/// pages, written as the local user.
struct FIMCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fim", abstract: "FIM-Referenzprozesse (XProzess 2): einlesen, ableiten, vergleichen, ausgeben.",
        subcommands: [Import.self, Derive.self, Diff.self, Export.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Liest eine XProzess-2-Nachricht (0303, 0103, 0203) als Referenzprozesse ein.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "XProzess-Datei.") var file: String

        func run() async throws {
            try await reportingErrors {
                let repository = try await store.repository()
                let tenant = try await store.tenantID(in: repository)
                let data = try Data(contentsOf: URL(fileURLWithPath: file))
                let imported: FIMLibrary.Imported
                do {
                    imported = try await FIMLibrary.importMessage(
                        data, file: file, workspace: Workspace(repository: repository), tenant: tenant, by: .local)
                } catch let failure as FIMLibrary.Failure {
                    throw CLIError(failure.description)
                }
                for warning in imported.warnings { FileHandle.standardError.write(Data("Warnung: \(warning)\n".utf8)) }
                for (reference, isNew) in imported.processes {
                    print(
                        "\(reference.name): \(reference.label) \(isNew ? "eingelesen" : "war schon da, unverändert").")
                }
                for update in imported.updates {
                    print(
                        "Prozess '\(update.processID)' folgt noch Fassung \(update.fromVersion); in \(update.toVersion) geändert:"
                    )
                    if update.changes.isEmpty { print("  – keine Änderung am Ablauf") }
                    for change in update.changes.changes { print("  – \(change.text)") }
                }
            }
        }
    }

    struct Derive: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "derive", abstract: "Leitet aus einem Referenzprozess einen lokalen Prozess ab.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "Kennung des Referenzprozesses (LeiKa-Schlüssel).") var master: String
        @Option(help: "Fassung des Referenzprozesses (ohne: die neueste).") var version: String?
        @Option(name: .customLong("as"), help: "Kennung des lokalen Prozesses.") var processID: String
        @Option(help: "Name des lokalen Prozesses (ohne: der des Referenzprozesses).") var name: String?

        func run() async throws {
            try await reportingErrors {
                let repository = try await store.repository()
                let tenant = try await store.tenantID(in: repository)
                let versions = try await repository.referenceProcesses(of: tenant).filter { $0.id == master }
                guard let chosen = version ?? versions.last?.version else {
                    throw CLIError("Einen Referenzprozess '\(master)' gibt es nicht; zuerst 'amtsweg fim import'.")
                }
                let record = try await FIMLibrary.derive(
                    master: master, version: chosen, as: ID(processID), name: name,
                    workspace: Workspace(repository: repository), tenant: tenant, by: .local)
                print("Prozess '\(record.id)' (\(record.name)) aus \(master), Fassung \(chosen), abgeleitet.")
            }
        }
    }

    struct Diff: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff", abstract: "Was ein lokaler Prozess anders macht als sein Referenzprozess.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "Kennung des lokalen Prozesses.") var process: String
        @Flag(help: "Ausgabe als JSON.") var json = false

        func run() async throws {
            try await reportingErrors {
                let repository = try await store.repository()
                let tenant = try await store.tenantID(in: repository)
                guard
                    let lineage = try await repository.lineage(of: tenant).first(where: {
                        $0.processID.rawValue == process
                    })
                else { throw CLIError("Der Prozess '\(process)' ist aus keinem Referenzprozess abgeleitet.") }
                let record = try await repository.process(ID(process), of: tenant)
                let comparison = try FIMLibrary.compare(
                    record, lineage: lineage, references: try await repository.referenceProcesses(of: tenant),
                    map: try await repository.loadMap(of: tenant))
                struct Output: Encodable {
                    var process, master, masterVersion: String
                    var newerVersions: [String]
                    var changes: [Change]
                    var differences: Int
                    struct Change: Encodable { var kind, element, text: String }
                }
                let output = Output(
                    process: process, master: lineage.masterID, masterVersion: lineage.masterVersion,
                    newerVersions: comparison.newerVersions.map(\.version),
                    changes: comparison.delta.changes.map {
                        .init(kind: $0.kind.rawValue, element: $0.elementID, text: $0.text)
                    },
                    differences: comparison.differences.count)
                if json { return try printJSON(output) }
                print("\(record.name) gegenüber \(comparison.master.name), Fassung \(lineage.masterVersion):")
                if output.changes.isEmpty { print("  keine Unterschiede") }
                for change in output.changes { print("  – \(change.text)") }
                if let newest = comparison.newerVersions.last {
                    print("Neuere Fassung des Referenzprozesses: \(newest.version).")
                }
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export", abstract: "Schreibt einen lokalen Prozess als XProzess-2-Nachricht (0303).")

        @OptionGroup var store: StoreOptions
        @Argument(help: "Kennung des Prozesses.") var process: String
        @Option(name: .shortAndLong, help: "Zieldatei.") var output: String

        func run() async throws {
            try await reportingErrors {
                let repository = try await store.repository()
                let tenant = try await store.tenantID(in: repository)
                let record = try await repository.process(ID(process), of: tenant)
                let versions = try await repository.versions(of: ID(process), in: tenant)
                let data = try FIMLibrary.export(
                    record,
                    lineage: try await repository.lineage(of: tenant).first { $0.processID.rawValue == process },
                    references: try await repository.referenceProcesses(of: tenant),
                    tenantName: try await repository.loadMap(of: tenant).tenant.name,
                    localVersion: versions.last?.number ?? 1)
                try write(data, to: output)
                print("Prozess '\(process)' als XProzess 2 nach \(output) geschrieben (\(data.count) Bytes).")
            }
        }
    }
}
