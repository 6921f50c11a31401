import Foundation
import TestSupport
import Testing

@testable import ProcessMining

@Suite struct XESReaderTests {
    static let importerTests: [String] = {
        guard let folder = Corpus.file("eventlogs/pm4py/xes_importer_tests") else { return [] }
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }()

    /// Files pm4py reads although they break the XES schema (xmllint with `xes-ieee-1849-2016.xsd`: a
    /// `<global>` or `<classifier>` after an `<event>`); Amtsweg refuses them with the position.
    static let invalidButReadByPM4Py: Set<String> = ["classifierEventSwapped.xes", "globalEventSwapped.xes"]

    struct Verdict: Decodable {
        var events: Int?
        var error: String?
    }

    /// pm4py's 71 importer edge cases: read with the same number of events where pm4py reads them, refused
    /// where pm4py refuses them or the file is invalid — never a crash.
    @Test(.enabled(if: Corpus.isAvailable, "corpus missing"), arguments: importerTests)
    func handlesPM4PysImporterEdgeCases(_ name: String) throws {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/xes-importer-tests.json")
        let verdicts = try JSONDecoder().decode([String: Verdict].self, from: Data(contentsOf: fixtures))
        let verdict = try #require(verdicts[name])
        let url = try #require(Corpus.file("eventlogs/pm4py/xes_importer_tests/\(name)"))
        if verdict.error != nil || Self.invalidButReadByPM4Py.contains(name) {
            #expect(throws: MiningError.self) { try XESReader.read(contentsOf: url) }
            do {
                _ = try XESReader.read(contentsOf: url)
            } catch {
                #expect(error.line != nil && error.file.hasSuffix(name), "\(error)")
            }
        } else {
            #expect(try XESReader.read(contentsOf: url).eventCount == verdict.events)
        }
    }

    static let small = """
        <?xml version="1.0" encoding="UTF-8"?>
        <log xes.version="2.0" xmlns="http://www.xes-standard.org">
          <trace><string key="concept:name" value="c1"/>
            <event><string key="concept:name" value="B"/><date key="time:timestamp" value="2024-01-01T10:00:00+01:00"/>
              <string key="org:resource" value="Frau Müller"/><int key="cost" value="12"/></event>
            <event><string key="concept:name" value="A"/><date key="time:timestamp" value="2024-01-01T08:30:00.5Z"/>
              <list key="tags"><values><string key="x" value="eins"/><boolean key="y" value="true"/></values></list></event>
          </trace>
          <trace><event><string key="concept:name" value="A"/></event></trace>
        </log>
        """

    @Test func readsTypesSortsByTimeAndNamesUnnamedTraces() throws {
        let log = try XESReader.read(Data(Self.small.utf8), file: "small.xes")
        #expect(log.caseIDs == ["c1", "2"])
        #expect(log.events(ofCase: 0).map { log.activities[log.activity[$0]] } == ["A", "B"])  // 08:30Z before 09:00Z
        #expect(log.timestamp[0] == Timestamp.parseISO("2024-01-01T08:30:00.500Z"))
        #expect(log.timestamp[2] == EventLog.noTimestamp)
        #expect(log.resources.strings == ["Frau Müller"])
        #expect(log.eventAttributes["cost"]?[1] == .int(12))
        #expect(log.eventAttributes["tags"]?[0] == .list([.string("eins"), .boolean(true)]))
    }

    @Test func timestampsAsPM4PyReadsThem() {
        #expect(Timestamp.parseISO("1970-01-01T01:00:00.000+01:00") == 0)
        #expect(Timestamp.parseISO("2011-10-01T00:38:44.546+02:00") == 1_317_422_324_546)
        #expect(Timestamp.parseISO("2011-12-06 13:41:31.788000+01:00") == 1_323_175_291_788)
        #expect(Timestamp.parseISO("2020-02-29") == 1_582_934_400_000)
        #expect(Timestamp.parseISO("2002-0530T09:30:10Z") == nil)
        #expect(Timestamp.iso(1_317_422_324_546) == "2011-09-30T22:38:44.546Z")
    }

