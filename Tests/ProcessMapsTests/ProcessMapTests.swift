import Foundation
import ProcessMaps
import ProcessMining
import TestSupport
import Testing

@Suite struct ProcessMapTests {
    /// Cases a b c d, a c b d (×2), a e d, a b b d.
    static func log() -> EventLog {
        var builder = EventLogBuilder()
        let traces = [
            ["a", "b", "c", "d"], ["a", "c", "b", "d"], ["a", "c", "b", "d"], ["a", "e", "d"], ["a", "b", "b", "d"],
        ]
        for (index, trace) in traces.enumerated() {
            let item = builder.addCase("case-\(index)")
            for (step, activity) in trace.enumerated() {
                builder.addEvent(
                    case: item, activity: activity, timestamp: Int64(step) * 3_600_000, resource: nil,
                    lifecycle: .complete)
            }
        }
        return builder.build()
    }

    @Test func pathsKeepTheMostFrequentEdgesAndConnectEveryActivity() {
        let full = ProcessMap(log: Self.log(), activityPercent: 100, pathPercent: 100)
        #expect(full.activities.map(\.name) == ["a", "b", "d", "c", "e"], "by count, then name")
        #expect(full.activities.map(\.count) == [5, 5, 5, 3, 1])
        // 1 start, 9 between activities (a→b, b→c, c→d, a→c, c→b, b→d, a→e, e→d, b→b), 1 end.
        #expect(full.edges.count == 11)
        #expect(full.hiddenEdges == 0)
        let lean = ProcessMap(log: Self.log(), activityPercent: 100, pathPercent: 0)
        for activity in lean.activities.map(\.name) {
            #expect(lean.edges.contains { $0.to == activity && $0.from != activity }, "\(activity) has a way in")
            #expect(lean.edges.contains { $0.from == activity && $0.to != activity }, "\(activity) has a way out")
        }
        #expect(lean.edges.count + lean.hiddenEdges == 11)
        #expect(!lean.edges.contains { $0.from == "b" && $0.to == "b" }, "a loop connects nothing")
    }

    @Test func activitiesKeepTheMostFrequentAndReadThroughTheOthers() {
        // 40 % of 5 activities → 2, and those as frequent as the second stay: a, b, d.
        let map = ProcessMap(log: Self.log(), activityPercent: 40, pathPercent: 100)
        #expect(Set(map.activities.map(\.name)) == ["a", "b", "d"])
        #expect(map.hiddenActivities == 2)
        // a e d becomes a d.
        #expect(map.edges.contains { $0.from == "a" && $0.to == "d" && $0.count == 1 })
    }

    @Test func theDefaultShowsAboutThirtyActivities() {
        #expect(ProcessMap.defaultActivityPercent(activityCount: 12) == 100)
        #expect(ProcessMap.defaultActivityPercent(activityCount: 410) == 7)
        #expect(ProcessMap.defaultActivityPercent(activityCount: 3_000) == 1)
    }

    @Test func drawingNamesItsPartsForStylesAndTests() {
        let map = ProcessMap(log: Self.log(), activityPercent: 100, pathPercent: 100)
        let words = ProcessMapDrawing.Words.german(metric: .frequency, number: { "\($0)" }, duration: { "\($0)" })
        let svg = ProcessMapDrawing(map, metric: .frequency, words: words).svg
        #expect(svg.components(separatedBy: "<g class=\"activity\">").count - 1 == map.activities.count)
        #expect(svg.components(separatedBy: "<path class=\"edge\"").count - 1 == map.edges.count)
        #expect(svg.components(separatedBy: "<text class=\"edge-label\"").count - 1 == map.edges.count)
        #expect(svg.contains("Aktivität mit Anzahl"), "legend")
        #expect(!svg.contains("style="), "presentation attributes only, for a strict Content-Security-Policy")
    }

    /// The zeros of `bench/layout-quality`, on every event log of the corpus: at the default simplification,
    /// and at 100 % for maps of up to 60 activities (larger ones are measured in the benchmark, in release).
    @Test(.enabled(if: Corpus.isAvailable, "corpus missing"), arguments: corpusLogs)
    func corpusMapsHaveNoOverlapsAndNoSharedLines(_ name: String) async throws {
        let file = try #require(Corpus.file("eventlogs/" + name))
        // Seconds of layout per log in a debug build: on a thread of its own, not one the live servers need.
        let checked = try await onOwnThread { try Self.measureCorpusMaps(file) }
        for (setting, metrics) in checked {
            #expect(metrics.labelOverlaps == 0, "\(name) at \(setting)")
            #expect(metrics.labelNodeOverlaps == 0, "\(name) at \(setting)")
            #expect(metrics.nodeOverlaps == 0, "\(name) at \(setting)")
            #expect(metrics.sharedSegments == 0, "\(name) at \(setting): \(metrics.sharedPairs.prefix(5))")
        }
    }

    /// The metrics of the log's maps at the default simplification and (up to 60 activities) at 100 %.
    static func measureCorpusMaps(_ file: URL) throws -> [(setting: String, metrics: DrawingMetrics)] {
        let log = try XESReader.read(contentsOf: file)
        let activities = Set(log.activity).count
        var settings = [(ProcessMap.defaultActivityPercent(activityCount: activities), ProcessMap.defaultPathPercent)]
        if activities <= 60 { settings.append((100, 100)) }
        return settings.map { activityPercent, pathPercent in
            let map = ProcessMap(log: log, activityPercent: activityPercent, pathPercent: pathPercent)
            let words = ProcessMapDrawing.Words.german(metric: .frequency, number: { "\($0)" }, duration: { "\($0)" })
            let layout = ProcessMapDrawing(map, metric: .frequency, words: words).layout
            let metrics = DrawingMetrics(
                nodes: layout.nodes, edges: layout.edges.map(\.points), labels: layout.edges.compactMap(\.label))
            return ("\(activityPercent) % activities, \(pathPercent) % paths", metrics)
        }
    }

    static let corpusLogs = [
        "pm4py/compressed_input_data/01_running-example.xes.gz", "pm4py/compressed_input_data/02_teleclaims.xes.gz",
        "pm4py/compressed_input_data/03_repairExample.xes.gz", "pm4py/compressed_input_data/04_reviewing.xes.gz",
        "pm4py/compressed_input_data/06_bpic2013_closed.xes.gz",
        "pm4py/compressed_input_data/07_bpic2013_incidents.xes.gz", "pm4py/compressed_input_data/08_receipt.xes.gz",
        "pm4py/compressed_input_data/09_a32f0n00.xes.gz", "pm4py/compressed_input_data/10_orders.xes.gz",
        "pm4py/compressed_input_data/11_tickets.xes.gz",
        "pm4py/compressed_input_data/12_roadtraffic_1t_per_variant.xes.gz",
        "pm4py/compressed_input_data/13_SEPSIS_1t_per_variant.xes.gz",
        "pm4py/compressed_input_data/14_Billing_1t_per_variant.xes.gz",
        "pm4py/compressed_input_data/15_bpic2020_permit_log_1t_per_variant.xes.gz",
        "pm4py/compressed_input_data/16_bpic2019_1t_per_variant.xes.gz",
        "pm4py/compressed_input_data/17_bpic2012_1t_per_variant.xes.gz",
        "pm4py/compressed_input_data/19_roadtraffic_1t_per_variant.xes.gz", "bpic2015/BPIC15_2.xes.gz",
        "bpic2012/BPI_2012_W_complete.xes.gz", "roadtraffic/roadfines_big_sampled.xes",
    ]
}
