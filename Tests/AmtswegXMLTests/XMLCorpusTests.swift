import AmtswegXML
import Foundation
import TestSupport
import Testing

/// Every XML file of the corpus (BPMN of 15 tools, PNML, XProzess): the well-formed ones parse, and
/// the four GenMyModel files with Latin-1 bytes in a UTF-8 document fail naming line and column.
@Suite struct XMLCorpusTests {
    @Test(.enabled(if: Corpus.isAvailable, "corpus missing")) func theCorpusIsAllThere() {
        #expect(Corpus.bpmnFiles.count > 300)
    }

    @Test(.enabled(if: Corpus.isAvailable, "corpus missing"), arguments: Corpus.bpmnFiles)
    func corpusFileIsReadOrRefusedWithAPosition(_ url: URL) throws {
        let relative = Corpus.relativeName(url)
        do {
            let document = try XMLDocument(contentsOf: url)
            #expect(!Corpus.malformedBPMN.contains(relative), "\(relative) should not be well-formed")
            #expect(document.root.name.localName == "definitions", "\(relative)")
            // What the writer gives back reads as the same tree (indentation aside).
            let again = try XMLDocument(data: XMLWriter().write(document), file: relative)
            #expect(Self.withoutLayout(again.root) == Self.withoutLayout(document.root), "\(relative)")
        } catch {
            #expect(Corpus.malformedBPMN.contains(relative), "\(relative): \(error)")
            #expect(error.kind == .encoding && error.line > 0 && error.column > 0, "\(error)")
        }
    }

    /// The tree without positions and without white space between elements (element-only content).
    static func withoutLayout(_ element: XMLElement) -> XMLElement {
        var element = element
        element.line = 0
        element.column = 0
        let hasText = element.children.contains {
            switch $0 {
            case .text(let text): !text.allSatisfy(\.isWhitespace)
            case .cdata: true
            default: false
            }
        }
        element.children = element.children.compactMap { node in
            switch node {
            case .element(let child): .element(withoutLayout(child))
            case .text where !hasText: nil
            default: node
            }
        }
        return element
    }
}
