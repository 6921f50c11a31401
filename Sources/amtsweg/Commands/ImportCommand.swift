import AmtswegCore
import AmtswegInterchange
import AmtswegStore
import ArgumentParser
import ProcessBPMN

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Liest eine Kommune aus JSON oder ergänzt sie aus CSV-Dateien – ganz oder gar nicht.",
        discussion: """
            JSON (aus 'amtsweg export') ersetzt die gespeicherte Kommune gleicher Kennung.
            CSV-Dateien (Trennzeichen ';' oder ',', UTF-8 oder Windows-1252) ergänzen die Kommune; \
            Zeilen mit bekannter Kennung ersetzen den gespeicherten Stand. Bei einem Fehler wird nichts gespeichert.
            """)

    @OptionGroup var store: StoreOptions

    @Argument(help: "JSON-Exportdatei.")
    var json: String?

    @Option(help: "CSV mit Organisationseinheiten (id;name;kind;parent;office_number).") var units: [String] = []
    @Option(help: "CSV mit externen Stellen (id;name;kind).") var externals: [String] = []
    @Option(help: "CSV mit Stellen (id;title;unit;fte;pay_grade;role).") var positions: [String] = []
    @Option(help: "CSV mit Aufgaben (id;name;unit;task_group;product_area).") var tasks: [String] = []
    @Option(help: "CSV mit Leistungen (id;name;leika;unit).") var services: [String] = []
    @Option(help: "CSV mit Informationsflüssen (id;from;to;object;channel;medium;frequency;service;note).")
    var flows: [String] = []

    func validate() throws {
        let csvCount = units.count + externals.count + positions.count + tasks.count + services.count + flows.count
        if json == nil && csvCount == 0 {
            throw ValidationError("Bitte eine JSON-Datei oder mindestens eine CSV-Datei angeben.")
        }
        if json != nil && csvCount > 0 {
            throw ValidationError("JSON und CSV bitte in getrennten Aufrufen importieren.")
        }
    }

    func run() async throws {
        try await reportingErrors {
            let repository = try await store.repository()
            if let json {
                let contents = try TenantDocument.decodeContents(try readFile(json), file: json)
                // Every process's BPMN must read before anything is stored.
                for record in contents.processes {
                    do { _ = try record.read() } catch {
                        throw CLIError("\(json): Prozess '\(record.id)': BPMN nicht lesbar: \(error)")
                    }
                }
                let map = contents.map
                try await repository.saveTenant(contents, by: .local)
                print(
                    "\(map.tenant.name) aus \(json) importiert: \(map.units.count) Einheiten, "
                        + "\(map.flows.count) Informationsflüsse, \(contents.processes.count) Prozesse, "
                        + "\(contents.roadmap.initiatives.count) Maßnahmen, \(contents.measurements.count) Messwerte."
                )
                return
            }
            let files: [(CSVKind, [String])] = [
                (.units, units), (.externals, externals), (.positions, positions),
                (.tasks, tasks), (.services, services), (.flows, flows),
            ]
            let csv = try files.flatMap { kind, paths in
                try paths.map {
                    CSVFile(kind: kind, name: $0, data: try readFile($0, limit: CSVImporter.defaultMaxBytes))
                }
            }
            let before = try await repository.loadMap(of: try await store.tenantID(in: repository))
            let merged = try CSVImporter.merge(csv, into: before)
            try await repository.saveMap(merged, by: .local)
            print(
                "Import abgeschlossen: \(merged.units.count - before.units.count) neue Einheiten, "
                    + "\(merged.positions.count - before.positions.count) neue Stellen, \(merged.duties.count - before.duties.count) neue Aufgaben, "
                    + "\(merged.services.count - before.services.count) neue Leistungen, \(merged.flows.count - before.flows.count) neue Informationsflüsse."
            )
        }
    }
}
