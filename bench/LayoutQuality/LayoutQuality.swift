import Foundation
import ProcessMaps
import ProcessMining

/// Amtsweg's process-map layout beside Graphviz `dot` on the same graphs (`bench/layout-quality`).
///
/// For each log, at the default simplification and at 100 % of activities and paths, the same boxes and
/// labelled edges are laid out by ``LayeredLayout`` and by `dot` (its default settings; boxes of the same
/// fixed size, labels in the same font), and both drawings are measured by ``DrawingMetrics``: crossings,
/// label overlaps, labels over boxes, edges sharing a line. Times are the median of the same number of runs
/// on each side, one thread each (`dot` is single-threaded; ours is too); dot's includes writing its output.
///
/// `LayoutQuality [--runs N] [--dot-timeout SECONDS] [--no-dot] LOG…`
@main
struct LayoutQuality {
    static func main() throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        var runs = 3, timeout = 300.0
        // Without dot: our side only (for profiling).
        let withDot = !arguments.contains("--no-dot")
        arguments.removeAll { $0 == "--no-dot" }
        if let index = arguments.firstIndex(of: "--runs") {
            runs = Int(arguments[index + 1]) ?? 3
            arguments.removeSubrange(index...(index + 1))
        }
        if let index = arguments.firstIndex(of: "--dot-timeout") {
            timeout = Double(arguments[index + 1]) ?? 300
            arguments.removeSubrange(index...(index + 1))
        }
        print(
            pad("graph", 44) + lpad("nodes", 6) + lpad("edges", 6) + lpad("crossings", 13) + lpad("label/label", 13)
                + lpad("label/node", 12) + lpad("shared", 9) + lpad("layout ms", 17) + "  size (ours)")
        print(
            pad("", 56) + lpad("ours   dot", 13) + lpad("ours dot", 13) + lpad("ours dot", 12) + lpad("ours dot", 9)
                + lpad("ours     dot", 17))
        var totalOurs = 0, totalDot = 0
        var worstTime = 0.0
        for path in arguments {
            let log = try XESReader.read(contentsOf: URL(fileURLWithPath: path))
            let activityCount = Set(log.activity).count
            let settings = [
                (
                    "default", ProcessMap.defaultActivityPercent(activityCount: activityCount),
                    ProcessMap.defaultPathPercent
                ),
                ("100 %", 100, 100),
            ]
            for (name, activities, paths) in settings {
                let map = ProcessMap(log: log, activityPercent: activities, pathPercent: paths)
                let drawing = ProcessMapDrawing(
                    map, metric: .frequency,
                    words: .german(metric: .frequency, number: { String($0) }, duration: { String($0) }))
                let ours = measure(drawing.layout)
                if ProcessInfo.processInfo.environment["LAYOUT_DEBUG"] != nil {
                    for pair in ours.sharedPairs {
                        let a = map.edges[pair[0]], b = map.edges[pair[1]]
                        print("shared: \(a.from ?? "start")→\(a.to ?? "end") and \(b.from ?? "start")→\(b.to ?? "end")")
                        for index in pair {
                            print(
                                "points "
                                    + drawing.layout.edges[index].points.map { "\($0.x),\($0.y)" }.joined(
                                        separator: " "))
                        }
                    }
                }
                var times: [Double] = []
                for _ in 0..<runs {
                    let start = ContinuousClock.now
                    _ = LayeredLayout.draw(drawing.graph)
                    times.append(seconds(ContinuousClock.now - start))
                }
                let ourTime = median(times)
                worstTime = max(worstTime, ourTime)
                let label =
                    URL(fileURLWithPath: path).lastPathComponent.replacingOccurrences(of: ".xes.gz", with: "")
                    + " " + name
                var dotTimes: [Double] = []
                var dotDrawing: LayeredDrawing?
                for _ in 0..<(withDot ? runs : 0) {
                    let start = ContinuousClock.now
                    guard let drawn = try dot(drawing, timeout: timeout) else { break }
                    dotTimes.append(seconds(ContinuousClock.now - start))
                    dotDrawing = drawn
                }
                let theirs = dotDrawing.map(measure)
                if let theirs {
                    totalOurs += ours.crossings
                    totalDot += theirs.crossings
                }
                func pair(_ a: Int, _ b: Int?) -> String { "\(a) " + (b.map(String.init) ?? "–") }
                print(
                    pad(label, 44) + lpad("\(map.activities.count)", 6) + lpad("\(map.edges.count)", 6)
                        + lpad(pair(ours.crossings, theirs?.crossings), 13)
                        + lpad(pair(ours.labelOverlaps, theirs?.labelOverlaps), 13)
                        + lpad(pair(ours.labelNodeOverlaps, theirs?.labelNodeOverlaps), 12)
                        + lpad(pair(ours.sharedSegments, theirs?.sharedSegments), 9)
                        + lpad(
                            String(format: "%.1f ", ourTime * 1000)
                                + (dotTimes.isEmpty
                                    ? "> \(Int(timeout)) s" : String(format: "%.1f", median(dotTimes) * 1000)),
                            17) + "  \(Int(drawing.layout.width)) × \(Int(drawing.layout.height))")
            }
        }
        print("crossings in total over the graphs dot finished: ours \(totalOurs), dot \(totalDot)")
        print(String(format: "slowest layout of ours: %.3f s", worstTime))
    }

    static func measure(_ drawing: LayeredDrawing) -> DrawingMetrics {
        DrawingMetrics(
            nodes: drawing.nodes, edges: drawing.edges.map(\.points), labels: drawing.edges.compactMap(\.label))
    }

    /// The same graph laid out by `dot`, read back from its JSON output; nil when it did not finish in time.
    static func dot(_ drawing: ProcessMapDrawing, timeout: Double) throws -> LayeredDrawing? {
        var source = "digraph G {\nnode [shape=box, fixedsize=true, fontname=Helvetica, fontsize=12];\n"
        source += "edge [fontname=Helvetica, fontsize=11];\n"
        for (index, node) in drawing.graph.nodes.enumerated() {
            source += "n\(index) [label=\"\", width=\(node.width / 72), height=\(node.height / 72)];\n"
        }
        let labels = drawing.graph.edges.map { $0.labelWidth > 0 }
        for (index, edge) in drawing.graph.edges.enumerated() {
            let text = labels[index] ? "\(drawing.map.edges[index].count)" : ""
            source += "n\(edge.from) -> n\(edge.to) [label=\"\(text)\"];\n"
        }
        source += "}\n"
        if let file = ProcessInfo.processInfo.environment["DOT_OUT"] {
            try source.write(toFile: file, atomically: true, encoding: .utf8)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["dot", "-Tjson"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(source.utf8))
        try input.fileHandleForWriting.close()
        let deadline = DispatchTime.now() + timeout
        let finished = DispatchSemaphore(value: 0)
        let box = DataBox()
        DispatchQueue.global().async {
            box.data = output.fileHandleForReading.readDataToEndOfFile()
            finished.signal()
        }
        if finished.wait(timeout: deadline) == .timedOut {
            process.terminate()
            return nil
        }
        process.waitUntilExit()
        guard let json = try JSONSerialization.jsonObject(with: box.data) as? [String: Any] else { return nil }
        let bounds = (json["bb"] as? String ?? "0,0,0,0").split(separator: ",").compactMap { Double($0) }
        let height = bounds.count == 4 ? bounds[3] : 0
        func point(_ text: Substring) -> Point {
            let parts = text.split(separator: ",").compactMap { Double($0) }
            return Point(parts[0], height - parts[1])
        }
        var nodes = [Rect](repeating: Rect(x: 0, y: 0, width: 0, height: 0), count: drawing.graph.nodes.count)
        for object in json["objects"] as? [[String: Any]] ?? [] {
            guard let name = object["name"] as? String, let index = Int(name.dropFirst()),
                let position = object["pos"] as? String
            else { continue }
            let center = point(Substring(position))
            let width = drawing.graph.nodes[index].width, nodeHeight = drawing.graph.nodes[index].height
            nodes[index] = Rect(x: center.x - width / 2, y: center.y - nodeHeight / 2, width: width, height: nodeHeight)
        }
        var edges: [LayeredDrawing.Route] = []
        // dot writes edges in the order they were given.
        for (index, edge) in (json["edges"] as? [[String: Any]] ?? []).enumerated() {
            var points: [Point] = []
            var arrow: Point?
            for token in (edge["pos"] as? String ?? "").split(separator: " ") {
                if token.hasPrefix("e,") {
                    arrow = point(token.dropFirst(2))
                } else if token.hasPrefix("s,") {
                    continue
                } else {
                    points.append(point(token))
                }
            }
            if let arrow, let last = points.last { points += [last, arrow, arrow] }
            var label: Rect?
            if let position = edge["lp"] as? String {
                let center = point(Substring(position))
                let spec = drawing.graph.edges[index]
                label = Rect(
                    x: center.x - spec.labelWidth / 2, y: center.y - spec.labelHeight / 2, width: spec.labelWidth,
                    height: spec.labelHeight)
            }
            edges.append(LayeredDrawing.Route(points: points, label: label))
        }
        return LayeredDrawing(nodes: nodes, edges: edges, width: bounds.count == 4 ? bounds[2] : 0, height: height)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1
            ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width
            ? String(text.prefix(width - 1)) + " " : text + String(repeating: " ", count: width - text.count)
    }

    static func lpad(_ text: String, _ width: Int) -> String {
        text.count >= width ? " " + text : String(repeating: " ", count: width - text.count) + text
    }
}

final class DataBox: @unchecked Sendable {
    var data = Data()
}
