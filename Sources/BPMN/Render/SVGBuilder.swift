import AmtswegXML
import Foundation

/// Accumulates SVG markup with escaped text and compactly formatted numbers.
struct SVGBuilder {
    private(set) var markup = ""

    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    static func escape(_ text: String) -> String { XMLText.escaped(text) }

    /// Appends an element; attribute values are escaped, numbers formatted.
    ///
    /// A `style` is written as presentation attributes (`fill="white" stroke="#1a1a1a"`): pages that embed the
    /// drawing, and the drawing opened on its own, can then forbid inline styles in their
    /// Content-Security-Policy and still show it as drawn.
    mutating func element(_ name: String, _ attributes: [(String, String)], content: String? = nil) {
        markup += "<" + name
        for (key, value) in attributes {
            if key == "style" {
                for declaration in value.split(separator: ";") {
                    let parts = declaration.split(separator: ":", maxSplits: 1)
                    guard parts.count == 2 else { continue }
                    markup += " \(parts[0].trimmingCharacters(in: .whitespaces))=\"\(Self.escape(String(parts[1])))\""
                }
            } else {
                markup += " \(key)=\"\(Self.escape(value))\""
            }
        }
        if let content {
            markup += ">" + content + "</\(name)>\n"
        } else {
            markup += "/>\n"
        }
    }

    mutating func raw(_ text: String) { markup += text }

    mutating func rect(_ bounds: Bounds, radius: Double = 0, style: String) {
        element(
            "rect",
            [
                ("x", Self.number(bounds.x)), ("y", Self.number(bounds.y)), ("width", Self.number(bounds.width)),
                ("height", Self.number(bounds.height)), ("rx", Self.number(radius)), ("style", style),
            ])
    }

    mutating func circle(_ cx: Double, _ cy: Double, _ r: Double, style: String) {
        element("circle", [("cx", Self.number(cx)), ("cy", Self.number(cy)), ("r", Self.number(r)), ("style", style)])
    }

    mutating func path(_ d: String, style: String) { element("path", [("d", d), ("style", style)]) }

    mutating func polyline(_ points: [Point], style: String) {
        element(
            "polyline",
            [
                ("points", points.map { "\(Self.number($0.x)),\(Self.number($0.y))" }.joined(separator: " ")),
                ("style", style),
            ])
    }

    /// Text centred in `bounds`, wrapped to its width (about 6 px per character at 11 px).
    mutating func label(_ text: String, in bounds: Bounds, size: Double = 11, rotated: Bool = false) {
        let lines = Self.wrap(text, width: rotated ? bounds.height : bounds.width, size: size)
        guard !lines.isEmpty else { return }
        let lineHeight = size * 1.2
        var tspans = ""
        for (index, line) in lines.enumerated() {
            // Lines spread around the centre; a rotated label is laid out upright, then turned about the centre.
            let offset = lineHeight * (Double(index) - Double(lines.count - 1) / 2)
            let x = bounds.midX, y = bounds.midY + offset
            tspans += "<tspan x=\"\(Self.number(x))\" y=\"\(Self.number(y))\">\(Self.escape(line))</tspan>"
        }
        var attributes: [(String, String)] = [
            ("class", "label"), ("fill", SVGRenderer.stroke), ("font-size", Self.number(size)),
            ("text-anchor", "middle"),
            ("dominant-baseline", "central"),
        ]
        if rotated {
            attributes.append(("transform", "rotate(-90 \(Self.number(bounds.midX)) \(Self.number(bounds.midY)))"))
        }
        element("text", attributes, content: tspans)
    }

    static func wrap(_ text: String, width: Double, size: Double) -> [String] {
        let perLine = max(4, Int(width / (size * 0.55)))
        var lines: [String] = []
        for paragraph in text.split(whereSeparator: \.isNewline) {
            var current = ""
            for word in paragraph.split(separator: " ") {
                if current.isEmpty {
                    current = String(word)
                } else if current.count + 1 + word.count <= perLine {
                    current += " " + word
                } else {
                    lines.append(current)
                    current = String(word)
                }
            }
            if !current.isEmpty { lines.append(current) }
        }
        return lines
    }
}
