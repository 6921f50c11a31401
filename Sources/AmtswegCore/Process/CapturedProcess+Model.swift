extension CapturedProcess {
    /// The process graph: start, the items in order, end; one lane per performer in order of first
    /// appearance, named by `laneName` (the performer's title in the organisation).
    public func processModel(laneName: (Performer) -> String) -> ProcessModel {
        var builder = GraphBuilder()
        let start = builder.node(.start, prefix: "Start", name: "Eingang")
        let last = builder.add(items, after: [start])
        let end = builder.node(.end, prefix: "Ende", name: "Erledigt")
        for (source, label, share) in last { builder.flow(source, end, label: label, share: share) }
        var process = ProcessModel(
            id: id, name: name, serviceID: serviceID, ownerUnitID: ownerUnitID, state: state, istID: istID,
            nodes: builder.nodes, flows: builder.flows)
        var laneOf: [Performer: String] = [:]
        for index in process.nodes.indices {
            guard let performer = process.nodes[index].step?.performer else { continue }
            if laneOf[performer] == nil {
                laneOf[performer] = "Lane_\(laneOf.count + 1)"
                process.lanes.append(
                    ProcessLane(id: laneOf[performer]!, name: laneName(performer), performer: performer))
            }
            process.nodes[index].laneID = laneOf[performer]
            process.nodes[index].step?.performer = nil
        }
        // Gateways and events sit in the lane of the step before them, or of the first step; a step without
        // performer stays outside every lane, visibly unassigned.
        var current = process.nodes.first { $0.laneID != nil }?.laneID
        for index in process.nodes.indices {
            if let lane = process.nodes[index].laneID {
                current = lane
            } else if process.nodes[index].kind != .step {
                process.nodes[index].laneID = current
            }
        }
        return process
    }

    private struct GraphBuilder {
        var nodes: [ProcessNode] = []
        var flows: [ProcessFlow] = []
        var counters: [String: Int] = [:]

        mutating func node(_ kind: ProcessNode.Kind, prefix: String, name: String = "", id: String = "") -> String {
            var id = id
            if id.isEmpty || nodes.contains(where: { $0.id == id }) {
                counters[prefix, default: 0] += 1
                id =
                    counters[prefix] == 1 && (kind == .start || kind == .end)
                    ? prefix : "\(prefix)_\(counters[prefix]!)"
            }
            nodes.append(ProcessNode(id: id, kind: kind, name: name))
            return id
        }

        mutating func flow(_ source: String, _ target: String, label: String = "", share: Double? = nil) {
            flows.append(
                ProcessFlow(
                    id: "Fluss_\(flows.count + 1)", sourceID: source, targetID: target, share: share, name: label))
        }

        /// Adds items after the given open ends; returns the new open ends (node, label, share of the flow
        /// still to be drawn from it).
        mutating func add(_ items: [CapturedItem], after ends: [String]) -> [(String, String, Double?)] {
            var open = ends.map { ($0, "", Double?.none) }
            for item in items {
                switch item {
                case .step(let id, let name, let details):
                    let step = node(.step, prefix: "Schritt", name: name, id: id)
                    nodes[nodes.count - 1].step = details
                    for (source, label, share) in open { flow(source, step, label: label, share: share) }
                    open = [(step, "", nil)]
                case .choice(let question, let branches):
                    let split = node(.exclusive, prefix: "Verzweigung", name: question)
                    for (source, label, share) in open { flow(source, split, label: label, share: share) }
                    // The join's id is known before the branches, so that an empty branch's flow keeps its place.
                    counters["Zusammenfuehrung", default: 0] += 1
                    let join = "Zusammenfuehrung_\(counters["Zusammenfuehrung"]!)"
                    var joined: [(String, String, Double?)] = []
                    for branch in branches {
                        if branch.items.isEmpty {
                            flow(split, join, label: branch.label, share: branch.share)
                            continue
                        }
                        let before = flows.count
                        joined += add(branch.items, after: [split])
                        flows[before].name = branch.label
                        flows[before].share = branch.share
                    }
                    nodes.append(ProcessNode(id: join, kind: .exclusive))
                    for (source, label, share) in joined { flow(source, join, label: label, share: share) }
                    open = [(join, "", nil)]
                case .parallel(let branches):
                    let split = node(.parallel, prefix: "Parallel")
                    for (source, label, share) in open { flow(source, split, label: label, share: share) }
                    var joined: [(String, String, Double?)] = []
                    for branch in branches {
                        let before = flows.count
                        joined += add(branch.items, after: [split])
                        flows[before].name = branch.label
                    }
                    let join = node(.parallel, prefix: "Parallel")
                    for (source, label, share) in joined { flow(source, join, label: label, share: share) }
                    open = [(join, "", nil)]
                case .goBack(let target, let share, let label):
                    let decision = node(.exclusive, prefix: "Verzweigung", name: label)
                    for (source, label, flowShare) in open { flow(source, decision, label: label, share: flowShare) }
                    flow(decision, target, label: label, share: share)
                    open = [(decision, "", 1 - share)]
                }
            }
            return open
        }
    }
}
