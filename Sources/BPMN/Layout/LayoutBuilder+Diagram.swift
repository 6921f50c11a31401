/// Turning the arranged graph into diagram interchange: shapes, then orthogonal edge routes.
extension LayoutBuilder {
    func diagram() -> BPMNElement {
        var plane = BPMNElement(
            kind: "bpmndi:BPMNPlane", attributes: ["id": "Plane_layout", "bpmnElement": planeElement])
        for pool in pools {
            if let participant = pool.participant, let id = participant.id {
                plane.children.append(
                    shape(id, Bounds(x: 0, y: pool.y, width: diagramWidth, height: pool.height), horizontal: true))
            }
            for (offset, lane) in pool.lanes.enumerated() {
                guard let lane, let id = lane.id else { continue }
                let index = pool.firstLane + offset
                let x = pool.participant == nil ? 0 : BPMNLayout.header
                plane.children.append(
                    shape(
                        id, Bounds(x: x, y: laneY[index], width: diagramWidth - x, height: laneHeight[index]),
                        horizontal: true))
            }
        }
        plane.children += diagramElements(offsetX: 0, offsetY: 0)
        for flow in messageFlows {
            guard let id = flow.id, let points = messageRoute(flow) else { continue }
            plane.children.append(diEdge(id, points))
        }
        return BPMNElement(
            kind: "bpmndi:BPMNDiagram", attributes: ["id": "Diagram_layout", "name": "Automatisch angeordnet"],
            children: [plane])
    }

    /// Shapes and edges of the nodes laid out here, moved by an offset (for the content of a sub-process).
    func diagramElements(offsetX: Double, offsetY: Double) -> [BPMNElement] {
        func moved(_ bounds: Bounds) -> Bounds {
            Bounds(x: bounds.x + offsetX, y: bounds.y + offsetY, width: bounds.width, height: bounds.height)
        }
        var result: [BPMNElement] = []
        for node in graph.nodes {
            guard let element = node.element, let id = element.id else { continue }
            let box = moved(bounds(of: node))
            var nodeShape = shape(id, box, horizontal: nil)
            if let inner = nested[id] {
                nodeShape["isExpanded"] = "true"
                result.append(nodeShape)
                result += inner.diagramElements(
                    offsetX: box.x + LayoutBuilder.nestedPadding.side, offsetY: box.y + LayoutBuilder.nestedPadding.top)
                continue
            }
            if ["model:subProcess", "model:transaction", "model:adHocSubProcess"].contains(element.kind) {
                nodeShape["isExpanded"] = "false"
            }
            if element.kind == "model:exclusiveGateway" { nodeShape["isMarkerVisible"] = "true" }
            result.append(nodeShape)
        }
        for (id, bounds) in boundaryBounds() {
            // The label goes to the lower left: below the event runs its outgoing flow, to the right the
            // host's next boundary event.
            let event = moved(bounds)
            var eventShape = shape(id, event, horizontal: nil)
            eventShape.children.append(
                BPMNElement(
                    kind: "bpmndi:BPMNLabel",
                    children: [
                        BPMNElement(
                            kind: "dc:Bounds",
                            attributes: [
                                "x": SVGBuilder.number(event.x - 92), "y": SVGBuilder.number(event.maxY - 2),
                                "width": "90", "height": "28",
                            ])
                    ]))
            result.append(eventShape)
        }
        for (offset, chain) in chains.enumerated() {
            let edge = graph.edges[offset]
            guard let id = edge.element.id else { continue }
            let points = route(chain, element: edge.element, isBack: backEdges.contains(offset))
                .map { Point(x: $0.x + offsetX, y: $0.y + offsetY) }
            var diagramEdge = diEdge(id, points)
            if let name = edge.element.name, !name.isEmpty { diagramEdge.children.append(edgeLabel(points)) }
            result.append(diagramEdge)
        }
        return result
    }

