import AmtswegCore
import AmtswegDemo
import AmtswegServer
import AmtswegStore
import ArgumentParser
import ProcessBPMN

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Schreibt die Demo-Kommune „Musterstadt“ in die Datenbank.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await reportingErrors {
            let repository = try await database.repository()
            let map = Musterstadt.map()
            let processes = Musterstadt.processRecords(for: map)
            try await DemoLoader.write(into: repository)
            print(
                "Musterstadt gespeichert in \(try database.location): \(map.units.count) Einheiten, \(map.positions.count) Stellen, "
                    + "\(map.duties.count) Aufgaben, \(map.services.count) Leistungen, \(map.flows.count) Informationsflüsse, "
                    + "\(processes.count) Prozesse, ein Fahrplan."
            )
        }
    }
}
