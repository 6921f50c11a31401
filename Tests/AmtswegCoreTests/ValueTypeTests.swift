import AmtswegCore
import Foundation
import Testing

@Suite struct LeiKaKeyTests {
    @Test(arguments: ["99050012104000", "99 050012 104000", "99115005104000"])
    func acceptsWellFormedKeys(_ text: String) throws {
        let key = try #require(LeiKaKey(text))
        #expect(key.rawValue.count == 14)
        #expect(key.rawValue.hasPrefix("99"))
    }

    @Test(arguments: ["", "9905001210400", "990500121040001", "98050012104000", "99O50012104000", "99０50012104000"])
    func rejectsMalformedKeys(_ text: String) {
        #expect(LeiKaKey(text) == nil)
    }

    @Test func decodingRejectsMalformedKey() {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(LeiKaKey.self, from: Data(#""12345""#.utf8)) }
    }
}

@Suite struct TenantTests {
    @Test func validatesAGS() {
        #expect(Tenant.isValidAGS("05315000"))
        #expect(Tenant.isValidAGS("16055000"))
        #expect(!Tenant.isValidAGS("17000000"))
        #expect(!Tenant.isValidAGS("00000000"))
        #expect(!Tenant.isValidAGS("0531500"))
        #expect(!Tenant.isValidAGS("0531500X"))
    }
}

@Suite struct DayTests {
    @Test func readsISOAndGermanDates() throws {
        #expect(try #require(Day("2026-03-12")).description == "2026-03-12")
        #expect(try #require(Day("12.03.2026")).description == "2026-03-12")
        #expect(Day("2026-02-29") == nil)
        #expect(Day("2024-02-29") != nil)
        #expect(Day("31.04.2026") == nil)
        #expect(Day("gestern") == nil)
    }
}

@Suite struct GermanFormatTests {
    @Test func formatsNumbersTheGermanWay() {
        #expect(GermanFormat.integer(38_500) == "38.500")
        #expect(GermanFormat.integer(-1_234_567) == "-1.234.567")
        #expect(GermanFormat.integer(999) == "999")
        #expect(GermanFormat.decimal(0.345, digits: 3) == "0,345")
        #expect(GermanFormat.decimal(1234.5) == "1.234,50")
        #expect(GermanFormat.percent(0.864) == "86 %")
    }
}

/// "kind:id" references split at the first colon scalar, also when the id begins with a mark that would join the
/// colon into one character (found by schemathesis: `external:🏻t¡`).
@Suite struct PrefixedReferenceTests {
    @Test(arguments: ["external:\u{1F3FB}t\u{A1}", "unit:\u{301}amt", "position:32-1"])
    func splitsAtTheColon(_ text: String) throws {
        let (kind, id) = try #require(PrefixedReference.split(text))
        #expect(kind + ":" + id == text)
        #expect(FlowEndpoint(reference: text)?.description == text)
    }
}
