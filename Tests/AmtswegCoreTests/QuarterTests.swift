import AmtswegCore
import Foundation
import Testing

/// Quarters and days: reading, arithmetic and the calendar around them.
@Suite struct QuarterTests {
    @Test func readsTheUsualSpellings() {
        #expect(Quarter("2027-Q2") == Quarter(year: 2027, number: 2))
        #expect(Quarter("Q3/2028") == Quarter(year: 2028, number: 3))
        #expect(Quarter("2027 q4") == Quarter(year: 2027, number: 4))
        #expect(Quarter("2027-Q5") == nil && Quarter("Sommer") == nil && Quarter("") == nil)
    }

    @Test func arithmeticAndDays() {
        let q = Quarter(year: 2026, number: 4)!
        #expect(q.adding(1) == Quarter(year: 2027, number: 1))
        #expect(q.distance(to: Quarter(year: 2028, number: 2)!) == 6)
        #expect(q.firstDay == Day(year: 2026, month: 10, day: 1) && q.lastDay == Day(year: 2026, month: 12, day: 31))
        #expect(Quarter(year: 2027, number: 2)!.lastDay == Day(year: 2027, month: 6, day: 30))
        #expect(Quarter(Day(year: 2027, month: 8, day: 15)!) == Quarter(year: 2027, number: 3))
    }

    @Test func dayOrdinalsMatchTheCalendar() {
        #expect(Day(year: 1970, month: 1, day: 1)!.ordinal == 0)
        #expect(Day(year: 2000, month: 3, day: 1)!.ordinal == 11_017)
        #expect(Day(year: 2024, month: 2, day: 29)!.adding(days: 1) == Day(year: 2024, month: 3, day: 1))
        for ordinal in stride(from: -1000, to: 30_000, by: 37) { #expect(Day(ordinal: ordinal).ordinal == ordinal) }
        let berlin = Day(Date(timeIntervalSince1970: 1_798_758_000))  // 2026-12-31T23:00:00Z
        #expect(berlin == Day(year: 2027, month: 1, day: 1), "midnight in Berlin is already the next day")
    }

    @Test func theDayOfAMomentAgreesWithTheCalendarAcrossDaylightSavingTime() {
        var calendar = Calendar(identifier: .gregorian)
        var checked = 0
        var wrong: [String] = []
        for zone in ["Europe/Berlin", "UTC", "America/New_York"] {
            calendar.timeZone = TimeZone(identifier: zone)!
            // Every 20 minutes through 2026, both changes of the clocks included.
            for moment in stride(from: 1_767_225_600.0, to: 1_798_761_600, by: 1_200) {
                let date = Date(timeIntervalSince1970: moment)
                let parts = calendar.dateComponents([.year, .month, .day], from: date)
                let expected = Day(year: parts.year!, month: parts.month!, day: parts.day!)
                let day = Day(date, timeZone: calendar.timeZone)
                if day != expected { wrong.append("\(zone) \(date): \(day)") }
                checked += 1
            }
        }
        #expect(checked == 3 * 26_280)
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
    }

    @Test func germanNumbersAreRead() {
        #expect(GermanFormat.parseDecimal("12,5") == 12.5)
        #expect(GermanFormat.parseDecimal("1.234,5") == 1234.5)
        #expect(GermanFormat.parseDecimal("1.234") == 1234)
        #expect(GermanFormat.parseDecimal("12.5") == 12.5)
        #expect(GermanFormat.parseDecimal("zwölf") == nil && GermanFormat.parseDecimal("") == nil)
    }
}
