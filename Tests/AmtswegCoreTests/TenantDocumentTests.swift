import AmtswegCore
import AmtswegInterchange
import AmtswegDemo
import Foundation
import Testing

@Suite struct TenantDocumentTests {
    @Test func encodeDecodeEncodeIsByteIdentical() throws {
        let first = try TenantDocument.encode(Musterstadt.map())
        let decoded = try TenantDocument.decode(first, file: "musterstadt.json")
        #expect(decoded == Musterstadt.map())
        #expect(try TenantDocument.encode(decoded) == first)
    }

    /// Files of version 1 were written before the roadmap existed; they still read, with an empty roadmap.
    @Test func aVersionOneDocumentReadsWithoutRoadmap() throws {
        let written = try TenantDocument.encode(Musterstadt.map())
        var object = try #require(try JSONSerialization.jsonObject(with: written) as? [String: Any])
        #expect(object["version"] as? Int == 2 && object["roadmap"] != nil && object["measurements"] != nil)
        object["version"] = 1
        object["roadmap"] = nil
        object["measurements"] = nil
        let old = try JSONSerialization.data(withJSONObject: object)
        let contents = try TenantDocument.decodeContents(old, file: "alt.json")
        #expect(contents.map == Musterstadt.map() && contents.roadmap == Roadmap() && contents.measurements.isEmpty)
    }

    @Test func outputIsSortedWhateverTheInputOrder() throws {
        var shuffled = Musterstadt.map()
        shuffled.flows.shuffle()
        shuffled.responsibilities.shuffle()
        shuffled.roles = shuffled.roles.map {
            var role = $0; role.positionIDs.reverse(); return role
        }
        #expect(try TenantDocument.encode(shuffled) == TenantDocument.encode(Musterstadt.map()))
    }

    @Test(arguments: [
        ("", "kein gültiges JSON"),
        ("{\"format\":\"amtsweg.tenant\",\"version\":1,\"map\":{\"tenant\":", "kein gültiges JSON"),
        (
            "{\"format\":\"bpmn\",\"version\":1,\"map\":{\"tenant\":{\"id\":\"t\",\"name\":\"T\",\"ags\":\"05315000\",\"population\":1},\"units\":[],\"positions\":[],\"roles\":[],\"tasks\":[],\"services\":[],\"informationObjects\":[],\"externalParties\":[],\"flows\":[],\"entryPoints\":[],\"responsibilities\":[],\"awareness\":[],\"findings\":[]}}",
            "keine Amtsweg-Exportdatei"
        ),
        ("{\"format\":\"amtsweg.tenant\",\"version\":1}", "fehlt das Feld 'map'"),
        ("{\"format\":\"amtsweg.tenant\",\"version\":99,\"map\":{}}", "fehlt das Feld"),
    ])
    func rejectsBrokenDocuments(_ json: String, _ expected: String) {
        #expect {
            _ = try TenantDocument.decode(Data(json.utf8), file: "x.json")
        } throws: { error in
            let error = error as? InterchangeError
            return error?.file == "x.json" && error?.message.contains(expected) == true
        }
    }

    @Test func syntaxErrorsNameTheLine() throws {
        let text = String(decoding: try TenantDocument.encode(Musterstadt.map()), as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[9] += ",,"
        let broken = Data(lines.joined(separator: "\n").utf8)
        #expect {
            _ = try TenantDocument.decode(broken, file: "kaputt.json")
        } throws: { error in
            (error as? InterchangeError)?.line == 10
        }
        let truncated = Data(text.utf8.prefix(5_000))
        #expect {
            _ = try TenantDocument.decode(truncated, file: "abgeschnitten.json")
        } throws: { error in
            let error = error as? InterchangeError
            return error?.message.contains("abgeschnitten") == true && error?.line != nil
        }
    }

    @Test func rejectsBadLeiKaKeyInsideADocument() throws {
        var text = String(decoding: try TenantDocument.encode(Musterstadt.map()), as: UTF8.self)
        text = text.replacingOccurrences(of: "99050012104000", with: "12345")
        #expect(throws: InterchangeError.self) { try TenantDocument.decode(Data(text.utf8), file: "x.json") }
    }
}
