import Foundation
import TestSupport
import Testing

@testable import ProcessMining

@Suite struct FilterTests {
    /// Five cases: three follow a→b→c, one a→c, one a→x→c; case attributes say the channel.
    static func log() -> EventLog {
        var builder = EventLogBuilder()
        let cases: [(String, [String], String)] = [
            ("1", ["a", "b", "c"], "online"), ("2", ["a", "b", "c"], "Schalter"), ("3", ["a", "c"], "online"),
            ("4", ["a", "b", "c"], "Post"), ("5", ["a", "x", "c"], "online"),
        ]
        for (offset, (id, activities, channel)) in cases.enumerated() {
            let c = builder.addCase(id, attributes: ["channel": .string(channel)])
            for (step, activity) in activities.enumerated() {
                builder.addEvent(
                    case: c, activity: activity, timestamp: Int64(offset * 1_000 + step * 100), resource: nil,
                    lifecycle: .complete)
            }
        }
        return builder.build()
    }

    @Test func topVariantsCoverAShareOfCases() {
        let log = Self.log()
        #expect(log.keepingTopVariants(covering: 0.6).caseIDs == ["1", "2", "4"])  // 3 of 5 cases
        #expect(log.keepingTopVariants(covering: 0.61).caseIDs == ["1", "2", "3", "4"])  // next variant in order
        #expect(log.keepingTopVariants(covering: 1).caseCount == 5)
        #expect(log.keepingTopVariants(covering: 0).caseCount == 0)
    }

    @Test func timeWindowContainedOrIntersecting() {
        let log = Self.log()
        #expect(log.keepingCases(from: 0, to: 1_150).caseIDs == ["1"])  // case 2 runs to 1,200
        #expect(log.keepingCases(from: 0, to: 1_150, contained: false).caseIDs == ["1", "2"])
    }

    /// Nine steps between activities in all: a→b and b→c three times each (33 %), a→c, a→x, x→c once (11 %).
    @Test func rarePathsTakeTheirCasesAlong() {
        let log = Self.log()
        #expect(log.keepingCasesOnFrequentPaths(share: 0.2).caseIDs == ["1", "2", "4"])
        #expect(log.keepingCasesOnFrequentPaths(share: 0.1).caseIDs == ["1", "2", "3", "4", "5"])
        #expect(log.keepingCasesOnFrequentPaths(share: 0.4).caseIDs.isEmpty)
        // Composed with a time window: it keeps cases 1–3, where a→c is 1 of 5 steps (20 %) and so rare.
        #expect(log.keepingCases(from: 0, to: 2_500).keepingCasesOnFrequentPaths(share: 0.3).caseIDs == ["1", "2"])
    }

    @Test func attributeValuesAndRareActivitiesCompose() {
        let log = Self.log()
        let online = log.keepingCases(withAttribute: "channel", in: ["online"])
        #expect(online.caseIDs == ["1", "3", "5"])
        // Over all 14 events x occurs once (7 %), b three times (21 %): below 10 % only x goes, and case 5
        // becomes a→c; then the online cases.
        let frequent = log.removingRareActivities(below: 0.1).keepingCases(withAttribute: "channel", in: ["online"])
        #expect(frequent.activities.strings.contains("x") == false)
        #expect(Variants(frequent).variants.map(\.count) == [2, 1])
        #expect(DirectlyFollowsGraph(frequent).edges.map { "\($0.from)→\($0.to)" } == ["a→b", "a→c", "b→c"])
    }

    @Test(.enabled(if: Corpus.isAvailable, "corpus missing")) func filtersAgreeWithTheWholeLogOnRealData() throws {
        let url = try #require(Corpus.file("eventlogs/pm4py/compressed_input_data/08_receipt.xes.gz"))
        let log = try XESReader.read(contentsOf: url)
        let everything = log.keepingTopVariants(covering: 1)
        #expect(everything.eventCount == log.eventCount && everything.caseIDs == log.caseIDs)
        let top = log.keepingTopVariants(covering: 0.8)
        let counts = Variants(log).variants.map(\.count)
        var covered = 0, needed = 0
        while Double(covered) < 0.8 * Double(log.caseCount) {
            covered += counts[needed]
            needed += 1
        }
        #expect(Variants(top).variants.count == needed && top.caseCount == covered)
    }
}
