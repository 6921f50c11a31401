import Foundation
import Testing
import TestSupport

@testable import ProcessMining

/// Hand-over-of-work and working-together networks agree with pm4py's on the receipt log; at unit level,
/// hand-overs inside a unit do not count and unknown resources are left out.
@Suite struct OrganisationTests {
    struct Expected: Decodable {
        struct Pair: Decodable {
            var from: String
            var to: String
            var value: Double
        }
        var log: String
        var handover: [Pair]
        var workingTogether: [Pair]
    }

    @Test(.enabled(if: Corpus.isAvailable, "corpus missing")) func networksAgreeWithPM4Py() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/organisation.json")
        let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: url))
        let (log, _, _) = try ConformanceTests.logAndNet("\(expected.log)-imf.pnml")

        let handover = HandoverNetwork(resourcesOf: log)
        let ours = Dictionary(uniqueKeysWithValues: handover.handovers.map { ("\($0.from)→\($0.to)", $0.share) })
        #expect(ours.count == expected.handover.count)
        for pair in expected.handover {
            let share = try #require(ours["\(pair.from)→\(pair.to)"], "\(pair.from) → \(pair.to)")
            #expect(abs(share - pair.value) < 1e-12)
        }

        let together = WorkingTogetherNetwork(resourcesOf: log)
        // pm4py lists each pair both ways with the same value: the shared cases divided by the length of its data
        // frame — the number of events, not of cases (a quirk of pm4py 2.7); Amtsweg's share is of cases.
        var theirs: [String: Double] = [:]
        for pair in expected.workingTogether {
            theirs[[pair.from, pair.to].sorted().joined(separator: "+")] = pair.value
        }
        #expect(together.pairs.count == theirs.count)
        for pair in together.pairs {
            let value = try #require(theirs["\(pair.first)+\(pair.second)"])
            #expect(abs(Double(pair.cases) - value * Double(log.eventCount)) < 1e-6)
            #expect(pair.share == Double(pair.cases) / Double(log.caseCount))
        }
    }

    @Test func unitsCountOnlyHandoversBetweenUnits() {
        var builder = EventLogBuilder()
        let steps: [[(String, String)]] = [
            [("a", "Anna"), ("b", "Bernd"), ("c", "Clara"), ("d", "Anna")],
            [("a", "Anna"), ("b", "Anna"), ("c", "Dora")],
        ]
        for (index, trace) in steps.enumerated() {
            let c = builder.addCase("\(index)")
            for (time, (activity, resource)) in trace.enumerated() {
                builder.addEvent(
                    case: c, activity: activity, timestamp: Int64(time), resource: resource, lifecycle: .complete)
            }
        }
        let log = builder.build()
        let units = ["Anna": "Bürgerbüro", "Bernd": "Bürgerbüro", "Clara": "Bauamt"]
        let network = HandoverNetwork(unitsOf: log, unitOf: { units[$0] })
        // Case 0: Anna→Bernd stays in the Bürgerbüro, Bernd→Clara and Clara→Anna cross; case 1: Dora is unknown.
        #expect(
            network.handovers.map { "\($0.from)→\($0.to) \($0.count)" } == [
                "Bauamt→Bürgerbüro 1", "Bürgerbüro→Bauamt 1",
            ])
        #expect(network.total == 2)
        let resources = HandoverNetwork(resourcesOf: log)
        #expect(resources.total == 5)
        #expect(resources.handovers.first { $0.from == "Anna" && $0.to == "Anna" }?.count == 1)
        let together = WorkingTogetherNetwork(unitsOf: log, unitOf: { units[$0] })
        #expect(together.pairs.map { "\($0.first)+\($0.second) \($0.cases)" } == ["Bauamt+Bürgerbüro 1"])
    }
}
