import Foundation
import Testing

@testable import ProcessMining

/// What may follow the end of a gzip stream: another member (a valid gzip file), zero padding (ignored), or other
/// bytes (refused). The streaming reader once looped for ever there (the fuzzer's input in
/// fuzz/crashes/xes-general); every path must end, on one thread and on several.
@Suite struct GzipMembersTests {
    static let text = Data(XESReaderTests.small.utf8)

    static func gzip(_ data: Data) throws -> Data { try Gzip.compress(Array(data), file: "t.xes.gz") }

    static func inflated(_ data: Data) throws -> Data {
        var out = Data()
        try Gzip.inflate(data, file: "t.xes.gz", limit: 1 << 20, window: 64) { out.append(contentsOf: $0) }
        return out
    }

    @Test func twoMembersAreOneStream() throws {
        let half = Self.text.count / 2
        let joined = try Self.gzip(Self.text.prefix(half)) + Self.gzip(Self.text.dropFirst(half))
        #expect(try Self.inflated(joined) == Self.text)
        let log = try XESReader.read(joined, file: "t.xes.gz")
        #expect(log.caseIDs == ["c1", "2"])
    }

    @Test func zeroPaddingIsIgnored() throws {
        let padded = try Self.gzip(Self.text) + Data(repeating: 0, count: 300)
        #expect(try Self.inflated(padded) == Self.text)
        #expect(try XESReader.read(padded, file: "t.xes.gz").caseIDs == ["c1", "2"])
        #expect(try XESReader.readWithXMLParser(padded, file: "t.xes.gz").caseIDs == ["c1", "2"])
    }

    @Test func otherBytesAfterTheEndAreRefused() throws {
        let trailed = try Self.gzip(Self.text) + Data("garbage".utf8)
        #expect {
            try Self.inflated(trailed)
        } throws: { error in
            "\(error)".contains("7 weitere Bytes")
        }
    }
}
