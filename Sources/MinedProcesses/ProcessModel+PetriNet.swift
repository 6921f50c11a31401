public import AmtswegCore
public import ProcessMining

extension ProcessModel {
    /// The process as a workflow net for conformance checking. A step is a transition labelled with its name;
    /// it is reached from any of its incoming flows and feeds all outgoing ones, as BPMN's uncontrolled flow
    /// means. An exclusive gateway is a place: whichever flow brings the token, one way out takes it. A
    /// parallel gateway is a silent transition that waits for all incoming flows and starts all outgoing ones.
    /// Start events share the source place (initial marking), end events the sink place (final marking).
    ///
    /// Flows become places, and places that must hold the same token are merged — a flow into an exclusive
    /// gateway, the gateway and a flow out of it; the flows into one step — so that the net has silent
    /// transitions only where BPMN needs them (parallel gateways, a flow from one gateway straight into
    /// another): alignments search far fewer states.
    public func petriNet() -> PetriNet {
        var places = PlaceMerger()
        let kinds = Dictionary(nodes.map { ($0.id, $0.kind) }, uniquingKeysWith: { a, _ in a })
        func flowPlace(_ flow: ProcessFlow) -> String { "flow:" + flow.id }
        func isGateway(_ id: String) -> Bool { kinds[id] == .exclusive || kinds[id] == .parallel }
        for node in nodes {
            let incoming = flows.filter { $0.targetID == node.id }
            let outgoing = flows.filter { $0.sourceID == node.id }
            switch node.kind {
            case .exclusive:
                // Flows to and from steps and events join the gateway's place; flows from or to another gateway
                // keep their own place and a silent transition (merging them would let tokens take a wrong turn).
                for flow in incoming where !isGateway(flow.sourceID) { places.merge(flowPlace(flow), "xor:" + node.id) }
                for flow in outgoing where !isGateway(flow.targetID) { places.merge(flowPlace(flow), "xor:" + node.id) }
            case .step, .event:
                for flow in incoming.dropFirst() { places.merge(flowPlace(flow), flowPlace(incoming[0])) }
            case .start:
                places.merge("source", "source")
                if outgoing.count == 1 { places.merge(flowPlace(outgoing[0]), "source") }
            case .end:
                places.merge("sink", "sink")
                for flow in incoming { places.merge(flowPlace(flow), "sink") }
            case .parallel:
                break
            }
        }
        var net = PetriNet(id: id.rawValue)
        var known = Set<String>()
        func place(_ raw: String) -> String {
            let id = places.representative(raw)
            if known.insert(id).inserted { net.places.append(PetriNet.Place(id: id, name: id)) }
            return id
        }
        func transition(_ id: String, label: String?, from inputs: [String], to outputs: [String]) {
            net.transitions.append(PetriNet.Transition(id: id, label: label))
            net.arcs += Set(inputs.map(place)).sorted().map { PetriNet.Arc(source: $0, target: id) }
            net.arcs += Set(outputs.map(place)).sorted().map { PetriNet.Arc(source: id, target: $0) }
        }
        let source = place("source"), sink = place("sink")
        for node in nodes {
            let incoming = flows.filter { $0.targetID == node.id }
            let outgoing = flows.filter { $0.sourceID == node.id }
            switch node.kind {
            case .start:
                if outgoing.count != 1 {
                    transition("start:" + node.id, label: nil, from: ["source"], to: outgoing.map(flowPlace))
                }
            case .end:
                break
            case .parallel:
                transition("and:" + node.id, label: nil, from: incoming.map(flowPlace), to: outgoing.map(flowPlace))
            case .exclusive:
                // Gateway-to-gateway flows: a silent step between the two places.
                for flow in outgoing where isGateway(flow.targetID) && kinds[flow.targetID] == .exclusive {
                    transition("xor:" + flow.id, label: nil, from: ["xor:" + node.id], to: ["xor:" + flow.targetID])
                }
                for flow in outgoing where kinds[flow.targetID] == .parallel {
                    transition("xor:" + flow.id, label: nil, from: ["xor:" + node.id], to: [flowPlace(flow)])
                }
                for flow in incoming where kinds[flow.sourceID] == .parallel {
                    transition("xor:" + flow.id, label: nil, from: [flowPlace(flow)], to: ["xor:" + node.id])
                }
            case .step, .event:
                let label: String? = node.kind == .step ? (node.name.isEmpty ? node.id : node.name) : nil
                // Not reachable in the diagram: an input place that never gets a token.
                let input = incoming.first.map(flowPlace) ?? "unreached:" + node.id
                transition("node:" + node.id, label: label, from: [input], to: outgoing.map(flowPlace))
            }
        }
        net.initialMarking = [source: 1]
        net.finalMarking = [sink: 1]
        return net
    }
}

/// Places that must be one, merged by union–find; each group is named by its first member in order of merging.
private struct PlaceMerger {
    private var parent: [String: String] = [:]

    mutating func representative(_ place: String) -> String {
        guard let up = parent[place], up != place else { return place }
        let root = representative(up)
        parent[place] = root
        return root
    }

    mutating func merge(_ a: String, _ b: String) {
        let ra = representative(a), rb = representative(b)
        if ra != rb { parent[ra] = rb }
    }
}
