public import AmtswegCore
public import BPMN

/// Draws a process captured in Amtsweg (for instance step by step) as standard BPMN: one lane per lane of
/// the process, a task of the building block's type per step, gateways and events, the enrichment as Amtsweg
/// attributes, and a diagram from the auto-layout.
public enum ProcessGenerator {
    /// - Parameter blocks: the building blocks steps may name (the tenant's own beside the standard ones);
    ///   they decide each step's task type.
    public static func bpmn(for process: ProcessModel, blocks: [BuildingBlock] = BuildingBlock.standard) -> BPMNModel {
        let taskTypes = Dictionary(blocks.map { ($0.key, $0.taskType) }, uniquingKeysWith: { _, b in b })
        var processElement = BPMNElement(
            kind: "model:process",
            attributes: ["id": BPMNIdentifier.make("Process_" + process.id.rawValue), "isExecutable": "false"])
        if !process.name.isEmpty { processElement["name"] = process.name }
        AmtswegAttributes.set(metadata(of: process), on: &processElement)

        if !process.lanes.isEmpty {
            var laneSet = BPMNElement(kind: "model:laneSet", attributes: ["id": "LaneSet_1"])
            for lane in process.lanes {
                var element = BPMNElement(kind: "model:lane", attributes: ["id": BPMNIdentifier.make(lane.id)])
                if !lane.name.isEmpty { element["name"] = lane.name }
                AmtswegAttributes.set([.performer: lane.performer?.description ?? ""], on: &element)
                element.children = process.nodes.filter { $0.laneID == lane.id }.map {
                    BPMNElement(kind: "model:flowNodeRef", text: BPMNIdentifier.make($0.id))
                }
                laneSet.children.append(element)
            }
            processElement.children.append(laneSet)
        }
        for node in process.nodes { processElement.children.append(element(for: node, taskTypes: taskTypes)) }
        for flow in process.flows {
            var element = BPMNElement(
                kind: "model:sequenceFlow",
                attributes: [
                    "id": BPMNIdentifier.make(flow.id), "sourceRef": BPMNIdentifier.make(flow.sourceID),
                    "targetRef": BPMNIdentifier.make(flow.targetID),
                ])
            if !flow.name.isEmpty { element["name"] = flow.name }
            if let share = flow.share { AmtswegAttributes.set([.share: AmtswegAttributes.number(share)], on: &element) }
            processElement.children.append(element)
        }
        let definitions = BPMNElement(
            kind: "model:definitions",
            attributes: [
                "id": "Definitions_" + BPMNIdentifier.make(process.id.rawValue),
                "targetNamespace": "urn:amtsweg:process", "exporter": "Amtsweg",
            ],
            children: [processElement])
        return BPMNLayout.layout(BPMNModel(definitions: definitions, rootNamespaces: [AmtswegAttributes.declaration]))
    }

    /// The process's place in the organisation as Amtsweg attributes of the BPMN process.
    static func metadata(of process: ProcessModel) -> [AmtswegAttributes.Name: String] {
        [
            .id: process.id.rawValue, .service: process.serviceID?.rawValue ?? "",
            .owner: process.ownerUnitID?.rawValue ?? "", .state: process.state.rawValue,
            .ist: process.istID?.rawValue ?? "",
        ]
    }

    private static func element(
        for node: ProcessNode, taskTypes: [BuildingBlock.Key: BuildingBlock.TaskType]
    ) -> BPMNElement {
        let kind: String
        var children: [BPMNElement] = []
        switch node.kind {
        case .start: kind = "model:startEvent"
        case .end: kind = "model:endEvent"
        case .event:
            kind = "model:intermediateCatchEvent"
            children = [
                BPMNElement(
                    kind: "model:timerEventDefinition", attributes: ["id": BPMNIdentifier.make(node.id) + "_timer"])
            ]
        case .exclusive: kind = "model:exclusiveGateway"
        case .parallel: kind = "model:parallelGateway"
        case .step:
            let type = node.step?.block.flatMap { taskTypes[$0] } ?? .user
            kind = "model:" + type.bpmnElement
        }
        var element = BPMNElement(kind: kind, attributes: ["id": BPMNIdentifier.make(node.id)], children: children)
        if !node.name.isEmpty { element["name"] = node.name }
        if let details = node.step { AmtswegAttributes.set(details.attributes, on: &element) }
        return element
    }
}

/// BPMN ids are XML names (NCName): letters, digits, `_`, `-`, `.`, not starting with a digit, `-` or `.`.
enum BPMNIdentifier {
    /// The id itself when it is a valid NCName, else a valid one made from it (other characters become `_`).
    static func make(_ id: String) -> String {
        if isValid(id) { return id }
        var result = String(id.unicodeScalars.map { isNameCharacter($0) ? Character($0) : "_" })
        if let first = result.unicodeScalars.first, !isNameStart(first) { result = "_" + result }
        return result.isEmpty ? "_" : result
    }

    static func isValid(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, isNameStart(first) else { return false }
        return id.unicodeScalars.allSatisfy(isNameCharacter)
    }

    private static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic
    }

    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isNameStart(scalar) || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "."
    }
}
