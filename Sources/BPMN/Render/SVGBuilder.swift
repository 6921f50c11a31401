import AmtswegSupport
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

    /// Text centred in `bounds`, wrapped to its width; words wider than a line (German compounds:
    /// "Baugenehmigungsverfahren") are broken with a hyphen. Inside a shape (`inside`: a task, a lane's band)
    /// lines that do not fit the height are set smaller, down to 8 px, and only then is the last line cut with
    /// "…"; a free label (of an event, a gateway, a flow) keeps its size and all its lines, since the bounds
    /// modellers give it are rough.
    mutating func label(
        _ text: String, in bounds: Bounds, size: Double = 11, rotated: Bool = false, inside: Bool = false
    ) {
        let width = rotated ? bounds.height : bounds.width, height = rotated ? bounds.width : bounds.height
        let (lines, size) =
            inside
            ? Self.fit(text, width: width, height: height, size: size)
            : (Self.wrap(text, width: width, size: size), size)
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

    /// The lines and the font size of a label in a box: the largest size from `size` down to 8 px whose lines
    /// fit; at 8 px as many lines as fit, the last one cut with "…". A box too small for one line keeps one.
    static func fit(_ text: String, width: Double, height: Double, size: Double) -> (lines: [String], size: Double) {
        var current = size
        while true {
            let lines = wrap(text, width: width, size: current)
            let fitting = max(1, Int(height / (current * 1.2)))
            if lines.count <= fitting { return (lines, current) }
            if current - 1 < 8 {
                var kept = Array(lines.prefix(fitting))
                var last = kept.removeLast()
                while !last.isEmpty && TextMetrics.width(last + "…", fontSize: current) > width { last.removeLast() }
                return (kept + [last + "…"], current)
            }
            current -= 1
        }
    }

    /// The text broken into lines no wider than `width` at `size`, by words; a word wider than a line is cut
    /// where it fits, with a hyphen.
    static func wrap(_ text: String, width: Double, size: Double) -> [String] {
        func fits(_ line: String) -> Bool { TextMetrics.width(line, fontSize: size) <= width }
        var lines: [String] = []
        for paragraph in text.split(whereSeparator: \.isNewline) {
            var current = ""
            for word in paragraph.split(separator: " ").map(String.init) {
                let joined = current.isEmpty ? word : current + " " + word
                if fits(joined) {
                    current = joined
                    continue
                }
                if !current.isEmpty { lines.append(current) }
                current = word
                // Too wide alone: cut off the longest head that fits with its hyphen (at least one letter), moved
                // back to a syllable's start where one is near — before a consonant followed by a vowel, as German
                // divides "Baugenehmigungsver-fahren".
                while !fits(current) && current.count > 1 {
                    var head: [Character] = []
                    for character in current {
                        if !head.isEmpty && !fits(String(head) + String(character) + "-") { break }
                        head.append(character)
                    }
                    if head.count >= current.count { break }
                    // The next line starts at `start`: a consonant followed by a vowel, at most five letters back.
                    let letters = Array(current)
                    if let start = stride(from: head.count, through: max(2, head.count - 5), by: -1).first(where: {
                        $0 + 1 < letters.count && !Self.isVowel(letters[$0]) && letters[$0].isLetter
                            && Self.isVowel(letters[$0 + 1])
                    }) {
                        head = Array(letters[..<start])
                    }
                    lines.append(String(head) + "-")
                    current = String(current.dropFirst(head.count))
                }
            }
            if !current.isEmpty { lines.append(current) }
        }
        return lines
    }

    private static func isVowel(_ character: Character) -> Bool { "aeiouäöüyAEIOUÄÖÜY".contains(character) }
}
