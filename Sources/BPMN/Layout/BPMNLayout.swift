/// Lays out a model that has no diagram: left to right in layers, one band per lane (and per pool),
/// orthogonal edges that run in the free channels between columns and in reserved bands, so that no shape
/// overlaps another and no edge runs through a shape.
///
/// Sugiyama-style: cycles broken at depth-first back edges, longest-path layers, dummy nodes for edges that
/// span columns, barycentre ordering within each lane, then coordinates and routes. Sub-processes are drawn
/// collapsed.
public enum BPMNLayout {
    static let rowHeight = 130.0
    static let laneTopBand = 30.0
    static let columnGap = 70.0
    static let poolGap = 60.0
    static let header = 30.0

    /// The model as it is when it has a diagram; laid out when it has none (generated, mined or imported
    /// without diagram interchange).
    public static func withDiagram(_ model: BPMNModel) -> BPMNModel {
        hasDiagram(model) ? model : layout(model)
    }

    public static func hasDiagram(_ model: BPMNModel) -> Bool {
        !model.definitions.children("bpmndi:BPMNDiagram").isEmpty
    }

    /// The model with a new diagram replacing any existing ones.
    public static func layout(_ model: BPMNModel) -> BPMNModel {
        var model = model
        model.definitions.children.removeAll { $0.kind == "bpmndi:BPMNDiagram" }
        let builder = LayoutBuilder(model: model)
        model.definitions.children.append(builder.diagram())
        return model
    }
}

/// A pool (participant or bare process) and its lanes, top to bottom.
struct LayoutPool {
    var participant: BPMNElement?
    var process: BPMNElement?
    /// Leaf lanes; a process without lanes has one lane with no element.
    var lanes: [BPMNElement?]
    var firstLane = 0
    var y = 0.0
    var height = 0.0
}
