/// One run of the auto-layout over a model.
struct LayoutBuilder {
    var pools: [LayoutPool] = []
    var graph = LayoutGraph()
    var boundaryHosts: [String: String] = [:]  // boundary event id → host id
    var boundaryEvents: [BPMNElement] = []
    var messageFlows: [BPMNElement] = []
    var laneY: [Double] = []
    var laneHeight: [Double] = []
    var columnLeft: [Double] = []
    var columnWidth: [Double] = []
    var backEdges = Set<Int>()
    var diagramWidth = 0.0
    /// Height of everything laid out (for a nested sub-process: its content).
    var contentHeight = 0.0
    let planeElement: String
    /// Left edge of the first column: room for pool and lane headers at the top level, a margin inside a
    /// sub-process.
    var leftMargin: Double?
    /// Expanded sub-processes, laid out on their own and placed inside their node, by sub-process id.
    var nested: [String: LayoutBuilder] = [:]
    /// For each lane, the top of each row relative to the lane's rows (one more entry than rows).
    var rowTops: [[Double]] = []

    /// Space inside an expanded sub-process around its content: the label on top, a margin elsewhere.
    static let nestedPadding = (top: 30.0, side: 10.0, bottom: 10.0)

    /// Lays out the content of an expanded sub-process.
    init(subProcess: BPMNElement) {
        planeElement = subProcess.id ?? ""
        leftMargin = BPMNLayout.columnGap / 2
        pools = [LayoutPool(participant: nil, process: subProcess, lanes: [])]
        buildGraph()
        backEdges = graph.assignLayers()
        insertDummies()
        order()
        placeNodes()
    }

    init(model: BPMNModel) {
        let definitions = model.definitions
        let processes = Dictionary(
            definitions.children("model:process").compactMap { p in p.id.map { ($0, p) } },
            uniquingKeysWith: { a, _ in a })
        if let collaboration = definitions.children.first(where: { $0.kind == "model:collaboration" }) {
            planeElement = collaboration.id ?? ""
            var used = Set<String>()
            for participant in collaboration.children("model:participant") {
                let process = participant["processRef"].flatMap { processes[$0] }
                if let id = process?.id { used.insert(id) }
                pools.append(LayoutPool(participant: participant, process: process, lanes: []))
            }
            for process in definitions.children("model:process") where !used.contains(process.id ?? "") {
                pools.append(LayoutPool(participant: nil, process: process, lanes: []))
            }
            messageFlows = collaboration.children("model:messageFlow")
        } else {
            planeElement = definitions.children("model:process").first?.id ?? ""
            pools = definitions.children("model:process").map { LayoutPool(participant: nil, process: $0, lanes: []) }
        }
        buildGraph()
        backEdges = graph.assignLayers()
        insertDummies()
        order()
        placeNodes()
    }

    // MARK: - Graph

    /// Sub-processes with flow nodes of their own are laid out expanded.
    static func isExpandable(_ element: BPMNElement) -> Bool {
        ["model:subProcess", "model:transaction", "model:adHocSubProcess"].contains(element.kind)
            && element.children.contains {
                SVGRenderer.category(of: $0.kind) == .event || SVGRenderer.category(of: $0.kind) == .activity
            }
    }

    private static func leafLanes(_ laneSet: BPMNElement) -> [BPMNElement] {
        laneSet.children("model:lane").flatMap { lane in
            let nested = lane.children("model:childLaneSet").flatMap(leafLanes)
            return nested.isEmpty ? [lane] : nested
        }
    }

    private mutating func buildGraph() {
        var laneOfNode: [String: Int] = [:]
        var laneCount = 0
        for index in pools.indices {
            pools[index].firstLane = laneCount
            let lanes = pools[index].process?.children("model:laneSet").flatMap(Self.leafLanes) ?? []
            pools[index].lanes = lanes.isEmpty ? [nil] : lanes
            for (offset, lane) in lanes.enumerated() {
                for reference in lane.children("model:flowNodeRef") {
                    if let id = reference.text?.trimmingWhitespace() { laneOfNode[id] = laneCount + offset }
                }
            }
            laneCount += pools[index].lanes.count
        }
        for pool in pools {
            guard let process = pool.process else { continue }
            for element in process.children {
                let category = SVGRenderer.category(of: element.kind)
                guard let id = element.id,
                    [.activity, .event, .gateway, .dataObject, .dataStore, .annotation].contains(category),
                    element.kind != "model:dataObject", element.kind != "model:dataStore"
                else { continue }
                if element.kind == "model:boundaryEvent" {
                    boundaryHosts[id] = element["attachedToRef"]
                    boundaryEvents.append(element)
                    continue
                }
                var size = LayoutGraph.size(of: element.kind)
                if Self.isExpandable(element) {
                    let inner = LayoutBuilder(subProcess: element)
                    nested[id] = inner
                    size = (
                        inner.diagramWidth + 2 * Self.nestedPadding.side,
                        inner.contentHeight + Self.nestedPadding.top + Self.nestedPadding.bottom
                    )
                }
                graph.add(
                    LayoutGraph.Node(
                        id: id, element: element, lane: laneOfNode[id] ?? pool.firstLane, width: size.width,
                        height: size.height))
            }
        }
        func node(_ id: String?) -> Int? {
            guard let id else { return nil }
            return graph.index[boundaryHosts[id] ?? id]
        }
        for pool in pools {
            guard let process = pool.process else { continue }
            for element in process.children {
                switch element.kind {
                case "model:sequenceFlow", "model:association":
                    if let source = node(element["sourceRef"]), let target = node(element["targetRef"]) {
                        graph.edges.append(LayoutGraph.Edge(element: element, source: source, target: target))
                    }
                default:
                    guard let activity = graph.index[element.id ?? ""] else { continue }
                    for association in element.children("model:dataInputAssociation") {
                        if let source = node(association.children("model:sourceRef").first?.text?.trimmingWhitespace())
                        {
                            graph.edges.append(LayoutGraph.Edge(element: association, source: source, target: activity))
                        }
                    }
                    for association in element.children("model:dataOutputAssociation") {
                        if let target = node(association.children("model:targetRef").first?.text?.trimmingWhitespace())
                        {
                            graph.edges.append(LayoutGraph.Edge(element: association, source: activity, target: target))
                        }
                    }
                }
            }
        }
    }

