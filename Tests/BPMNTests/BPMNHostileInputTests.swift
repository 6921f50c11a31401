import AmtswegXML
import BPMN
import Foundation
import Testing

/// Issue 3, acceptance 6, through the BPMN reader: hostile and broken files end in a clear error with a
/// position, never in a crash, a hang, a network access or unbounded memory.
@Suite struct BPMNHostileInputTests {
    static let definitionsStart =
        "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"d\" targetNamespace=\"urn:x\">"

    struct Case: Sendable, CustomTestStringConvertible {
        var label: String
        var bytes: [UInt8]
        var kind: XMLError.Kind
        var line: Int
        var testDescription: String { label }
    }

    static let cases: [Case] = {
        let xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE definitions [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/secret">]>
            \(definitionsStart)<bpmn:process id="&xxe;"/></bpmn:definitions>
            """
        var bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
        for level in 1...9 {
            bomb +=
                "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level > 1 ? String(level - 1) : "");", count: 10)
                + "\">\n"
        }
        bomb += "]>\n\(definitionsStart)&lol9;</bpmn:definitions>"
        let truncated = "\(definitionsStart)\n  <bpmn:process id=\"p\">\n    <bpmn:task id=\"t\" name=\"Antrag prü"
        var latin1 = Array("\(definitionsStart)\n<bpmn:process id=\"p\">\n<bpmn:task id=\"t\" name=\"B".utf8)
        latin1 += [0xFC] + Array("rgerb".utf8) + [0xFC] + Array("ro\"/></bpmn:process></bpmn:definitions>".utf8)
        let deep = definitionsStart + String(repeating: "<bpmn:extensionElements>", count: 50_000)
        return [
            Case(label: "external entity (XXE)", bytes: Array(xxe.utf8), kind: .forbiddenDeclaration, line: 2),
            Case(label: "billion laughs", bytes: Array(bomb.utf8), kind: .forbiddenDeclaration, line: 2),
            Case(label: "truncated file", bytes: Array(truncated.utf8), kind: .malformed, line: 3),
            Case(label: "Latin-1 bytes in UTF-8", bytes: latin1, kind: .encoding, line: 3),
            Case(label: "deeply nested elements", bytes: Array(deep.utf8), kind: .limitExceeded, line: 1),
        ]
    }()

    @Test(arguments: cases)
    func hostileInputIsAClearError(_ hostile: Case) {
        do {
            _ = try BPMNReader.read(Data(hostile.bytes), file: "boese.bpmn")
            Issue.record("\(hostile.label) was accepted")
        } catch {
            #expect(error.xmlError?.kind == hostile.kind, "\(error)")
            #expect(error.line == hostile.line, "\(error)")
            #expect(error.column > 0)
            #expect(error.description.hasPrefix("boese.bpmn:\(hostile.line):"))
        }
    }

    @Test func declaredHugeFileIsRefusedBeforeReading() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("riesig-\(UUID().uuidString).bpmn")
        #expect(FileManager.default.createFile(atPath: url.path, contents: Data(Self.definitionsStart.utf8)))
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 2 << 30)  // 2 GB, sparse
        try handle.close()
        defer { try? FileManager.default.removeItem(at: url) }
        #expect {
            _ = try BPMNReader.read(contentsOf: url)
        } throws: { error in
            (error as? BPMNError)?.xmlError?.kind == .limitExceeded
        }
    }
}
