/// What changed between two states of a process, in the words of the people who work in it: steps added,
/// dropped, renamed, moved to another lane or changed in their enrichment; lanes added or dropped; paths
/// added or dropped. Elements are matched by their BPMN id, as ``BPMN/BPMNDiff`` matches them, so a
/// renamed step is one change, not a step dropped and another added.
///
/// The version comparison shows these sentences and marks the elements on the newer diagram; the full
/// element-by-element comparison (``BPMN/BPMNDiff``) stands below them for those who need every attribute.
public struct ProcessDelta: Hashable, Sendable {
    public struct Change: Hashable, Sendable {
        public enum Kind: String, Hashable, Sendable {
            case added, removed, changed
        }
        public var kind: Kind
        /// The element's BPMN id: in the newer model for added and changed elements, in the older for removed.
        public var elementID: String
        /// A plain German sentence: "Schritt „Antrag prüfen“ neu (Bahn „Bürgerbüro“)".
        public var text: String
    }

    public var changes: [Change]

    public var isEmpty: Bool { changes.isEmpty }

    public init(from old: ProcessModel, to new: ProcessModel) {
        var changes: [Change] = []
        if old.name != new.name {
            changes.append(.init(kind: .changed, elementID: "", text: "Name „\(old.name)“ → „\(new.name)“"))
        }
        let oldLanes = Dictionary(old.lanes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newLanes = Dictionary(new.lanes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for lane in new.lanes where oldLanes[lane.id] == nil {
            changes.append(.init(kind: .added, elementID: lane.id, text: "Bahn „\(lane.name)“ neu"))
        }
        for lane in old.lanes where newLanes[lane.id] == nil {
            changes.append(.init(kind: .removed, elementID: lane.id, text: "Bahn „\(lane.name)“ entfällt"))
        }
        for lane in new.lanes {
            guard let before = oldLanes[lane.id] else { continue }
            if before.name != lane.name {
                changes.append(
                    .init(kind: .changed, elementID: lane.id, text: "Bahn „\(before.name)“ heißt jetzt „\(lane.name)“"))
            }
        }
        func laneName(_ node: ProcessNode, in model: ProcessModel) -> String? {
            node.laneID.flatMap { id in model.lanes.first { $0.id == id }?.name }
        }
        let oldNodes = Dictionary(old.nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newNodes = Dictionary(new.nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for node in new.nodes where oldNodes[node.id] == nil && node.kind == .step {
            let lane = laneName(node, in: new).map { " (Bahn „\($0)“)" } ?? ""
            changes.append(.init(kind: .added, elementID: node.id, text: "Schritt „\(node.name)“ neu\(lane)"))
        }
        for node in old.nodes where newNodes[node.id] == nil && node.kind == .step {
            changes.append(.init(kind: .removed, elementID: node.id, text: "Schritt „\(node.name)“ entfällt"))
        }
        for node in new.nodes where node.kind == .step {
            guard let before = oldNodes[node.id] else { continue }
            let name = "Schritt „\(node.name)“"
            if before.name != node.name {
                changes.append(
                    .init(
                        kind: .changed, elementID: node.id, text: "Schritt „\(before.name)“ heißt jetzt „\(node.name)“")
                )
            }
            if before.laneID != node.laneID {
                let lane = laneName(node, in: new).map { "in Bahn „\($0)“" } ?? "in keiner Bahn"
                changes.append(.init(kind: .changed, elementID: node.id, text: "\(name) liegt jetzt \(lane)"))
            }
            if let details = Self.detailChanges(before.step, node.step), !details.isEmpty {
                changes.append(
                    .init(kind: .changed, elementID: node.id, text: "\(name): \(details.joined(separator: "; "))"))
            }
        }
        let oldPaths = Set(old.flows.map { PathKey(source: $0.sourceID, target: $0.targetID) })
        let newPaths = Set(new.flows.map { PathKey(source: $0.sourceID, target: $0.targetID) })
        func nodeName(_ id: String, _ model: ProcessModel) -> String {
            guard let node = model.nodes.first(where: { $0.id == id }) else { return id }
            return node.name.isEmpty ? Self.kindName(node.kind) : "„\(node.name)“"
        }
        for flow in new.flows where !oldPaths.contains(PathKey(source: flow.sourceID, target: flow.targetID)) {
            changes.append(
                .init(
                    kind: .added, elementID: flow.id,
                    text: "Weg von \(nodeName(flow.sourceID, new)) nach \(nodeName(flow.targetID, new)) neu"))
        }
        for flow in old.flows where !newPaths.contains(PathKey(source: flow.sourceID, target: flow.targetID)) {
            changes.append(
                .init(
                    kind: .removed, elementID: flow.id,
                    text: "Weg von \(nodeName(flow.sourceID, old)) nach \(nodeName(flow.targetID, old)) entfällt"))
        }
        self.changes = changes
    }

    private struct PathKey: Hashable {
        var source: String
        var target: String
    }

    private static func kindName(_ kind: ProcessNode.Kind) -> String {
        switch kind {
        case .start: "Start"
        case .end: "Ende"
        case .event: "Zwischenereignis"
        case .step: "Schritt"
        case .exclusive: "Verzweigung"
        case .parallel: "Parallelisierung"
        }
    }

    /// The enrichment fields that differ, named as the step form names them.
    private static func detailChanges(_ old: StepDetails?, _ new: StepDetails?) -> [String]? {
        guard old != new else { return nil }
        let a = old ?? StepDetails(), b = new ?? StepDetails()
        var fields: [String] = []
        if a.performer != b.performer { fields.append("Zuständigkeit geändert") }
        if a.medium != b.medium { fields.append("Medium \(a.medium?.label ?? "–") → \(b.medium?.label ?? "–")") }
        if a.handlingMinutes != b.handlingMinutes {
            fields.append("Bearbeitungszeit \(minutes(a.handlingMinutes)) → \(minutes(b.handlingMinutes))")
        }
        if a.waitingMinutes != b.waitingMinutes {
            fields.append("Liegezeit \(minutes(a.waitingMinutes)) → \(minutes(b.waitingMinutes))")
        }
        if a.applicationIDs != b.applicationIDs { fields.append("Fachverfahren geändert") }
        if a.inputIDs != b.inputIDs || a.outputIDs != b.outputIDs { fields.append("Informationen geändert") }
        if a.responsibilities != b.responsibilities { fields.append("RACI geändert") }
        if a.requiredSkills != b.requiredSkills { fields.append("Kompetenzen geändert") }
        if a.documentIDs != b.documentIDs || a.legalBasisIDs != b.legalBasisIDs {
            fields.append("Dokumente oder Rechtsgrundlagen geändert")
        }
        if a.block != b.block { fields.append("Baustein geändert") }
        return fields.isEmpty ? ["Angaben geändert"] : fields
    }

    private static func minutes(_ value: Double) -> String { GermanFormat.decimal(value, digits: 0) + " min" }
}