    /// A flow's label sits just left of where the route makes its last turn towards the target: flows leaving
    /// one gateway share their first segment, but each turns at its own height.
    func edgeLabel(_ points: [Point]) -> BPMNElement {
        let anchor =
            points.count > 2 ? points[points.count - 2] : Point(x: (points[0].x + points[1].x) / 2 - 40, y: points[0].y)
        return BPMNElement(
            kind: "bpmndi:BPMNLabel",
            children: [
                BPMNElement(
                    kind: "dc:Bounds",
                    attributes: [
                        "x": SVGBuilder.number(anchor.x - 78), "y": SVGBuilder.number(anchor.y - 20), "width": "75",
                        "height": "18",
                    ])
            ])
    }

    func bounds(of node: LayoutGraph.Node) -> Bounds {
        Bounds(x: node.x - node.width / 2, y: node.y - node.height / 2, width: node.width, height: node.height)
    }

    /// Boundary events sit on the lower border of their host, side by side from the left.
    func boundaryBounds() -> [(String, Bounds)] {
        var placed: [String: Int] = [:]
        return boundaryEvents.compactMap { event in
            guard let id = event.id, let hostID = boundaryHosts[id], let host = graph.index[hostID] else { return nil }
            let hostBounds = bounds(of: graph.nodes[host])
            let slot = placed[hostID, default: 0]
            placed[hostID] = slot + 1
            let x = min(hostBounds.x + 8 + Double(slot) * 40, hostBounds.maxX - 36)
            return (id, Bounds(x: x, y: hostBounds.maxY - 18, width: 36, height: 36))
        }
    }

    func shape(_ id: String, _ bounds: Bounds, horizontal: Bool?) -> BPMNElement {
        var shape = BPMNElement(kind: "bpmndi:BPMNShape", attributes: ["id": "\(id)_di", "bpmnElement": id])
        if let horizontal { shape["isHorizontal"] = horizontal ? "true" : "false" }
        shape.children = [
            BPMNElement(
                kind: "dc:Bounds",
                attributes: [
                    "x": SVGBuilder.number(bounds.x), "y": SVGBuilder.number(bounds.y),
                    "width": SVGBuilder.number(bounds.width), "height": SVGBuilder.number(bounds.height),
                ])
        ]
        return shape
    }

    func diEdge(_ id: String, _ points: [Point]) -> BPMNElement {
        BPMNElement(
            kind: "bpmndi:BPMNEdge", attributes: ["id": "\(id)_di", "bpmnElement": id],
            children: points.map {
                BPMNElement(
                    kind: "di:waypoint", attributes: ["x": SVGBuilder.number($0.x), "y": SVGBuilder.number($0.y)])
            })
    }

    // MARK: - Routes

    func channelAfter(_ layer: Int) -> Double { columnLeft[layer] + columnWidth[layer] + BPMNLayout.columnGap / 2 }
    func channelBefore(_ layer: Int) -> Double { columnLeft[layer] - BPMNLayout.columnGap / 2 }