    @Test(arguments: [
        ("xxe", "<?xml version=\"1.0\"?><!DOCTYPE log [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><log>&x;</log>"),
        ("bomb", "<!DOCTYPE log [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]><log>&b;</log>"),
        ("truncated", "<log><trace><event><string key=\"concept:name\" value=\"A\"/>"),
        ("not xes", "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"/>"),
        ("bad timestamp", "<log><trace><event><date key=\"time:timestamp\" value=\"gestern\"/></event></trace></log>"),
        ("empty", ""),
        ("event in event", "<log><trace><event><event/></event></trace></log>"),
    ])
    func hostileOrBrokenInputIsAClearError(_ name: String, _ text: String) {
        do {
            _ = try XESReader.read(Data(text.utf8), file: "\(name).xes")
            Issue.record("\(name) was read")
        } catch {
            #expect(error.file == "\(name).xes")
            #expect(!error.message.isEmpty)
        }
    }

    @Test(.enabled(if: Corpus.isAvailable, "corpus missing")) func brokenAndOversizedGzipAreRefused() throws {
        let url = try #require(Corpus.file("eventlogs/pm4py/compressed_input_data/01_running-example.xes.gz"))
        let data = try Data(contentsOf: url)
        // Truncated: the XML inside ends early.
        #expect(throws: MiningError.self) { try XESReader.read(data.prefix(data.count / 2), file: "cut.xes.gz") }
        // Corrupt: bytes in the middle flipped.
        var corrupt = data
        for index in stride(from: 40, to: min(400, corrupt.count), by: 7) { corrupt[index] ^= 0xFF }
        #expect(throws: MiningError.self) { try XESReader.read(corrupt, file: "corrupt.xes.gz") }
        // More than the allowed size once unpacked (a decompression bomb stops at the limit).
        #expect(throws: MiningError.self) { try XESReader.read(data, file: "big.xes.gz", maxBytes: 10_000) }
        #expect(try XESReader.read(data, file: "ok.xes.gz").eventCount == 42)
    }
}

/// The fast scanner reads in windows: a construct cut by a window's end is carried over. Fed in tiny pieces,
/// it must build the same log, and report errors at the same line and column, as when it sees all at once.
@Suite struct XESScannerWindowTests {
    static func scanInPieces(_ text: String, size: Int) throws -> EventLog? {
        var scanner = XESScanner()
        var assembler = XESLogAssembler(file: "pieces.xes")
        var carry: [UInt8] = []
        let bytes = Array(text.utf8)
        var offset = 0
        do {
            while offset < bytes.count {
                carry += bytes[offset..<min(offset + size, bytes.count)]
                offset += size
                let final = offset >= bytes.count
                let used = try carry.withUnsafeBufferPointer {
                    try scanner.feed($0, final: final, assembler: &assembler)
                }
                carry.removeFirst(used)
            }
        } catch is XESScanner.GiveUp {
            return nil
        }
        return assembler.builder.build()
    }

    @Test(arguments: [1, 2, 7, 64, 4_096])
    func piecesGiveTheSameLog(_ size: Int) throws {
        let whole = try XESReader.read(Data(XESReaderTests.small.utf8), file: "small.xes")
        let pieces = try #require(try Self.scanInPieces(XESReaderTests.small, size: size))
        #expect(pieces.caseIDs == whole.caseIDs)
        #expect(pieces.activity == whole.activity && pieces.timestamp == whole.timestamp)
        #expect(pieces.activities.strings == whole.activities.strings)
        #expect(pieces.eventAttributes == whole.eventAttributes)
    }

    /// The scanner decides nothing about errors: it gives up, in whatever pieces it reads, and the general
    /// parser names line and column.
    @Test(arguments: [3, 50, 10_000])
    func errorsAreLeftToTheGeneralParser(_ size: Int) throws {
        let text =
            "<log>\n" + String(repeating: "  <trace><event/></trace>\n", count: 40)
            + "  <trace>\n    <event><date key=\"time:timestamp\" value=\"morgen\"/></event>\n  </trace>\n</log>\n"
        #expect(try Self.scanInPieces(text, size: size) == nil)
        do {
            _ = try XESReader.read(Data(text.utf8), file: "bad.xes")
            Issue.record("a bad timestamp was read")
        } catch {
            #expect(error.line == 43 && error.column == 12, "\(error)")
        }
    }
}