    /// Edges over several columns get a dummy node in every column between, which holds their path free.
    private mutating func insertDummies() {
        var chains: [[Int]] = []
        for (offset, edge) in graph.edges.enumerated() {
            var chain = [edge.source]
            if !backEdges.contains(offset) {
                let from = graph.nodes[edge.source].layer, to = graph.nodes[edge.target].layer
                if to > from + 1 {
                    for layer in (from + 1)..<to {
                        var dummy = LayoutGraph.Node(
                            id: "dummy-\(offset)-\(layer)", element: nil, lane: graph.nodes[edge.source].lane,
                            width: 20, height: 20)
                        dummy.layer = layer
                        chain.append(graph.nodes.count)
                        graph.add(dummy)
                    }
                }
            }
            chain.append(edge.target)
            chains.append(chain)
        }
        self.chains = chains
    }

    var chains: [[Int]] = []

    /// Orders nodes within each lane and column by the barycentre of their neighbours, sweeping both ways.
    private mutating func order() {
        var cells: [Int: [Int]] = [:]  // key lane * 10_000 + layer
        for (index, node) in graph.nodes.enumerated() {
            cells[node.lane * 10_000 + node.layer, default: []].append(index)
        }
        var neighbours = [[Int]](repeating: [], count: graph.nodes.count)
        for chain in chains {
            for (a, b) in zip(chain, chain.dropFirst()) {
                neighbours[a].append(b)
                neighbours[b].append(a)
            }
        }
        func rank(_ node: Int) -> Double { Double(graph.nodes[node].lane) * 1_000 + Double(graph.nodes[node].row) }
        for key in cells.keys { for (row, node) in cells[key]!.enumerated() { graph.nodes[node].row = row } }
        for _ in 0..<4 {
            for key in cells.keys.sorted() {
                let sorted = cells[key]!.enumerated().sorted { a, b in
                    let left =
                        neighbours[a.element].isEmpty
                        ? Double(a.offset)
                        : neighbours[a.element].map(rank).reduce(0, +) / Double(neighbours[a.element].count)
                    let right =
                        neighbours[b.element].isEmpty
                        ? Double(b.offset)
                        : neighbours[b.element].map(rank).reduce(0, +) / Double(neighbours[b.element].count)
                    return (left, a.offset) < (right, b.offset)
                }.map(\.element)
                cells[key] = sorted
                for (row, node) in sorted.enumerated() { graph.nodes[node].row = row }
            }
        }
    }

    private mutating func placeNodes() {
        let layers = (graph.nodes.map(\.layer).max() ?? 0) + 1
        columnWidth = [Double](repeating: 20, count: layers)
        for node in graph.nodes { columnWidth[node.layer] = max(columnWidth[node.layer], node.width) }
        let hasLanes = pools.contains { $0.lanes.count > 1 || $0.lanes.first! != nil }
        var x = leftMargin ?? (BPMNLayout.header + (hasLanes ? BPMNLayout.header : 0) + BPMNLayout.columnGap / 2)
        for layer in 0..<layers {
            columnLeft.append(x)
            x += columnWidth[layer] + BPMNLayout.columnGap
        }
        diagramWidth = x - BPMNLayout.columnGap / 2
        // Rows are as tall as their tallest node plus 25 px above and below, at least the standard height:
        // between two rows there are 50 px for routes (a flow from a boundary event turns 32 px under its host).
        let laneCount = pools.reduce(0) { $0 + $1.lanes.count }
        var rowHeights = [[Double]](repeating: [], count: laneCount)
        for node in graph.nodes {
            while rowHeights[node.lane].count <= node.row { rowHeights[node.lane].append(BPMNLayout.rowHeight) }
            rowHeights[node.lane][node.row] = max(rowHeights[node.lane][node.row], node.height + 50)
        }
        for lane in rowHeights.indices where rowHeights[lane].isEmpty { rowHeights[lane] = [BPMNLayout.rowHeight] }
        rowTops = rowHeights.map { heights in heights.reduce(into: [0.0]) { $0.append($0.last! + $1) } }
        var y = 0.0
        for index in pools.indices {
            pools[index].y = y
            for lane in pools[index].firstLane..<(pools[index].firstLane + pools[index].lanes.count) {
                laneY.append(y)
                let height = pools[index].process == nil ? 80 : BPMNLayout.laneTopBand + rowTops[lane].last!
                laneHeight.append(height)
                y += height
            }
            pools[index].height = y - pools[index].y
            contentHeight = y
            y += BPMNLayout.poolGap
        }
        for index in graph.nodes.indices {
            let node = graph.nodes[index]
            graph.nodes[index].x = columnLeft[node.layer] + columnWidth[node.layer] / 2
            graph.nodes[index].y =
                laneY[node.lane] + BPMNLayout.laneTopBand + rowTops[node.lane][node.row]
                + (rowTops[node.lane][node.row + 1] - rowTops[node.lane][node.row]) / 2
        }
    }
}
