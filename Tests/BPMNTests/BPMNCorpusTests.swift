import AmtswegXML
import BPMN
import Foundation
import TestSupport
import Testing

/// Issue 3, acceptance 1 and 2 on the whole corpus: every well-formed BPMN file reads, writes back in
/// Amtsweg's form, and reads again into a model with no semantic difference; the four malformed GenMyModel
/// files are refused naming line and column.
@Suite struct BPMNCorpusTests {
    @Test(.enabled(if: Corpus.isAvailable, "corpus missing"), arguments: Corpus.bpmnFiles)
    func readsWritesAndReadsAgainWithoutDifference(_ url: URL) throws {
        let relative = Corpus.relativeName(url)
        let model: BPMNModel
        do {
            model = try BPMNReader.read(contentsOf: url)
        } catch {
            #expect(Corpus.malformedBPMN.contains(relative), "\(relative): \(error)")
            #expect(error.line > 0 && error.column > 0, "\(error)")
            return
        }
        #expect(!Corpus.malformedBPMN.contains(relative), "\(relative) should be refused")
        let written = BPMNWriter.write(model)
        let again = try BPMNReader.read(written, file: "roundtrip of \(relative)")
        let differences = BPMNDiff.compare(model, again)
        #expect(differences.isEmpty, "\(relative): \(differences.prefix(5).map(\.description))")
        // Issue 3, acceptance 4 (first half): every file with a diagram renders to well-formed SVG.
        if let svg = SVGRenderer.render(model) {
            let document = try XMLDocument(data: Data(svg.utf8), file: "\(relative).svg")
            #expect(document.root.name.localName == "svg")
            let drawn =
                svg.components(separatedBy: "<rect").count + svg.components(separatedBy: "<circle").count
                + svg.components(separatedBy: "<path").count - 3
            #expect(drawn >= DiagramGeometry(model)!.shapes.count, "\(relative)")
        }
        // Written in Amtsweg's own form, not copied from the input.
        #expect(String(decoding: written.prefix(200), as: UTF8.self).contains("<bpmn:definitions xmlns:bpmn="))
    }
}
