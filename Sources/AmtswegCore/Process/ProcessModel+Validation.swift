extension ProcessModel {
    /// What is wrong with the process as a graph, in German, one finding per line: flows to nodes that do not
    /// exist, repeated ids, times that are negative or not numbers, shares outside 0…1, steps no case reaches.
    public func validate() -> [String] {
        var issues: [String] = []
        var seen = Set<String>()
        for node in nodes where !seen.insert(node.id).inserted {
            issues.append("Knoten „\(node.id)“ kommt mehrfach vor.")
        }
        let laneIDs = Set(lanes.map(\.id))
        for node in nodes {
            if let lane = node.laneID, !laneIDs.contains(lane) {
                issues.append("„\(node.name)“ [\(node.id)] liegt in einer Bahn „\(lane)“, die es nicht gibt.")
            }
            guard let step = node.step else { continue }
            for (value, label) in [(step.handlingMinutes, "Bearbeitungszeit"), (step.waitingMinutes, "Liegezeit")]
            where !(value.isFinite && value >= 0) {
                issues.append("„\(node.name)“ [\(node.id)]: \(label) \(value) ist keine Minutenzahl ≥ 0.")
            }
        }
        var flowIDs = Set<String>()
        for flow in flows {
            if !flowIDs.insert(flow.id).inserted { issues.append("Fluss „\(flow.id)“ kommt mehrfach vor.") }
            for end in [flow.sourceID, flow.targetID] where !seen.contains(end) {
                issues.append("Fluss „\(flow.id)“ verweist auf „\(end)“, den es im Prozess nicht gibt.")
            }
            if let share = flow.share, !(share.isFinite && (0...1).contains(share)) {
                issues.append("Fluss „\(flow.id)“: Anteil \(share) liegt nicht zwischen 0 und 1.")
            }
        }
        if !nodes.contains(where: { $0.kind == .start }) { issues.append("Der Prozess hat kein Startereignis.") }
        let graph = ProcessGraph(self)
        let reach = graph.reach()
        for (index, node) in graph.nodes.enumerated() where node.kind == .step && reach[index] == 0 {
            issues.append("„\(node.name)“ [\(node.id)] wird von keinem Fall erreicht.")
        }
        return issues
    }
}
