public import AmtswegCore
public import BPMN
import Foundation

extension ProcessRecord {
    /// The stored form of a process whose BPMN is `model` (generated, or imported and enriched).
    public init(process: ProcessModel, model: BPMNModel) {
        self.init(
            id: process.id, name: process.name, serviceID: process.serviceID, ownerUnitID: process.ownerUnitID,
            state: process.state, istID: process.istID,
            bpmn: String(decoding: BPMNWriter.write(model), as: UTF8.self))
    }

    /// A process captured as a step list, drawn as BPMN with lanes named after the tenant's organisation.
    public init(captured: CapturedProcess, map: TenantMap) {
        let process = captured.processModel(laneName: map.name(of:))
        self.init(process: process, model: ProcessGenerator.bpmn(for: process, blocks: map.catalogue.allBuildingBlocks))
    }

    /// The stored BPMN read back, with the process Amtsweg analyses. The record's own facts (id, service,
    /// owner, state) win over what the BPMN says, so a process renamed in a list stays renamed.
    public func read() throws(BPMNError) -> (model: BPMNModel, process: ProcessModel) {
        let model = try BPMNReader.read(Data(bpmn.utf8), file: "\(id).bpmn")
        var process = ProcessExtractor.extract(model, fallbackID: id).process
        process.id = id
        process.name = name
        process.serviceID = serviceID
        process.ownerUnitID = ownerUnitID
        process.state = state
        process.istID = istID
        return (model, process)
    }
}
