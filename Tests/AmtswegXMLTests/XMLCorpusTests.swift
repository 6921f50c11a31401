import AmtswegXML
import Foundation
import Testing

/// Every XML file of the corpus (BPMN of 15 tools, PNML, XProzess): the well-formed ones parse, and
/// the four GenMyModel files with Latin-1 bytes in a UTF-8 document fail naming line and column.
@Suite struct XMLCorpusTests {
    static let malformed: Set<String> = [
        "GenMyModel 0.47/C.1.0-export.bpmn", "GenMyModel 0.47/C.1.0-roundtrip.bpmn",
        "GenMyModel 0.47/C.1.1-export.bpmn", "GenMyModel 0.47/C.1.1-roundtrip.bpmn",
    ]

    static var files: [URL] {
        guard let root = Corpus.file("bpmn") else { return [] }
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        return (enumerator?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "bpmn" }
            .sorted { $0.path < $1.path }
    }

    @Test(.enabled(if: Corpus.isAvailable)) func theCorpusIsAllThere() {
        #expect(Self.files.count > 300)
    }

    @Test(.enabled(if: Corpus.isAvailable), arguments: files)
    func corpusFileIsReadOrRefusedWithAPosition(_ url: URL) throws {
        let relative = url.pathComponents.suffix(2).joined(separator: "/")
        do {
            let document = try XMLDocument(contentsOf: url)
            #expect(!Self.malformed.contains(relative), "\(relative) should not be well-formed")
            #expect(document.root.name.localName == "definitions", "\(relative)")
            // What the writer gives back reads as the same tree (indentation aside).
            let again = try XMLDocument(data: XMLWriter().write(document), file: relative)
            #expect(Self.withoutLayout(again.root) == Self.withoutLayout(document.root), "\(relative)")
        } catch {
            #expect(Self.malformed.contains(relative), "\(relative): \(error)")
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
