import Foundation
import TestSupport
import Testing

@testable import ProcessMining

/// Reading a log in segments on several threads gives exactly the log one scanner gives: the same cases in the
/// same order (unnamed traces numbered across segments, a case split over segments joined), the same codes,
/// columns and attributes. Tiny segments make every trace end a cut.
@Suite struct XESSegmentedScanTests {
    static func read(_ bytes: [UInt8], segmentSize: Int, workers: Int = 2, chunk: Int = 1_000) throws -> EventLog? {
        var offset = 0
        return try XESSegmentedScan(file: "segments.xes", workers: workers, segmentSize: segmentSize).read {
            () throws(MiningError) -> [UInt8]? in
            guard offset < bytes.count else { return nil }
            defer { offset += chunk }
            return Array(bytes[offset..<min(offset + chunk, bytes.count)])
        }
    }

    static func expectSame(_ a: EventLog, _ b: EventLog) {
        #expect(a.caseIDs == b.caseIDs)
        #expect(a.caseStart == b.caseStart)
        #expect(a.activities.strings == b.activities.strings)
        #expect(a.resources.strings == b.resources.strings)
        #expect(a.activity == b.activity)
        #expect(a.timestamp == b.timestamp)
        #expect(a.resource == b.resource)
        #expect(a.lifecycle == b.lifecycle)
        #expect(a.caseAttributes == b.caseAttributes)
        #expect(a.eventAttributes == b.eventAttributes)
    }

    static let corpusLogs = [
        "input_data/running-example.xes", "input_data/reviewing.xes", "input_data/roadtraffic100traces.xes",
        "compressed_input_data/08_receipt.xes.gz",
    ]

    @Test(.enabled(if: Corpus.isAvailable, "corpus missing"), arguments: corpusLogs)
    func corpusLogsReadTheSameInSegments(_ path: String) throws {
        let url = try #require(Corpus.file("eventlogs/pm4py/\(path)"))
        var data = try Data(contentsOf: url)
        if Gzip.isCompressed(data) { data = try Gzip.decompress(data, file: path, limit: 1 << 30) }
        let bytes = [UInt8](data)
        let whole = try #require(try Self.read(bytes, segmentSize: Int.max, workers: 1))
        for (segmentSize, workers) in [(4_096, 2), (65_536, 3), (1, 2)] {
            let segmented = try #require(try Self.read(bytes, segmentSize: segmentSize, workers: workers))
            Self.expectSame(segmented, whole)
        }
        // And the reader's own choice (segments of megabytes) gives the general parser's log.
        Self.expectSame(try XESReader.read(contentsOf: url), whole)
    }

    /// A segment that is not of the usual shape (here text between tags in a late trace) hands the file to the
    /// general parser — and the read returns rather than waiting for the segment it dropped (it used to hang).
    @Test(.timeLimit(.minutes(1))) func aSegmentThatGivesUpEndsTheReadWithoutWaiting() throws {
        let traces = (0..<40).map { number in
            "<trace><string key=\"concept:name\" value=\"c\(number)\"/>"
                + "<event><string key=\"concept:name\" value=\"A\"/></event>"
                + (number == 30 ? "stray text" : "") + "</trace>\n"
        }
        let bytes = Array(("<log>\n" + traces.joined() + "</log>\n").utf8)
        for workers in [1, 2] {
            #expect(try Self.read(bytes, segmentSize: 300, workers: workers, chunk: 100) == nil)
        }
    }

    @Test func unnamedTracesAreNumberedAndSplitCasesJoinedAcrossSegments() throws {
        let trace = { (name: String?, activity: String, time: String) in
            "<trace>" + (name.map { "<string key=\"concept:name\" value=\"\($0)\"/>" } ?? "")
                + "<event><string key=\"concept:name\" value=\"\(activity)\"/>"
                + "<date key=\"time:timestamp\" value=\"2024-03-0\(time)T10:00:00Z\"/>"
                + "<int key=\"cost\" value=\"\(time)\"/></event></trace>\n"
        }
        let text =
            "<log xes.version=\"2.0\">\n" + trace("a", "Antrag", "2") + trace(nil, "Prüfung", "3")
            + trace("a", "Eingang", "1") + trace(nil, "Bescheid", "4") + trace("3", "Nachfrage", "5") + "</log>\n"
        let bytes = Array(text.utf8)
        let sequential = try XESReader.read(Data(bytes), file: "small.xes")
        #expect(sequential.caseIDs == ["a", "2", "4", "3"])
        let segmented = try #require(try Self.read(bytes, segmentSize: 1, chunk: 7))
        Self.expectSame(segmented, sequential)
        // Case "a" had two traces in different segments: both events, sorted by time.
        #expect(
            segmented.events(ofCase: 0).map { segmented.activities[segmented.activity[$0]] } == ["Eingang", "Antrag"])
    }

    @Test func aCutInsideACommentGivesUpAndTheReaderStillReadsTheLog() throws {
        let text =
            "<log><trace><string key=\"concept:name\" value=\"c\"/><event><string key=\"concept:name\" value=\"A\"/>"
            + "</event></trace><!-- an odd </trace> in a comment --></log>"
        #expect(try Self.read(Array(text.utf8), segmentSize: 1, chunk: 1 << 20) == nil)
        let log = try XESReader.read(Data(text.utf8), file: "comment.xes")
        #expect(log.caseIDs == ["c"] && log.eventCount == 1)
    }

    @Test func aFailingInputIsReportedAfterTheWorkersStop() throws {
        let text =
            "<log>"
            + String(repeating: "<trace><event><string key=\"concept:name\" value=\"A\"/></event></trace>", count: 50)
        let bytes = Array(text.utf8)
        var chunks = 0
        let scan = XESSegmentedScan(file: "broken.xes.gz", workers: 2, segmentSize: 1)
        #expect(throws: MiningError.self) {
            try scan.read { () throws(MiningError) -> [UInt8]? in
                chunks += 1
                if chunks > 5 { throw MiningError(file: "broken.xes.gz", message: "Die gzip-Datei ist beschädigt.") }
                return Array(bytes[(chunks - 1) * 300..<chunks * 300])
            }
        }
    }

    @Test func findsTheLastTraceEnd() {
        #expect(XESSegmentedScan.endOfLastTrace(in: Array("<trace></trace> x </trace>y".utf8)) == 26)
        #expect(XESSegmentedScan.endOfLastTrace(in: Array("<trace><event/>".utf8)) == nil)
        #expect(XESSegmentedScan.endOfLastTrace(in: []) == nil)
    }
}
