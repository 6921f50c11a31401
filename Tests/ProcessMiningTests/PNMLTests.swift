import Foundation
import Testing

@testable import ProcessMining

/// Petri nets that pm4py's IMf discovered and wrote as PNML read with the same places, transitions, arcs,
/// silent transitions and markings; written by Amtsweg and read again, they are the same net.
@Suite struct PNMLTests {
    struct Expected: Decodable {
        var places: Int
        var transitions: Int
        var arcs: Int
        var silent: Int
        var labels: [String]
        var initialMarking: [String: Int]
        var finalMarking: [String: Int]
    }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let expected: [String: Expected] = {
        (try? JSONDecoder().decode(
            [String: Expected].self, from: Data(contentsOf: folder.appendingPathComponent("nets.json"))))
            ?? [:]
    }()

    @Test(arguments: expected.keys.sorted())
    func readsPM4PysNetsAndWritesThemBack(_ name: String) throws {
        let expected = try #require(Self.expected[name])
        let net = try PNMLReader.read(contentsOf: Self.folder.appendingPathComponent("nets/\(name)"))
        #expect(net.places.count == expected.places)
        #expect(net.transitions.count == expected.transitions)
        #expect(net.arcs.count == expected.arcs)
        #expect(net.transitions.filter { $0.label == nil }.count == expected.silent)
        #expect(net.transitions.compactMap(\.label).sorted() == expected.labels)
        func byName(_ marking: [String: Int]) -> [String: Int] {
            Dictionary(
                uniqueKeysWithValues: marking.map { id, tokens in (net.places.first { $0.id == id }!.name, tokens) })
        }
        #expect(byName(net.initialMarking) == expected.initialMarking)
        #expect(byName(net.finalMarking) == expected.finalMarking)

        let again = try PNMLReader.read(PNMLWriter.write(net), file: "again.pnml")
        #expect(again == net)
    }

    @Test(arguments: [
        ("not pnml", "<petri/>"),
        (
            "dangling arc",
            "<pnml><net id=\"n\"><page id=\"p\"><place id=\"a\"/><arc id=\"x\" source=\"a\" target=\"b\"/></page></net></pnml>"
        ),
        (
            "bad tokens",
            "<pnml><net id=\"n\"><page id=\"p\"><place id=\"a\"><initialMarking><text>viele</text></initialMarking></place></page></net></pnml>"
        ),
        (
            "duplicate id",
            "<pnml><net id=\"n\"><page id=\"p\"><place id=\"a\"/><transition id=\"a\"/></page></net></pnml>"
        ),
        ("xxe", "<!DOCTYPE pnml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><pnml>&x;</pnml>"),
        ("truncated", "<pnml><net id=\"n\"><page id=\"p\"><place id=\"a\">"),
    ])
    func brokenNetsAreClearErrors(_ name: String, _ text: String) {
        do {
            _ = try PNMLReader.read(Data(text.utf8), file: "\(name).pnml")
            Issue.record("\(name) was read")
        } catch {
            #expect(error.file == "\(name).pnml" && error.line != nil, "\(error)")
        }
    }
}
