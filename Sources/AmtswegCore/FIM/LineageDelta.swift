/// How a local process differs from the reference process it was derived from, in the words of the people who
/// adapt it: "Schritt „Anzeige fachlich prüfen“ fehlt lokal", "zusätzliche Bahn „Poststelle“". Elements are
/// matched by their BPMN id, which a derived process keeps, as ``ProcessDelta`` matches them; the changes that
/// are neither missing nor additional (renamed, moved, paths, enrichment) keep ``ProcessDelta``'s words.
public struct LineageDelta: Hashable, Sendable {
    public var changes: [ProcessDelta.Change]

    public var isEmpty: Bool { changes.isEmpty }

    public init(master: ProcessModel, local: ProcessModel) {
        // A local process carries its own name; that is no difference from the master.
        var master = master
        master.name = local.name
        let delta = ProcessDelta(from: master, to: local)
        let masterLanes = Dictionary(master.lanes.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let localLanes = Dictionary(local.lanes.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let masterSteps = Dictionary(
            master.nodes.filter { $0.kind == .step }.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let localSteps = Dictionary(
            local.nodes.filter { $0.kind == .step }.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func laneName(_ node: ProcessNode, _ lanes: [String: String]) -> String {
            node.laneID.flatMap { lanes[$0] }.map { " (Bahn „\($0)“)" } ?? ""
        }
        // Paths that only follow from a step missing or added locally (its own paths, and the path that now
        // leads past a missing step) are no change of their own.
        let removedSteps = Set(masterSteps.keys).subtracting(localSteps.keys)
        let addedSteps = Set(localSteps.keys).subtracting(masterSteps.keys)
        let masterFlows = Dictionary(master.flows.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let localFlows = Dictionary(local.flows.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let bypassed = Set(
            removedSteps.flatMap { step in
                master.flows.filter { $0.targetID == step }.flatMap { incoming in
                    master.flows.filter { $0.sourceID == step }.map { "\(incoming.sourceID)→\($0.targetID)" }
                }
            })
        // … and the path a step added locally now interrupts.
        let interrupted = Set(
            addedSteps.flatMap { step in
                local.flows.filter { $0.targetID == step }.flatMap { incoming in
                    local.flows.filter { $0.sourceID == step }.map { "\(incoming.sourceID)→\($0.targetID)" }
                }
            })
        func implied(_ change: ProcessDelta.Change) -> Bool {
            if change.kind == .removed, let flow = masterFlows[change.elementID] {
                return removedSteps.contains(flow.sourceID) || removedSteps.contains(flow.targetID)
                    || interrupted.contains("\(flow.sourceID)→\(flow.targetID)")
            }
            if change.kind == .added, let flow = localFlows[change.elementID] {
                return addedSteps.contains(flow.sourceID) || addedSteps.contains(flow.targetID)
                    || bypassed.contains("\(flow.sourceID)→\(flow.targetID)")
            }
            return false
        }
        changes = delta.changes.filter { !implied($0) }.map { change in
            var change = change
            switch change.kind {
            case .removed:
                if let step = masterSteps[change.elementID] {
                    change.text = "Schritt „\(step.name)“ fehlt lokal"
                } else if let lane = masterLanes[change.elementID] {
                    change.text = "Bahn „\(lane)“ fehlt lokal"
                }
            case .added:
                if let step = localSteps[change.elementID] {
                    change.text = "zusätzlicher Schritt „\(step.name)“\(laneName(step, localLanes))"
                } else if let lane = localLanes[change.elementID] {
                    change.text = "zusätzliche Bahn „\(lane)“"
                }
            case .changed: break
            }
            return change
        }
    }
}
