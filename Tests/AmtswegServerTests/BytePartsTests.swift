import NIOCore
import Testing

@testable import AmtswegServer

/// Kept pages are cut at the form token's placeholder by bytes: the parts are exactly what a text split gives.
@Suite struct BytePartsTests {
    static func parts(_ text: String, _ separator: String) -> [String] {
        text.byteParts(separatedBy: separator).map { String(buffer: $0) }
    }

    @Test func cutsAtEveryOccurrenceAndKeepsEverythingElse() {
        let marker = "csrf-placeholder-1234"
        for text in [
            "", "ohne Platzhalter", "\(marker)", "a\(marker)b", "\(marker)ä\(marker)", "x\(marker)\(marker)y",
            "Straßenbeleuchtung csrf-placeholder-12 \(marker) «Größe» \(marker)",
            "csrf-placeholder-123\(marker)4",
        ] {
            #expect(Self.parts(text, marker) == text.components(separatedBy: marker), "\(text)")
        }
    }
}
