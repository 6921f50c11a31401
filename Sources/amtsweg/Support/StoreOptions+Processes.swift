import AmtswegCore
import AmtswegStore
import ProcessBPMN

extension StoreOptions {
    /// The tenant's map and every process read from its stored BPMN.
    func mapAndProcesses() async throws -> (map: TenantMap, processes: [ProcessModel]) {
        let repository = try await repository()
        let tenant = try await tenantID(in: repository)
        let map = try await repository.loadMap(of: tenant)
        let processes = try await repository.processes(of: tenant).map { record in
            do { return try record.read().process } catch {
                throw CLIError("Prozess '\(record.id)': gespeichertes BPMN nicht lesbar: \(error)")
            }
        }
        return (map, processes)
    }
}

extension [ProcessModel] {
    /// The process with this id, or an error that lists the ones there are.
    func named(_ id: String) throws -> ProcessModel {
        guard let process = first(where: { $0.id.rawValue == id }) else {
            throw CLIError(
                "Einen Prozess '\(id)' gibt es nicht. Vorhanden: \(map(\.id.rawValue).joined(separator: ", "))")
        }
        return process
    }
}
