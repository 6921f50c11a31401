extension LayeredLayout {
    /// Step 5: vertical positions, ports and the curve of every edge.
    func routes() -> LayeredDrawing {
        // Rank heights, and gaps that grow with how far edges travel sideways in them.
        var rankHeight = [Double](repeating: 0, count: ranks.count)
        for node in rank.indices { rankHeight[rank[node]] = max(rankHeight[rank[node]], height[node]) }
        var top = [Double](repeating: options.margin, count: ranks.count)
        for r in ranks.indices.dropFirst() {
            var travel = 0.0
            for node in ranks[r - 1] { for next in down[node] { travel = max(travel, abs(x[next.node] - x[node])) } }
            // Neighbouring edges bending together stay apart by their spacing times the sine of their slope:
            // a gap of half the travel keeps the flattest part of a bend above 18°. Up to a limit: beyond it
            // (maps of hundreds of activities at 100 %) edges bending far side by side come closer than a pixel.
            let gap = max(options.rankGap, min(40 * options.rankGap, travel / 2))
            top[r] = top[r - 1] + rankHeight[r - 1] + gap
        }
        func box(_ node: Int) -> Rect {
            let r = rank[node]
            return Rect(
                x: x[node] - left[node], y: top[r] + (rankHeight[r] - height[node]) / 2, width: 2 * left[node],
                height: height[node])
        }
        let boxes = (0..<realCount).map(box)

        // Ports: each edge its own point on the bottom of its upper node and on the top of its lower node,
        // in the order of where the edge goes next, so edges do not cross where they leave.
        var outPort = [Double](repeating: 0, count: chains.count), inPort = outPort
        var leaving = [[Int]](repeating: [], count: realCount), arriving = leaving
        for (index, chain) in chains.enumerated() where !chain.isEmpty {
            leaving[chain[0]].append(index)
            arriving[chain[chain.count - 1]].append(index)
        }
        for node in 0..<realCount {
            let frame = boxes[node]
            func spread(_ edges: [Int], key: (Int) -> Double, into ports: inout [Double]) {
                let sorted = edges.sorted { (key($0), $0) < (key($1), $1) }
                for (offset, edge) in sorted.enumerated() {
                    ports[edge] = frame.x + frame.width * Double(offset + 1) / Double(sorted.count + 1)
                }
            }
            spread(leaving[node], key: { x[chains[$0][1]] }, into: &outPort)
            spread(arriving[node], key: { x[chains[$0][chains[$0].count - 2]] }, into: &inPort)
        }

        var routes: [LayeredDrawing.Route] = []
        for (index, chain) in chains.enumerated() {
            let edge = graph.edges[index]
            guard !chain.isEmpty else {
                routes.append(selfLoop(boxes[edge.from], edge: edge))
                continue
            }
            var points = [Point(outPort[index], boxes[chain[0]].maxY)]
            func straight(to end: Point) {
                let start = points[points.count - 1]
                guard end != start else { return }
                points += [
                    Point(start.x + (end.x - start.x) / 3, start.y + (end.y - start.y) / 3),
                    Point(start.x + 2 * (end.x - start.x) / 3, start.y + 2 * (end.y - start.y) / 3), end,
                ]
            }
            func bend(to end: Point) {
                let start = points[points.count - 1]
                let third = (end.y - start.y) / 3
                points += [Point(start.x, start.y + third), Point(end.x, end.y - third), end]
            }
            let first = rank[chain[0]]
            straight(to: Point(outPort[index], top[first] + rankHeight[first]))
            for node in chain.dropFirst().dropLast() {
                let r = rank[node]
                bend(to: Point(x[node], top[r]))
                straight(to: Point(x[node], top[r] + rankHeight[r]))
            }
            let last = chain[chain.count - 1]
            bend(to: Point(inPort[index], top[rank[last]]))
            straight(to: Point(inPort[index], boxes[last].y))
            var label: Rect?
            if let node = labelNode[index] {
                let r = rank[node]
                label = Rect(
                    x: x[node] + options.labelGap, y: top[r] + (rankHeight[r] - edge.labelHeight) / 2,
                    width: edge.labelWidth, height: edge.labelHeight)
            }
            routes.append(LayeredDrawing.Route(points: reversed[index] ? points.reversed() : points, label: label))
        }
        let drawingWidth = (rank.indices.map { x[$0] + right[$0] }.max() ?? 0) + options.margin
        let drawingHeight = (top.last ?? 0) + (rankHeight.last ?? 0) + options.margin
        return LayeredDrawing(nodes: boxes, edges: routes, width: drawingWidth, height: drawingHeight)
    }

    /// A loop on the right side of its box, out at the upper quarter and back at the lower, label beside it.
    private func selfLoop(_ frame: Rect, edge: LayeredGraph.Edge) -> LayeredDrawing.Route {
        let side = frame.maxX, middle = frame.center.y
        let upper = middle - frame.height / 4, lower = middle + frame.height / 4
        let reach = side + options.selfLoopWidth * 4 / 3
        let points = [Point(side, upper), Point(reach, upper - 2), Point(reach, lower + 2), Point(side, lower)]
        let label =
            edge.hasLabel
            ? Rect(
                x: side + options.selfLoopWidth + options.labelGap, y: middle - edge.labelHeight / 2,
                width: edge.labelWidth, height: edge.labelHeight) : nil
        return LayeredDrawing.Route(points: points, label: label)
    }
}
