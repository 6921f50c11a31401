public import AmtswegCore
public import ProcessMining

extension ProcessModel {
    /// A process drawn from a discovered process tree, so that a mined model is a process like any other:
    /// steps for activities, exclusive gateways for choices and loops, parallel gateways for parallel blocks,
    /// one start and one end event. Silent steps become plain flows. Lanes and enrichment are left to the user.
    public init(discovered tree: ProcessTree, id: ID<ProcessModel>, name: String) {
        var builder = DiscoveredProcessBuilder()
        let start = builder.node(.start, name: "")
        let exit = builder.add(tree, after: start)
        let end = builder.node(.end, name: "")
        builder.flow(from: exit, to: end)
        self.init(id: id, name: name, nodes: builder.nodes, flows: builder.flows)
    }
}

private struct DiscoveredProcessBuilder {
    var nodes: [ProcessNode] = []
    var flows: [ProcessFlow] = []

    mutating func node(_ kind: ProcessNode.Kind, name: String) -> String {
        let prefix =
            switch kind {
            case .start: "StartEvent"
            case .end: "EndEvent"
            case .step: "Activity"
            case .exclusive, .parallel: "Gateway"
            case .event: "Event"
            }
        let id = "\(prefix)_\(nodes.count + 1)"
        nodes.append(ProcessNode(id: id, kind: kind, name: name))
        return id
    }

    mutating func flow(from source: String, to target: String) {
        flows.append(ProcessFlow(id: "Flow_\(flows.count + 1)", sourceID: source, targetID: target))
    }

    /// Adds `tree` after node `entry`; returns the node the next part follows.
    mutating func add(_ tree: ProcessTree, after entry: String) -> String {
        switch tree {
        case .silent:
            return entry
        case .activity(let name):
            let step = node(.step, name: name)
            flow(from: entry, to: step)
            return step
        case .sequence(let children):
            return children.reduce(entry) { add($1, after: $0) }
        case .exclusiveChoice(let children), .parallel(let children):
            let kind: ProcessNode.Kind = if case .parallel = tree { .parallel } else { .exclusive }
            let split = node(kind, name: "")
            flow(from: entry, to: split)
            let join = node(kind, name: "")
            for child in children { flow(from: add(child, after: split), to: join) }
            return join
        case .loop(let children):
            // The body runs at least once; after it, leave or take a way back to its start.
            let loopStart = node(.exclusive, name: "")
            flow(from: entry, to: loopStart)
            let afterBody = node(.exclusive, name: "")
            flow(from: add(children.first ?? .silent, after: loopStart), to: afterBody)
            for redo in children.dropFirst() { flow(from: add(redo, after: afterBody), to: loopStart) }
            return afterBody
        }
    }
}
