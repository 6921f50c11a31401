public import AmtswegCore
public import ProcessMining

extension ProcessModel {
    /// A directly-follows graph drawn as a process, so the BPMN layout and renderer can show it: one step per
    /// activity, a start event leading to the start activities and an end event after the end activities,
    /// every edge a flow labelled by `label` (its count, or its mean duration).
    ///
    /// This is a picture of observed behaviour, not an executable model: steps with several incoming or
    /// outgoing flows have no gateways.
    public init(
        directlyFollows graph: DirectlyFollowsGraph, id: ID<ProcessModel>, name: String,
        label: (DirectlyFollowsGraph.Edge) -> String, startLabel: (String, Int) -> String
    ) {
        var nodes = [ProcessNode(id: "Start", kind: .start, name: "")]
        var flows: [ProcessFlow] = []
        let activities = graph.activityCounts.keys.sorted()
        var nodeID: [String: String] = [:]
        for (index, activity) in activities.enumerated() {
            nodeID[activity] = "Activity_\(index + 1)"
            nodes.append(ProcessNode(id: "Activity_\(index + 1)", kind: .step, name: activity))
        }
        nodes.append(ProcessNode(id: "End", kind: .end, name: ""))
        func flow(_ source: String, _ target: String, _ name: String) {
            flows.append(ProcessFlow(id: "Flow_\(flows.count + 1)", sourceID: source, targetID: target, name: name))
        }
        for (activity, count) in graph.startActivities.sorted(by: { $0.key < $1.key }) {
            if let target = nodeID[activity] { flow("Start", target, startLabel(activity, count)) }
        }
        for edge in graph.edges {
            if let source = nodeID[edge.from], let target = nodeID[edge.to] { flow(source, target, label(edge)) }
        }
        for (activity, count) in graph.endActivities.sorted(by: { $0.key < $1.key }) {
            if let source = nodeID[activity] { flow(source, "End", startLabel(activity, count)) }
        }
        self.init(id: id, name: name, nodes: nodes, flows: flows)
    }
}
