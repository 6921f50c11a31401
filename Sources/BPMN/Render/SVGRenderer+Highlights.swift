/// Marks on a drawn diagram: a coloured frame and a short note above chosen elements — how conformance
/// checking shows where reality departs from the model, without changing the drawing itself.
extension SVGRenderer {
    public struct Highlight: Sendable, Hashable {
        public var elementID: String
        /// An SVG colour for the frame and the note's background.
        public var colour: String
        /// A few words above the element ("12× übersprungen"); empty for none.
        public var note: String

        public init(elementID: String, colour: String, note: String) {
            self.elementID = elementID
            self.colour = colour
            self.note = note
        }
    }

    /// The diagram with `highlights` drawn over their elements; elements not in the diagram are ignored.
    public static func render(_ model: BPMNModel, highlights: [Highlight], diagram index: Int = 0) -> String? {
        guard let geometry = DiagramGeometry(model, diagram: index) else { return nil }
        var svg = render(geometry)
        guard !highlights.isEmpty, svg.hasSuffix("</svg>\n") else { return svg }
        svg.removeLast("</svg>\n".count)
        var marks = SVGBuilder()
        let byID = Dictionary(geometry.shapes.compactMap { shape in shape.element.id.map { ($0, shape) } }) { a, _ in a
        }
        for highlight in highlights {
            guard let shape = byID[highlight.elementID] else { continue }
            let b = shape.bounds
            marks.rect(
                Bounds(x: b.x - 4, y: b.y - 4, width: b.width + 8, height: b.height + 8), radius: 12,
                style: "fill:none;stroke:\(highlight.colour);stroke-width:4")
            guard !highlight.note.isEmpty else { continue }
            let width = Double(highlight.note.count) * 6.2 + 10
            let note = Bounds(x: b.midX - width / 2, y: b.y - 26, width: width, height: 18)
            marks.rect(note, radius: 4, style: "fill:\(highlight.colour);stroke:none")
            marks.element(
                "text",
                [
                    ("x", SVGBuilder.number(note.midX)), ("y", SVGBuilder.number(note.midY)), ("font-size", "11"),
                    ("text-anchor", "middle"), ("dominant-baseline", "central"), ("fill", "#ffffff"),
                    ("font-weight", "bold"),
                ], content: SVGBuilder.escape(highlight.note))
        }
        return svg + marks.markup + "</svg>\n"
    }
}
