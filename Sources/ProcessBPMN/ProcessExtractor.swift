public import AmtswegCore
public import BPMN

/// Turns a BPMN model — drawn by Amtsweg or by any modeller — into the process graph Amtsweg analyses.
///
/// Every process (pool) of the file takes part. Tasks, call activities, collapsed and ad-hoc sub-processes
/// become steps; an embedded sub-process or transaction with content is opened up, its inner start leading
/// on from where the sub-process was entered and its ends to where it is left; event sub-processes are left
/// out (they do not lie on the normal way). An activity with boundary events chooses between leaving
/// normally and leaving through one of them; a boundary event's share is `amtsweg:share`, or 10 % when none
/// is given. Data, artifacts and message flows do not affect the figures.
public enum ProcessExtractor {
    /// Share of cases assumed to leave through a boundary event when the model does not say.
    public static let defaultBoundaryShare = 0.1

    public struct Result: Sendable {
        public var process: ProcessModel
        /// Amtsweg attributes that could not be read, as "element: cause" in German.
        public var problems: [String]
    }

    public static func extract(_ model: BPMNModel, fallbackID: ID<ProcessModel> = "prozess") -> Result {
        var builder = Builder()
        let processes = model.definitions.children("model:process")
        let main =
            processes.first { AmtswegAttributes.values(of: $0)[.id] != nil }
            ?? processes.max { $0.descendants().count < $1.descendants().count }
        let participantNames = Dictionary(
            model.definitions.children("model:collaboration").flatMap { $0.children("model:participant") }
                .compactMap { p in p["processRef"].map { ($0, p.name ?? "") } }, uniquingKeysWith: { a, _ in a })
        for process in processes { builder.addContainer(process, isTopLevel: true) }
        builder.connectBoundaryEvents()

        let values = main.map(AmtswegAttributes.values(of:)) ?? [:]
        let name =
            [main?.name, main?.id.flatMap { participantNames[$0] }, model.definitions.name]
            .compactMap { $0 }.first { !$0.isEmpty } ?? "Prozess"
        let process = ProcessModel(
            id: values[.id].map { ID($0) } ?? fallbackID, name: name, serviceID: values[.service].map { ID($0) },
            ownerUnitID: values[.owner].map { ID($0) }, state: values[.state].flatMap(ProcessState.init) ?? .ist,
            istID: values[.ist].map { ID($0) }, lanes: builder.lanes, nodes: builder.nodes, flows: builder.flows)
        if let state = values[.state], ProcessState(rawValue: state) == nil {
            builder.problems.append("Prozess: unbekannter Stand amtsweg:state=\"\(state)\"")
        }
        return Result(process: process, problems: builder.problems)
    }

    private struct Builder {
        var nodes: [ProcessNode] = []
        var flows: [ProcessFlow] = []
        var lanes: [ProcessLane] = []
        var problems: [String] = []
        var laneOfNode: [String: String] = [:]
        /// Where flows into and out of an opened sub-process really go.
        var entryOf: [String: String] = [:]
        var exitOf: [String: String] = [:]
        var boundaryEvents: [(event: BPMNElement, host: String)] = []

