import Foundation
import TestSupport
import Testing

@testable import ProcessMining

/// The directly-follows graph, start and end activities and variants of real corpus logs agree with pm4py's,
/// whose values `scripts/generate-mining-fixtures` stored in `Fixtures/`.
@Suite struct PM4PyAgreementTests {
    struct Fixture: Decodable {
        struct Edge: Decodable {
            var from: String
            var to: String
            var count: Int
            var meanSeconds: Double
        }
        struct Variant: Decodable {
            var activities: [String]
            var count: Int
        }
        var file: String
        var cases: Int
        var events: Int
        var dfg: [Edge]
        var startActivities: [String: Int]
        var endActivities: [String: Int]
        var variantCount: Int
        var variantDigest: String
        var topVariants: [Variant]
    }

    static let fixtureNames: [String] = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
        // Not logs: pm4py's verdicts on its importer edge cases (XESReaderTests), its nets (PNMLTests) and its
        // social networks (OrganisationTests).
        let others: Set = ["xes-importer-tests.json", "nets.json", "organisation.json"]
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter {
            $0.hasSuffix(".json") && !others.contains($0)
        }
        .sorted()
    }()

    static func fixture(_ name: String) throws -> Fixture {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

    /// FNV-1a over the canonical variant list, as the fixture script computes it.
    static func digest(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    @Test(.enabled(if: Corpus.isAvailable, "corpus missing"), arguments: fixtureNames)
    func agreesWithPM4Py(_ name: String) throws {
        let expected = try Self.fixture(name)
        let url = try #require(Corpus.file("eventlogs/pm4py/\(expected.file)"))
        let log =
            url.pathExtension == "csv" ? try CSVLogReader.read(contentsOf: url) : try XESReader.read(contentsOf: url)
        #expect(log.caseCount == expected.cases)
        #expect(log.eventCount == expected.events)

        let dfg = DirectlyFollowsGraph(log)
        let counts = DirectlyFollowsGraph(log, durations: false)
        #expect(
            counts.edges.map { "\($0.from)→\($0.to) \($0.count)" }
                == dfg.edges.map { "\($0.from)→\($0.to) \($0.count)" })
        #expect(counts.edges.allSatisfy { $0.meanSeconds == nil })
        #expect(dfg.edges.count == expected.dfg.count)
        let edges = Dictionary(uniqueKeysWithValues: dfg.edges.map { ("\($0.from)\u{1F}\($0.to)", $0) })
        for edge in expected.dfg {
            let ours = edges["\(edge.from)\u{1F}\(edge.to)"]
            #expect(ours?.count == edge.count, "\(name): \(edge.from) → \(edge.to)")
            #expect(
                abs((ours?.meanSeconds ?? .nan) - edge.meanSeconds) <= 0.001, "\(name): \(edge.from) → \(edge.to) mean")
        }
        #expect(dfg.startActivities == expected.startActivities)
        #expect(dfg.endActivities == expected.endActivities)

        let variants = Variants(log).variants
        #expect(variants.count == expected.variantCount)
        let canonical = variants.map { "\($0.count)\t" + $0.activities.joined(separator: "\u{1F}") }
            .sorted()  // NFC text: the same order as Python's code-point sort
        #expect(Self.digest(canonical.joined(separator: "\n")) == expected.variantDigest, "\(name): variants differ")
        for top in expected.topVariants.prefix(5) {
            #expect(variants.contains { $0.activities == top.activities && $0.count == top.count }, "\(name)")
        }
    }
}
