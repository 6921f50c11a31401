import BPMN
import Foundation
import TestSupport
import Testing

/// Issue 3, acceptance 5: every MIWG reference model with its diagram removed is laid out with no shape
/// overlapping another and no edge running through a shape.
@Suite struct BPMNLayoutTests {
    static var references: [URL] {
        guard let folder = Corpus.file("bpmn/miwg/Reference"),
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { return [] }
        return names.filter { $0.hasSuffix(".bpmn") }.sorted().map { folder.appendingPathComponent($0) }
    }

    static let containers: Set<String> = ["model:participant", "model:lane"]

    @Test(.enabled(if: Corpus.isAvailable, "corpus missing"), arguments: references)
    func layoutHasNoOverlapsAndNoEdgeThroughAShape(_ url: URL) throws {
        var model = try BPMNReader.read(contentsOf: url)
        model.definitions.children.removeAll { $0.kind == "bpmndi:BPMNDiagram" }
        let laidOut = BPMNLayout.layout(model)
        let geometry = try #require(DiagramGeometry(laidOut))
        let name = url.lastPathComponent
        let shapes = geometry.shapes.filter { !Self.containers.contains($0.element.kind) }
        #expect(!shapes.isEmpty, "\(name)")
        // Every flow node and sub-process content gets a shape.
        let nodes = laidOut.flowNodes.compactMap(\.id)
        let drawn = Set(shapes.compactMap(\.element.id))
        #expect(nodes.allSatisfy(drawn.contains), "\(name): \(nodes.filter { !drawn.contains($0) })")
        // Expanded sub-processes contain their content: inner shapes lie inside them, inner edges run inside.
        var inside: [String: Set<String>] = [:]
        for shape in shapes where shape.isExpanded == true {
            inside[shape.element.id ?? ""] = Set(shape.element.descendants().dropFirst().compactMap(\.id))
        }
        func contains(_ outer: DiagramGeometry.Shape, _ inner: DiagramGeometry.Shape) -> Bool {
            guard let members = inside[outer.element.id ?? ""], members.contains(inner.element.id ?? "") else {
                return false
            }
            return inner.bounds.x >= outer.bounds.x && inner.bounds.maxX <= outer.bounds.maxX
                && inner.bounds.y >= outer.bounds.y && inner.bounds.maxY <= outer.bounds.maxY
        }
        let boundaryHost = Dictionary(
            shapes.compactMap { shape in shape.element["attachedToRef"].map { (shape.element.id ?? "", $0) } },
            uniquingKeysWith: { a, _ in a })
        for (i, a) in shapes.enumerated() {
            for b in shapes[(i + 1)...] where a.bounds.intersects(b.bounds) && !contains(a, b) && !contains(b, a) {
                let attached =
                    boundaryHost[a.element.id ?? ""] == b.element.id || boundaryHost[b.element.id ?? ""] == a.element.id
                #expect(attached, "\(name): \(a.element.id ?? "?") overlaps \(b.element.id ?? "?")")
            }
        }
        for edge in geometry.edges {
            let ends = Set(
                [edge.element["sourceRef"], edge.element["targetRef"]].compactMap { $0 }
                    + edge.element.children.compactMap { $0.kind.hasSuffix("Ref") ? $0.text : nil })
            for (a, b) in zip(edge.waypoints, edge.waypoints.dropFirst()) {
                #expect(a.x == b.x || a.y == b.y, "\(name): \(edge.element.id ?? "?") is not orthogonal")
                for shape in shapes {
                    let id = shape.element.id ?? ""
                    if ends.contains(id) || ends.contains(boundaryHost[id] ?? "-")
                        || boundaryHost.values.contains(id) && ends.contains(where: { boundaryHost[$0] == id })
                    {
                        continue
                    }
                    if edge.element.kind.hasPrefix("model:data"), ends.isEmpty { continue }
                    if inside[id]?.contains(edge.element.id ?? "") == true { continue }
                    #expect(
                        !Self.segment(a, b, crosses: shape.bounds),
                        "\(name): \(edge.element.id ?? "?") runs through \(id)")
                }
            }
        }
    }

    /// Whether an axis-parallel segment passes through the interior of a rectangle.
    static func segment(_ a: Point, _ b: Point, crosses r: Bounds) -> Bool {
        let inset = 1.0
        let minX = min(a.x, b.x), maxX = max(a.x, b.x), minY = min(a.y, b.y), maxY = max(a.y, b.y)
        return maxX > r.x + inset && minX < r.maxX - inset && maxY > r.y + inset && minY < r.maxY - inset
    }
}
