import Foundation
import Testing

@testable import ProcessMining

@Suite struct PseudonymisationTests {
    static let text = """
        <log><trace><string key="concept:name" value="1"/>
          <event><string key="concept:name" value="a"/><string key="org:resource" value="Frau Müller"/></event>
          <event><string key="concept:name" value="b"/><string key="org:resource" value="Herr Schmidt"/></event>
          <event><string key="concept:name" value="c"/><string key="org:resource" value="Frau Müller"/></event>
          <event><string key="concept:name" value="d"/></event>
        </trace></log>
        """

    @Test func namesBecomeStablePseudonymsPerKey() throws {
        let log = try XESReader.read(Data(Self.text.utf8), file: "names.xes")
        let key = ResourcePseudonymizer.makeKey()
        let once = log.pseudonymisingResources(with: ResourcePseudonymizer(key: key))
        let twice = log.pseudonymisingResources(with: ResourcePseudonymizer(key: key))
        #expect(once.resources.strings == twice.resources.strings)
        #expect(once.resources.strings.allSatisfy { $0.hasPrefix("R-") && $0.count == 14 })
        #expect(!once.resources.strings.contains { $0.contains("Müller") || $0.contains("Schmidt") })
        #expect(once.resource == log.resource)  // same person, same code; the event without resource keeps -1
        #expect(once.resource[0] == once.resource[2] && once.resource[0] != once.resource[1] && once.resource[3] == -1)
        let other = log.pseudonymisingResources(with: ResourcePseudonymizer(key: ResourcePseudonymizer.makeKey()))
        #expect(other.resources.strings != once.resources.strings)
    }

    @Test func knownHMACValue() {
        // HMAC-SHA256 with key "key" over "The quick brown fox jumps over the lazy dog" starts f7bc83f430538424.
        let pseudonymizer = ResourcePseudonymizer(key: Data("key".utf8))
        #expect(pseudonymizer.pseudonym(for: "The quick brown fox jumps over the lazy dog") == "R-f7bc83f43053")
    }
}
