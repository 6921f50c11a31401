import AmtswegCore
import AmtswegReports
import AmtswegStore
import ArgumentParser
import FIM
import Foundation

/// The OZG catalogue and maturity on the command line: import the catalogue into a tenant, see where the
/// tenant's services stand, load a maturity model version.
struct OZGCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ozg", abstract: "OZG-Katalog einlesen, Reifegrad der Leistungen, Reifegradmodelle.",
        subcommands: [Import.self, Status.self, Model.self])

    /// Where the catalogue comes from and as of when — shown wherever the catalogue is.
    struct SnapshotOptions: ParsableArguments {
        @Option(help: "Quelle des Katalogs, wie sie auf den Seiten steht.")
        var source = "OZG-Umsetzungskatalog mit LeiKa-Zuordnung (OZG-Datenbank NRW, KDN)"
        @Option(help: "Stand der Quelle (JJJJ-MM-TT), z. B. 2019-12-20.") var asOf: String?

        func snapshot() throws -> OZGCatalogue.Snapshot {
            let day = try asOf.map { text in
                guard let day = Day(text) else { throw CLIError("--as-of ist kein Datum: '\(text)'.") }
                return day
            }
            return OZGCatalogue.Snapshot(source: source, asOf: day)
        }
    }

    /// Reads the catalogue from `directory` into the tenant and, when it has none yet, installs the maturity
    /// model shipped with Amtsweg; prints what changed.
    static func importCatalogue(
        from directory: String, snapshot: SnapshotOptions, into tenant: ID<Tenant>, repository: SQLMapRepository
    ) async throws {
        let catalogue: OZGCatalogue
        do {
            catalogue = try OZGCatalogueReader.read(
                directory: URL(fileURLWithPath: directory), snapshot: try snapshot.snapshot())
        } catch let error as OZGCatalogueError {
            throw CLIError(error.description)
        }
        let changes = try await repository.importOZGCatalogue(catalogue, into: tenant, by: .local)
        if try await repository.maturityModels(of: tenant).isEmpty {
            let model = MaturityModelReader.builtIn()
            try await repository.saveMaturityModel(model, of: tenant, by: .local)
            print("\(model.name) hinterlegt.")
        }
        print(
            "OZG-Katalog eingelesen: \(catalogue.topics.count) Themenfelder, \(catalogue.situations.count) Lagen, "
                + "\(catalogue.services.count) OZG-Leistungen, \(catalogue.entries.count) LeiKa-Leistungen.")
        print(
            changes.isEmpty
                ? "Gegenüber dem gespeicherten Katalog hat sich nichts geändert." : "Änderungen: \(changes.summary).")
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Liest den OZG-Katalog (vier CSV-Dateien) in die Kommune ein; erneut eingelesen ändert er nur, "
                + "was sich geändert hat.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var snapshot: SnapshotOptions
        @Argument(
            help:
                "Verzeichnis mit ozg_themenfelder.csv, ozg_lagen.csv, ozg_leistungen.csv und leika_leistungen_ozg_mapping.csv."
        )
        var directory = "."

        func run() async throws {
            try await reportingErrors {
                let repository = try await store.repository()
                let tenant = try await store.tenantID(in: repository)
                try await OZGCommand.importCatalogue(
                    from: directory, snapshot: snapshot, into: tenant, repository: repository)
            }
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status", abstract: "Reifegrad der Leistungen je Themenfeld, OZG-Leistungen online, Lücken.")

        @OptionGroup var store: StoreOptions
        @Flag(help: "Ausgabe als JSON.") var json = false

        func run() async throws {
            try await reportingErrors {
                let repository = try await store.repository()
                let tenant = try await store.tenantID(in: repository)
                let overview = OZGOverview(
                    map: try await repository.loadMap(of: tenant),
                    catalogue: try await repository.ozgCatalogue(of: tenant),
                    models: try await repository.maturityModels(of: tenant),
                    assessments: try await repository.maturityAssessments(of: tenant))
                struct Row: Encodable {
                    var service, name: String
                    var leikaKey: String
                    var ozgService: String?, situation: String?, topic: String?
                    var currentLevel: Int?, targetLevel: Int?
                    var assessedOn: String?, assessedBy: String?
                    var online: Bool
                }
                let rows = overview.rows.map {
                    Row(
                        service: $0.service.id.rawValue, name: $0.service.name, leikaKey: $0.service.leikaKey.rawValue,
                        ozgService: $0.placement?.service?.name, situation: $0.placement?.situation?.name,
                        topic: $0.placement?.topic?.name, currentLevel: $0.currentLevel, targetLevel: $0.targetLevel,
                        assessedOn: $0.assessment?.assessedOn.description, assessedBy: $0.assessment?.assessedBy,
                        online: $0.isOnline)
                }
                if json { return try printJSON(rows) }
                func level(_ value: Int?) -> String { value.map(String.init) ?? "–" }
                print(
                    TextTable(
                        headers: ["Leistung", "OZG-Leistung", "Themenfeld", "Reifegrad", "Ziel", "bewertet"],
                        rows: rows.map {
                            [
                                $0.name, $0.ozgService ?? "nicht im Katalog", $0.topic ?? "–", level($0.currentLevel),
                                level($0.targetLevel), $0.assessedOn ?? "nie",
                            ]
                        }
                    ).render())
                let online = overview.ozgServices.filter(\.isOnline).count
                print("OZG-Leistungen online: \(online) von \(overview.ozgServices.count).")
                if !overview.unassessed.isEmpty { print("Ohne Bewertung: \(overview.unassessed.count) Leistungen.") }
                if !overview.notInCatalogue.isEmpty {
                    print(
                        "Nicht im OZG-Katalog: " + overview.notInCatalogue.map(\.name).joined(separator: ", ") + ".")
                }
            }
        }
    }

    struct Model: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "model",
            abstract: "Hinterlegt ein Reifegradmodell aus einer JSON-Datei (etwa Version 2.0 mit Stufen 0 bis 7).")

        @OptionGroup var store: StoreOptions
        @Argument(help: "JSON-Datei des Modells.") var file: String

        func run() async throws {
            try await reportingErrors {
                let repository = try await store.repository()
                let tenant = try await store.tenantID(in: repository)
                let data = try Data(contentsOf: URL(fileURLWithPath: file))
                let model: MaturityModel
                do {
                    model = try MaturityModelReader.read(data, file: file)
                } catch {
                    throw CLIError("\(error)")
                }
                try await repository.saveMaturityModel(model, of: tenant, by: .local)
                print("\(model.name) hinterlegt: Stufen 0 bis \(model.topLevel), \(model.criteria.count) Kriterien.")
            }
        }
    }
}