    /// Right, vertical in the channel, right again — through dummy nodes' reserved places for long edges;
    /// loops go up into the lane's top band and back left to the channel before the target.
    func route(_ chain: [Int], element: BPMNElement, isBack: Bool) -> [Point] {
        let source = graph.nodes[chain[0]], target = graph.nodes[chain[chain.count - 1]]
        var points: [Point] = []
        var start = Point(x: source.x + source.width / 2, y: source.y)
        // A flow leaving a boundary event starts below it and turns under its host.
        if let sourceID = element["sourceRef"], boundaryHosts[sourceID] != nil,
            let event = boundaryBounds().first(where: { $0.0 == sourceID })?.1
        {
            let below = bounds(of: source).maxY + 32
            points += [Point(x: event.midX, y: event.maxY), Point(x: event.midX, y: below)]
            start = Point(x: channelAfter(source.layer), y: below)
        }
        points.append(start)
        if isBack || chain.count == 2 && target.layer <= source.layer {
            let band = laneY[source.lane] + BPMNLayout.laneTopBand / 2
            points += [
                Point(x: channelAfter(source.layer), y: start.y), Point(x: channelAfter(source.layer), y: band),
                Point(x: channelBefore(target.layer), y: band), Point(x: channelBefore(target.layer), y: target.y),
                Point(x: target.x - target.width / 2, y: target.y),
            ]
            return simplified(points)
        }
        for (a, b) in zip(chain, chain.dropFirst()) {
            let u = graph.nodes[a], v = graph.nodes[b]
            let channel = channelAfter(u.layer)
            points += [Point(x: channel, y: points.last!.y), Point(x: channel, y: v.y)]
            if v.element == nil {
                points.append(Point(x: columnLeft[v.layer] + columnWidth[v.layer], y: v.y))
            } else {
                points.append(Point(x: v.x - v.width / 2, y: v.y))
            }
        }
        return simplified(points)
    }

    /// Message flows leave into the channel after their source, cross to the other pool through the free band
    /// between pools, and enter through the channel before their target. Pools as ends are met at their border.
    func messageRoute(_ flow: BPMNElement) -> [Point]? {
        func end(_ id: String?) -> (node: LayoutGraph.Node?, pool: LayoutPool)? {
            guard let id else { return nil }
            let nodeID = boundaryHosts[id] ?? id
            if let index = graph.index[nodeID] {
                let node = graph.nodes[index]
                guard
                    let pool = pools.first(where: {
                        (node.lane >= $0.firstLane) && node.lane < $0.firstLane + $0.lanes.count
                    })
                else { return nil }
                return (node, pool)
            }
            if let pool = pools.first(where: { $0.participant?.id == id }) { return (nil, pool) }
            return nil
        }
        guard let source = end(flow["sourceRef"]), let target = end(flow["targetRef"]) else { return nil }
        // Offset from the sequence flows that use the same sides and channels, so the two stay apart.
        let shift = 10.0
        let downwards = target.pool.y > source.pool.y
        let gapY =
            downwards
            ? source.pool.y + source.pool.height + BPMNLayout.poolGap / 2 : source.pool.y - BPMNLayout.poolGap / 2
        var points: [Point] = []
        let crossingX: Double
        if let node = source.node {
            points.append(Point(x: node.x + node.width / 2, y: node.y + shift))
            crossingX = channelAfter(node.layer) + shift
            points += [Point(x: crossingX, y: node.y + shift), Point(x: crossingX, y: gapY)]
        } else {
            crossingX = target.node.map { channelBefore($0.layer) } ?? columnLeft[0]
            points.append(Point(x: crossingX, y: downwards ? source.pool.y + source.pool.height : source.pool.y))
            points.append(Point(x: crossingX, y: gapY))
        }
        if let node = target.node {
            let entry = channelBefore(node.layer) - shift
            points += [
                Point(x: entry, y: gapY), Point(x: entry, y: node.y + shift),
                Point(x: node.x - node.width / 2, y: node.y + shift),
            ]
        } else {
            points.append(Point(x: points.last!.x, y: downwards ? target.pool.y : target.pool.y + target.pool.height))
        }
        return simplified(points)
    }

    /// Drops repeated points and points in the middle of straight runs.
    func simplified(_ points: [Point]) -> [Point] {
        var result: [Point] = []
        for point in points {
            if let last = result.last, abs(last.x - point.x) < 0.01 && abs(last.y - point.y) < 0.01 { continue }
            if result.count >= 2 {
                let a = result[result.count - 2], b = result[result.count - 1]
                if (abs(a.x - b.x) < 0.01 && abs(b.x - point.x) < 0.01)
                    || (abs(a.y - b.y) < 0.01 && abs(b.y - point.y) < 0.01)
                {
                    result.removeLast()
                }
            }
            result.append(point)
        }
        return result
    }
}
