public import AmtswegCore
public import BPMN

/// Writes a process's organisation mapping and enrichment into an existing BPMN model — one imported from
/// another modeller — as Amtsweg attributes, leaving everything else as it was. Reading the result with
/// ``ProcessExtractor`` gives the process back.
public enum ProcessEnricher {
    public static func apply(_ process: ProcessModel, to model: BPMNModel) -> BPMNModel {
        var model = model
        let nodes = Dictionary(process.nodes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let lanes = Dictionary(process.lanes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let flows = Dictionary(process.flows.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        // Shares of boundary events sit on the flow the extractor made from the activity's exit to the event.
        var boundaryShares: [String: Double] = [:]
        for flow in process.flows where flow.sourceID.hasSuffix("#ausgang") {
            if let share = flow.share { boundaryShares[flow.targetID] = share }
        }
        let processes = model.definitions.children.indices.filter {
            model.definitions.children[$0].kind == "model:process"
        }
        let main =
            processes.first { AmtswegAttributes.values(of: model.definitions.children[$0])[.id] != nil }
            ?? processes.max {
                model.definitions.children[$0].descendants().count < model.definitions.children[$1].descendants().count
            }
        for index in model.definitions.children.indices {
            update(
                &model.definitions.children[index], nodes: nodes, lanes: lanes, flows: flows, boundary: boundaryShares)
        }
        if let main {
            var element = model.definitions.children[main]
            AmtswegAttributes.set(ProcessGenerator.metadata(of: process), on: &element)
            model.definitions.children[main] = element
        }
        if !model.rootNamespaces.contains(AmtswegAttributes.declaration) {
            model.rootNamespaces.removeAll { $0.prefix == AmtswegAttributes.prefix }
            model.rootNamespaces.append(AmtswegAttributes.declaration)
        }
        return model
    }

    private static func update(
        _ element: inout BPMNElement, nodes: [String: ProcessNode], lanes: [String: ProcessLane],
        flows: [String: ProcessFlow], boundary: [String: Double]
    ) {
        if let id = element.id {
            if element.kind == "model:lane", let lane = lanes[id] {
                AmtswegAttributes.set([.performer: lane.performer?.description ?? ""], on: &element)
            } else if element.kind == "model:sequenceFlow", let flow = flows[id] {
                AmtswegAttributes.set([.share: flow.share.map(AmtswegAttributes.number) ?? ""], on: &element)
            } else if let node = nodes[id], element.kind != "model:process" {
                var values = node.step?.attributes ?? [:]
                if let share = boundary[id] { values[.share] = AmtswegAttributes.number(share) }
                AmtswegAttributes.set(values, on: &element)
            }
        }
        for index in element.children.indices {
            update(&element.children[index], nodes: nodes, lanes: lanes, flows: flows, boundary: boundary)
        }
    }
}