        mutating func addContainer(_ container: BPMNElement, isTopLevel: Bool) {
            for laneSet in container.children("model:laneSet") { addLanes(laneSet) }
            for element in container.children {
                guard let id = element.id else { continue }
                switch element.kind {
                case "model:startEvent":
                    add(element, kind: isTopLevel ? .start : .event)
                case "model:endEvent":
                    add(element, kind: isTopLevel ? .end : .event)
                case "model:intermediateCatchEvent", "model:intermediateThrowEvent":
                    add(element, kind: .event)
                case "model:boundaryEvent":
                    add(element, kind: .event)
                    if let host = element["attachedToRef"] { boundaryEvents.append((element, host)) }
                case "model:exclusiveGateway", "model:inclusiveGateway", "model:eventBasedGateway",
                    "model:complexGateway":
                    add(element, kind: .exclusive)
                case "model:parallelGateway":
                    add(element, kind: .parallel)
                case "model:subProcess", "model:transaction":
                    if element["triggeredByEvent"] == "true" { continue }
                    if !element.children.contains(where: { $0.isActivity || $0.isEvent }) {
                        add(element, kind: .step)
                    } else {
                        // Opened up: the sub-process's own node leads to its inner starts, its ends lead to an
                        // exit node that takes over the sub-process's outgoing flows.
                        add(element, kind: .event)
                        let exit = id + "#ende"
                        nodes.append(
                            ProcessNode(id: exit, kind: .event, name: element.name ?? "", laneID: laneOfNode[id]))
                        exitOf[id] = exit
                        let before = nodes.count
                        addContainer(element, isTopLevel: false)
                        for node in nodes[before...] {
                            let inner = element.children.first { $0.id == node.id }
                            if inner?.kind == "model:startEvent" {
                                flows.append(ProcessFlow(id: "\(id)→\(node.id)", sourceID: id, targetID: node.id))
                            }
                            if inner?.kind == "model:endEvent" {
                                flows.append(ProcessFlow(id: "\(node.id)→\(exit)", sourceID: node.id, targetID: exit))
                            }
                        }
                        entryOf[id] = id
                    }
                default:
                    if element.isActivity { add(element, kind: .step) }
                }
            }
            // Flows last, when every opened sub-process at this level has its exit.
            for flow in container.children("model:sequenceFlow") {
                guard let id = flow.id, let source = flow["sourceRef"], let target = flow["targetRef"] else { continue }
                let values = AmtswegAttributes.values(of: flow)
                var share: Double?
                if let text = values[.share] {
                    share = Double(text).flatMap { (0...1).contains($0) ? $0 : nil }
                    if share == nil { problems.append("\(id): Anteil amtsweg:share=\"\(text)\" liegt nicht in 0…1") }
                }
                flows.append(
                    ProcessFlow(
                        id: id, sourceID: exitOf[source] ?? source, targetID: target, share: share,
                        name: flow.name ?? ""))
            }
        }

        mutating func addLanes(_ laneSet: BPMNElement) {
            for lane in laneSet.children("model:lane") {
                let nested = lane.children("model:childLaneSet")
                if nested.isEmpty, let id = lane.id {
                    let values = AmtswegAttributes.values(of: lane)
                    let performer = values[.performer].flatMap(Performer.init(reference:))
                    if let text = values[.performer], performer == nil {
                        problems.append("\(id): unbekannte Zuordnung amtsweg:performer=\"\(text)\"")
                    }
                    lanes.append(ProcessLane(id: id, name: lane.name ?? "", performer: performer))
                    for reference in lane.children("model:flowNodeRef") {
                        if let node = reference.text?.trimmingCharacters(in: .whitespacesAndNewlines) {
                            laneOfNode[node] = id
                        }
                    }
                }
                for childSet in nested { addLanes(childSet) }
            }
        }

        mutating func add(_ element: BPMNElement, kind: ProcessNode.Kind) {
            guard let id = element.id else { return }
            let values = AmtswegAttributes.values(of: element)
            let details = StepDetails(attributes: values, elementID: id, problems: &problems)
            nodes.append(
                ProcessNode(id: id, kind: kind, name: element.name ?? "", laneID: laneOfNode[id], step: details))
        }

        /// An activity with boundary events gets a choice right after it: leave normally, or through one of them.
        mutating func connectBoundaryEvents() {
            let byHost = Dictionary(grouping: boundaryEvents, by: \.host)
            for (host, events) in byHost.sorted(by: { $0.key < $1.key }) {
                guard nodes.contains(where: { $0.id == host }) else { continue }
                let source = exitOf[host] ?? host
                let choice = source + "#ausgang"
                let laneID = nodes.first { $0.id == host }?.laneID
                nodes.append(ProcessNode(id: choice, kind: .exclusive, laneID: laneID))
                for index in flows.indices where flows[index].sourceID == source {
                    flows[index].sourceID = choice
                }
                flows.append(ProcessFlow(id: "\(source)→\(choice)", sourceID: source, targetID: choice))
                for (event, _) in events {
                    guard let id = event.id else { continue }
                    let share = AmtswegAttributes.values(of: event)[.share].flatMap(Double.init)
                    flows.append(
                        ProcessFlow(
                            id: "\(choice)→\(id)", sourceID: choice, targetID: id,
                            share: share ?? ProcessExtractor.defaultBoundaryShare))
                }
            }
        }
    }
}
