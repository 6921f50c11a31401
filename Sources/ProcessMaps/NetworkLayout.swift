import Foundation

/// A drawing of an undirected network — who works with whom — as boxes and straight lines, by stress
/// majorization (Gansner, Koren and North): the distance of two boxes in the picture follows the number of
/// steps between them in the network, so partners sit close and the structure shows without a hairball of
/// chords. Each connected part is laid out on its own and the parts are packed side by side; afterwards
/// boxes that still touch are pushed apart until none overlaps another.
public enum NetworkLayout {
    public struct Node: Sendable {
        public var width: Double
        public var height: Double
        public init(width: Double, height: Double) {
            self.width = width
            self.height = height
        }
    }

    /// Boxes (by the nodes' order) of a drawing whose top-left corner is at (0, 0).
    public static func draw(
        nodes: [Node], edges: [(Int, Int)], gap: Double = 24, margin: Double = 12
    ) -> (boxes: [Rect], width: Double, height: Double) {
        guard !nodes.isEmpty else { return ([], 0, 0) }
        var neighbours = [[Int]](repeating: [], count: nodes.count)
        for (a, b) in edges where a != b {
            neighbours[a].append(b)
            neighbours[b].append(a)
        }
        let unit = 1.5 * nodes.map { max($0.width, $0.height) }.reduce(0, +) / Double(nodes.count) + gap
        // Connected parts, largest first.
        var part = [Int](repeating: -1, count: nodes.count)
        var parts: [[Int]] = []
        for start in nodes.indices where part[start] < 0 {
            var members = [start]
            part[start] = parts.count
            var head = 0
            while head < members.count {
                for next in neighbours[members[head]] where part[next] < 0 {
                    part[next] = parts.count
                    members.append(next)
                }
                head += 1
            }
            parts.append(members)
        }
        parts.sort { ($1.count, $0.first ?? 0) < ($0.count, $1.first ?? 0) }
        var boxes = [Rect](repeating: Rect(x: 0, y: 0, width: 0, height: 0), count: nodes.count)
        var placed: [(members: [Int], width: Double, height: Double)] = []
        for members in parts {
            var position = stress(members, neighbours: neighbours, unit: unit)
            separate(members, nodes: nodes, position: &position, gap: gap / 2)
            var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
            for (index, node) in members.enumerated() {
                minX = min(minX, position[index].x - nodes[node].width / 2)
                maxX = max(maxX, position[index].x + nodes[node].width / 2)
                minY = min(minY, position[index].y - nodes[node].height / 2)
                maxY = max(maxY, position[index].y + nodes[node].height / 2)
            }
            for (index, node) in members.enumerated() {
                boxes[node] = Rect(
                    x: position[index].x - nodes[node].width / 2 - minX,
                    y: position[index].y - nodes[node].height / 2 - minY, width: nodes[node].width,
                    height: nodes[node].height)
            }
            placed.append((members, maxX - minX, maxY - minY))
        }
        // Parts in rows, about as wide as the largest part or 900 pixels.
        let rowWidth = max(900, placed.first?.width ?? 0)
        var x = margin, y = margin, rowHeight = 0.0, width = 0.0
        for item in placed {
            if x > margin, x + item.width > rowWidth + margin {
                x = margin
                y += rowHeight + gap
                rowHeight = 0
            }
            for node in item.members {
                boxes[node].x += x
                boxes[node].y += y
            }
            x += item.width + gap
            width = max(width, x - gap)
            rowHeight = max(rowHeight, item.height)
        }
        return (boxes, width + margin, y + rowHeight + margin)
    }

    /// Positions of one connected part: graph distances by breadth-first search, a start on a circle in
    /// search order, then SMACOF iterations with weights 1/d².
    static func stress(_ members: [Int], neighbours: [[Int]], unit: Double) -> [Point] {
        let count = members.count
        guard count > 1 else { return [Point(0, 0)] }
        var local = [Int: Int]()
        for (index, node) in members.enumerated() { local[node] = index }
        var distance = [[Double]](repeating: [Double](repeating: 0, count: count), count: count)
        for source in 0..<count {
            var steps = [Int](repeating: -1, count: count)
            steps[source] = 0
            var queue = [source], head = 0
            while head < queue.count {
                let current = queue[head]
                head += 1
                for next in neighbours[members[current]] {
                    let index = local[next]!
                    if steps[index] < 0 {
                        steps[index] = steps[current] + 1
                        queue.append(index)
                    }
                }
            }
            for target in 0..<count { distance[source][target] = Double(max(steps[target], 1)) * unit }
        }
        var position = (0..<count).map { index -> Point in
            let angle = 2 * Double.pi * Double(index) / Double(count)
            let radius = unit * Double(count) / (2 * Double.pi) + unit
            return Point(radius * cos(angle), radius * sin(angle))
        }
        for _ in 0..<200 {
            var moved = 0.0
            for i in 0..<count {
                var sumX = 0.0, sumY = 0.0, sumWeight = 0.0
                for j in 0..<count where j != i {
                    let d = distance[i][j], weight = 1 / (d * d)
                    let dx = position[i].x - position[j].x, dy = position[i].y - position[j].y
                    let length = max((dx * dx + dy * dy).squareRoot(), 1e-6)
                    sumX += weight * (position[j].x + d * dx / length)
                    sumY += weight * (position[j].y + d * dy / length)
                    sumWeight += weight
                }
                let next = Point(sumX / sumWeight, sumY / sumWeight)
                moved = max(moved, abs(next.x - position[i].x) + abs(next.y - position[i].y))
                position[i] = next
            }
            if moved < 0.1 { break }
        }
        return position
    }

    /// Pushes overlapping boxes apart along the axis where they overlap least, half each, until none overlaps
    /// (boxes keep `gap` between them).
    static func separate(_ members: [Int], nodes: [Node], position: inout [Point], gap: Double) {
        let count = members.count
        for _ in 0..<500 {
            var overlapping = false
            for i in 0..<count {
                for j in (i + 1)..<count {
                    let a = nodes[members[i]], b = nodes[members[j]]
                    let dx = position[j].x - position[i].x, dy = position[j].y - position[i].y
                    let needX = (a.width + b.width) / 2 + gap - abs(dx)
                    let needY = (a.height + b.height) / 2 + gap - abs(dy)
                    guard needX > 0, needY > 0 else { continue }
                    overlapping = true
                    if needX < needY {
                        let shift = (needX / 2 + 0.5) * (dx > 0 || (dx == 0 && i < j) ? 1 : -1)
                        position[i].x -= shift
                        position[j].x += shift
                    } else {
                        let shift = (needY / 2 + 0.5) * (dy > 0 || (dy == 0 && i < j) ? 1 : -1)
                        position[i].y -= shift
                        position[j].y += shift
                    }
                }
            }
            if !overlapping { break }
        }
    }
}
