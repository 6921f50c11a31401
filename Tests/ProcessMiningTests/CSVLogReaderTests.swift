import Foundation
import Testing

@testable import ProcessMining

@Suite struct CSVLogReaderTests {
    @Test func germanExportWithSemicolonsWindows1252AndGermanDates() throws {
        // "Prüfen" in Windows-1252 (ü = 0xFC), a quoted field with a delimiter, German dates.
        var bytes = Array("Vorgang;Tätigkeit;Zeitstempel;Bearbeiter;Bemerkung\r\n".utf8)
        bytes = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars.map { UInt8($0.value) })
        bytes += Array("A-1;Eingang;01.03.2024 08:00;Poststelle;\r\n".utf8)
        bytes +=
            Array("A-1;Pr".utf8) + [0xFC]
            + Array("fen;01.03.2024 09:30:15;Frau M;\"ok; vollständig\"\r\n".utf8).map { $0 }
        let log = try CSVLogReader.read(Data(bytes), file: "export.csv")
        #expect(log.caseIDs == ["A-1"])
        #expect(log.activities.strings == ["Eingang", "Prüfen"])
        #expect(log.timestamp[1] - log.timestamp[0] == (90 * 60 + 15) * 1_000)
        #expect(log.resources.strings == ["Poststelle", "Frau M"])
    }

    @Test func columnsCanBeNamedAndEpochAndDiscoFormatsAreRead() throws {
        let text = "id,step,when\nc1,a,2024/01/02 10:00:00.250\nc1,b,1704189600\n"
        let log = try CSVLogReader.read(
            Data(text.utf8), file: "x.csv", columns: .init(caseID: "id", activity: "step", timestamp: "when"))
        #expect(log.timestamp == [Timestamp.parseISO("2024-01-02T10:00:00.250Z")!, 1_704_189_600_000].sorted())
    }

    /// A number too large for milliseconds in 64 bits is no point in time — an error naming line and column, not a
    /// crash (found by fuzzing).
    @Test func anEnormousNumberIsNoTimestamp() {
        #expect(Timestamp.parse("1704189600000") == 1_704_189_600_000)
        #expect(Timestamp.parse(String(repeating: "1", count: 60)) == nil)
        #expect(Timestamp.parse("999999999999999") == 999_999_999_999_999)
        #expect(Timestamp.parse("1000000000000000") == nil)
        let text = "id,step,when\nc1,a,1704189600\nc1,b,\(String(repeating: "9", count: 30))\n"
        #expect(throws: MiningError.self) {
            try CSVLogReader.read(
                Data(text.utf8), file: "x.csv", columns: .init(caseID: "id", activity: "step", timestamp: "when"))
        }
    }

    @Test(arguments: [
        ("no case column", "activity,timestamp\na,2024-01-01\n", 1),
        ("missing case id", "case,activity,timestamp\nc1,a,2024-01-01\n,b,2024-01-01\n", 3),
        ("bad date", "case,activity,timestamp\nc1,a,gestern\n", 2),
        ("unclosed quote", "case,activity,timestamp\nc1,\"a,2024-01-01\n", 2),
        ("wrong field count", "case,activity,timestamp\nc1,a\n", 2),
        ("empty", "", 1),
    ])
    func badFilesNameTheLine(_ name: String, _ text: String, _ line: Int) {
        do {
            _ = try CSVLogReader.read(Data(text.utf8), file: "\(name).csv")
            Issue.record("\(name) was read")
        } catch {
            #expect(error.line == line, "\(name): \(error)")
            #expect(error.file == "\(name).csv")
        }
    }
}
