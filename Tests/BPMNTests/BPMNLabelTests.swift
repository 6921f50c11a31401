import AmtswegSupport
import Foundation
import Testing
import TestSupport

@testable import BPMN

/// Task names are drawn inside their boxes: wrapped by words at the font's real widths, long German compounds
/// broken with a hyphen, set smaller when the lines do not fit the height, and cut with "…" only below 8 px.
@Suite struct BPMNLabelTests {
    static func check(_ text: String, width: Double, height: Double, file: String = "") -> (
        lines: [String], size: Double
    ) {
        let (lines, size) = SVGBuilder.fit(text, width: width, height: height, size: 11)
        for line in lines {
            #expect(TextMetrics.width(line, fontSize: size) <= width + 0.01, "\(file) „\(line)“ wider than \(width)")
        }
        if lines.count > 1 {
            #expect(Double(lines.count) * size * 1.2 <= height + 0.01, "\(file) \(lines) taller than \(height)")
        }
        #expect(size >= 8 && size <= 11)
        return (lines, size)
    }

    @Test func longGermanNamesWrapShrinkAndBreak() {
        let name = "Gesamtverantwortung im Baugenehmigungsverfahren klären"
        let roomy = Self.check(name, width: 140, height: 70)
        #expect(roomy.size == 11 && roomy.lines.count == 3, "\(roomy)")
        #expect(roomy.lines.joined(separator: " ").replacingOccurrences(of: "- ", with: "") == name)
        // A narrow box breaks the compound with a hyphen; nothing is lost.
        let narrow = Self.check(name, width: 90, height: 80)
        #expect(narrow.lines.contains { $0.hasSuffix("-") }, "\(narrow)")
        let joined = narrow.lines.reduce("") { text, line in
            text.isEmpty ? line : text.hasSuffix("-") ? String(text.dropLast()) + line : text + " " + line
        }
        #expect(joined == name)
        // A low box sets the text smaller before it cuts anything.
        let low = Self.check(name, width: 90, height: 40)
        #expect(low.size == 8 && low.lines.count == 3 && !low.lines.joined().contains("…"), "\(low)")
        // The compound is divided at a syllable: "Baugenehmigungsver-" / "fahren klären".
        #expect(low.lines.contains("Baugenehmigungsver-"), "\(low)")
        // Far too much text for the box: 8 px, the last line cut.
        let tiny = Self.check(String(repeating: name + " ", count: 4), width: 90, height: 30)
        #expect(tiny.size == 8 && tiny.lines.last?.hasSuffix("…") == true, "\(tiny)")
    }

    /// Every task of every MIWG reference model, in its own box as the modeller drew it.
    @Test(.enabled(if: Corpus.isAvailable, "corpus missing")) func corpusTaskNamesFitTheirBoxes() throws {
        let folder = try #require(Corpus.file("bpmn/miwg/Reference"))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".bpmn") }
        var checked = 0
        for file in files {
            let model = try BPMNReader.read(contentsOf: folder.appendingPathComponent(file))
            guard let geometry = DiagramGeometry(model) else { continue }
            for shape in geometry.shapes
            where shape.element.kind.hasSuffix("Task") || shape.element.kind == "model:task" {
                guard let name = shape.element.name, !name.isEmpty, shape.bounds.width > 20 else { continue }
                _ = Self.check(name, width: shape.bounds.width - 10, height: shape.bounds.height - 10, file: file)
                checked += 1
            }
        }
        #expect(checked > 50, "tasks checked: \(checked)")
    }
}
