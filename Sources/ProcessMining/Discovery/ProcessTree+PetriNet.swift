extension ProcessTree {
    /// The tree as a workflow net — one source place with the initial token, one sink place in the final
    /// marking — block by block: a leaf is a transition, a sequence chains its children through places, a choice
    /// puts them side by side, parallel children sit between a silent split and a silent join, and a loop runs
    /// its body between two places with each redo leading back. Sound by construction.
    public func petriNet() -> PetriNet {
        var builder = NetBuilder()
        let source = builder.place(), sink = builder.place()
        builder.add(self, from: source, to: sink)
        var net = builder.net
        net.initialMarking = [source: 1]
        net.finalMarking = [sink: 1]
        return net
    }
}

private struct NetBuilder {
    var net = PetriNet(id: "net")

    mutating func place() -> String {
        let id = net.places.isEmpty ? "source" : net.places.count == 1 ? "sink" : "p_\(net.places.count)"
        net.places.append(PetriNet.Place(id: id, name: id))
        return id
    }

    mutating func transition(_ label: String?, from input: String, to output: String) {
        let id = label.map { "t_\(net.transitions.count)_\($0)" } ?? "tau_\(net.transitions.count)"
        net.transitions.append(PetriNet.Transition(id: id, label: label))
        net.arcs.append(PetriNet.Arc(source: input, target: id))
        net.arcs.append(PetriNet.Arc(source: id, target: output))
    }

    mutating func add(_ tree: ProcessTree, from input: String, to output: String) {
        switch tree {
        case .activity(let name): transition(name, from: input, to: output)
        case .silent: transition(nil, from: input, to: output)
        case .sequence(let children):
            var current = input
            for (index, child) in children.enumerated() {
                let next = index == children.count - 1 ? output : place()
                add(child, from: current, to: next)
                current = next
            }
            if children.isEmpty { transition(nil, from: input, to: output) }
        case .exclusiveChoice(let children):
            for child in children { add(child, from: input, to: output) }
            if children.isEmpty { transition(nil, from: input, to: output) }
        case .parallel(let children):
            let split = "tau_\(net.transitions.count)"
            net.transitions.append(PetriNet.Transition(id: split, label: nil))
            net.arcs.append(PetriNet.Arc(source: input, target: split))
            let join = "tau_\(net.transitions.count)"
            net.transitions.append(PetriNet.Transition(id: join, label: nil))
            net.arcs.append(PetriNet.Arc(source: join, target: output))
            for child in children {
                let start = place(), end = place()
                net.arcs.append(PetriNet.Arc(source: split, target: start))
                net.arcs.append(PetriNet.Arc(source: end, target: join))
                add(child, from: start, to: end)
            }
        case .loop(let children):
            guard let body = children.first else { return transition(nil, from: input, to: output) }
            let start = place(), end = place()
            transition(nil, from: input, to: start)
            add(body, from: start, to: end)
            for redo in children.dropFirst() { add(redo, from: end, to: start) }
            transition(nil, from: end, to: output)
        }
    }
}
