public import Foundation

extension Day {
    /// Days since 1970-01-01 (negative before): differences of days and straight lines through measurements are
    /// plain arithmetic on it. Howard Hinnant's days-from-civil algorithm, exact for the proleptic Gregorian
    /// calendar.
    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * m + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day with the given ordinal (see ``ordinal``).
    public init(ordinal: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)!
    }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    /// The day a moment falls on in a time zone — the municipality's, Europe/Berlin, unless said otherwise.
    /// Plain arithmetic on the zone's offset at that moment: pages ask for today on every request, and a
    /// calendar's date components cost more than the rest of serving a kept page.
    public init(_ date: Date, timeZone: TimeZone = Day.berlin) {
        let local = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
        self.init(ordinal: Int((local / 86_400).rounded(.down)))
    }

    /// The municipality's time zone unless said otherwise.
    public static let berlin = TimeZone(identifier: "Europe/Berlin")!
}
