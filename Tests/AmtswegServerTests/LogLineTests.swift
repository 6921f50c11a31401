import Foundation
import Logging
import Testing

@testable import AmtswegServer

/// The server's log lines: their format in text and JSON, and the batched output that writes them.
@Suite struct LogLineTests {
    static func event(
        _ level: Logger.Level = .info, _ message: Logger.Message, metadata: Logger.Metadata? = nil,
        error: (any Error)? = nil
    ) -> LogEvent {
        LogEvent(
            level: level, message: message, error: error, metadata: metadata, source: nil, file: #fileID,
            function: #function, line: #line)
    }

    struct Refused: Error, CustomStringConvertible {
        var description: String { "die Datenbank antwortet nicht" }
    }

    @Test func timestampsAreUTCInISO8601() throws {
        // 2026-12-05 04:39:07 UTC, a second before a minute's end and one into the next day's.
        #expect(String(decoding: LogTimestamp.format(1_796_445_547), as: UTF8.self) == "2026-12-05T04:39:07")
        #expect(String(decoding: LogTimestamp.format(1_796_515_199), as: UTF8.self) == "2026-12-05T23:59:59")
        #expect(String(decoding: LogTimestamp.format(1_796_515_200), as: UTF8.self) == "2026-12-06T00:00:00")
        var line: [UInt8] = []
        LogTimestamp.append(to: &line)
        let text = String(decoding: line, as: UTF8.self)
        #expect(text.count == 24 && text.hasSuffix("Z"), "\(text)")
        let parsed = try #require(try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text))
        #expect(abs(parsed.timeIntervalSinceNow) < 5)
    }

    @Test func textLinesCarryMetadataSortedAndTheError() {
        var handler = TextLogHandler(label: "amtsweg")
        handler[metadataKey: "hb.request.id"] = "abc123"
        let line = String(
            decoding: handler.line(
                for: Self.event(
                    .warning, "Anfrage", metadata: ["path": "/processes", "status": .stringConvertible(503)],
                    error: Refused())), as: UTF8.self)
        let afterTime = line.drop { $0 != " " }
        #expect(
            afterTime
                == " warning amtsweg: Anfrage error=die Datenbank antwortet nicht hb.request.id=abc123 path=/processes status=503\n"
        )
    }

    @Test func jsonLinesParseBackWithEveryCharacter() throws {
        var handler = JSONLogHandler(label: "amtsweg")
        handler[metadataKey: "hb.request.id"] = "abc123"
        let tricky = "Anführungszeichen \" Backslash \\ Zeilenumbruch \n Tab \t Steuerzeichen \u{1} € 🏛"
        let bytes = handler.line(
            for: Self.event(
                .info, "request",
                metadata: [
                    "path": .string(tricky), "status": .stringConvertible(200),
                    "list": .array(["a", .dictionary(["b": "c"])]),
                ], error: Refused()))
        #expect(bytes.last == 0x0A)
        #expect(bytes.dropLast().contains(0x0A) == false, "one line per event")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(object["path"] as? String == tricky)
        #expect(object["status"] as? String == "200")
        #expect(object["level"] as? String == "info")
        #expect(object["logger"] as? String == "amtsweg")
        #expect(object["message"] as? String == "request")
        #expect(object["hb.request.id"] as? String == "abc123")
        #expect(object["error"] as? String == "die Datenbank antwortet nicht")
        let list = try #require(object["list"] as? [Any])
        #expect(list.first as? String == "a")
        #expect((list.last as? [String: String]) == ["b": "c"])
        let time = try #require(object["time"] as? String)
        #expect(try Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(time).timeIntervalSinceNow < 5)
    }

    /// Routine lines wait for the next tick; an urgent one goes out at once with everything queued before it, in
    /// order; nothing is lost or repeated.
    @Test func outputWritesBatchesInOrder() async throws {
        try await Self.withOutput { output, file in
            func written() throws -> [String] {
                try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
            }
            output.write(Array("eins\n".utf8))
            output.write(Array("zwei\n".utf8))
            output.write(Array("drei\n".utf8), urgent: true)
            #expect(try written() == ["eins", "zwei", "drei"])
            // Many lines from many threads: a batch fills and is written while others keep adding.
            DispatchQueue.concurrentPerform(iterations: 4) { thread in
                for number in 0..<5_000 { output.write(Array("\(thread) \(number)\n".utf8)) }
            }
            output.flush()
            let lines = try written().dropFirst(3)
            #expect(lines.count == 20_000)
            for thread in 0..<4 {
                let own = lines.filter { $0.hasPrefix("\(thread) ") }.map { Int($0.split(separator: " ")[1])! }
                #expect(own == Array(0..<5_000), "thread \(thread)'s lines in the order written")
            }
        }
    }

    /// The flusher writes routine lines without anyone asking, within a few ticks.
    @Test func routineLinesReachTheFileOnTheirOwn() async throws {
        let text = try await Self.withOutput { output, file in
            output.write(Array("von selbst\n".utf8))
            var text = ""
            for _ in 0..<50 where text.isEmpty {
                try await Task.sleep(for: .milliseconds(100))
                text = try String(contentsOf: file, encoding: .utf8)
            }
            return text
        }
        #expect(text == "von selbst\n")
    }

    /// An output to a new file, for `body`; the file is removed afterwards.
    static func withOutput<R>(_ body: (LogOutput, URL) async throws -> R) async throws -> R {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("log-\(UUID().uuidString)")
        #expect(FileManager.default.createFile(atPath: file.path, contents: nil))
        defer { try? FileManager.default.removeItem(at: file) }
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        let output = LogOutput(descriptor: handle.fileDescriptor)
        return try await body(output, file)
    }
}
