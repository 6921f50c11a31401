import Foundation
import Testing
import TestSupport

@testable import ProcessMining

/// Logs written as XES and CSV read back the same: cases, events in order, activities, timestamps, resources,
/// lifecycle transitions and attributes (for CSV, the ones a table can hold). The XES output is valid against
/// the IEEE 1849 schema (checked with xmllint in `scripts/test`).
@Suite struct LogWriterTests {
    static let logs = [
        "compressed_input_data/01_running-example.xes.gz", "compressed_input_data/08_receipt.xes.gz",
        "input_data/interval_event_log.xes", "input_data/reviewing.xes",
    ]

    static func events(_ log: EventLog) -> [String] {
        (0..<log.caseCount).flatMap { c in
            log.events(ofCase: c).map { e in
                let resource = log.resource[e] >= 0 ? log.resources[log.resource[e]] : "-"
                return
                    "\(log.caseIDs[c])|\(log.activities[log.activity[e]])|\(log.timestamp[e])|\(resource)|\(log.lifecycle[e])"
            }
        }
    }

    /// Equal event lists, or the first place they differ (not thousands of events in the failure message).
    static func expectSameEvents(_ a: EventLog, _ b: EventLog, sourceLocation: SourceLocation = #_sourceLocation) {
        let left = events(a), right = events(b)
        #expect(left.count == right.count, sourceLocation: sourceLocation)
        if let index = zip(left, right).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
            Issue.record("event \(index): \(left[index]) ≠ \(right[index])", sourceLocation: sourceLocation)
        }
    }

    @Test(.enabled(if: Corpus.isAvailable, "corpus missing"), arguments: logs)
    func xesReadsBackTheSame(_ path: String) throws {
        let url = try #require(Corpus.file("eventlogs/pm4py/\(path)"))
        let log = try XESReader.read(contentsOf: url)
        let again = try XESReader.read(XESWriter.write(log), file: "again.xes")
        Self.expectSameEvents(again, log)
        #expect(again.caseAttributes == log.caseAttributes)
        #expect(again.eventAttributes == log.eventAttributes)
    }

    @Test func xesGzipIsWrittenCompressed() throws {
        var builder = EventLogBuilder()
        let c = builder.addCase("1", attributes: ["Kosten": .float(12.5), "Art": .list([.string("a"), .int(2)])])
        builder.addEvent(
            case: c, activity: "Antrag <prüfen> & \"bescheiden\"", timestamp: 1_700_000_000_000, resource: "Frau Ä",
            lifecycle: .complete, attributes: ["Akte": .container(["Nr": .id("4711"), "eilig": .boolean(true)])])
        let log = builder.build()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("amtsweg-\(UUID().uuidString).xes.gz")
        defer { try? FileManager.default.removeItem(at: url) }
        try XESWriter.write(log, to: url)
        #expect(Gzip.isCompressed(try Data(contentsOf: url)))
        let again = try XESReader.read(contentsOf: url)
        Self.expectSameEvents(again, log)
        #expect(again.caseAttributes == log.caseAttributes)
        #expect(again.eventAttributes == log.eventAttributes)
    }

    @Test(.enabled(if: Corpus.isAvailable, "corpus missing"), arguments: logs)
    func csvReadsBackTheSame(_ path: String) throws {
        let url = try #require(Corpus.file("eventlogs/pm4py/\(path)"))
        let log = try XESReader.read(contentsOf: url)
        let again = try CSVLogReader.read(CSVLogWriter.write(log), file: "again.csv")
        Self.expectSameEvents(again, log)
    }
}
