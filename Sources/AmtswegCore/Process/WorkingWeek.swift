/// Calendar time counted as working time: only Monday to Friday count (in UTC), each whole weekday as one
/// working day of the tenant's length. A case that waits from Friday 10:00 to Monday 10:00 has waited one
/// working day, as one that waits from Monday 10:00 to Tuesday 10:00.
///
/// Estimates of waiting and lead times are working time; timestamps of an event log are calendar time. This is
/// how the two are compared (holidays are not known and count as weekdays).
public enum WorkingWeek {
    private static let day = 86_400.0

    /// Weekday time between two moments (seconds since 1970), in days; negative when `end` is before `start`.
    public static func weekdays(from start: Double, to end: Double) -> Double {
        (weekdaySeconds(until: end) - weekdaySeconds(until: start)) / day
    }

    /// The moment `days` weekdays after `start` (weekends skipped; a start on a weekend begins on Monday).
    public static func adding(weekdays days: Double, to start: Double) -> Double {
        let target = weekdaySeconds(until: start) + days * day
        let weeks = (target / (5 * day)).rounded(.down)
        let rest = target - weeks * 5 * day
        // Day 0 of the count is Monday 1969-12-29 (1 January 1970 was a Thursday).
        return (weeks * 7 - 3) * day + rest
    }

    /// Weekday seconds from Monday 1969-12-29 00:00 UTC until `moment`.
    private static func weekdaySeconds(until moment: Double) -> Double {
        let shifted = moment + 3 * day
        let days = (shifted / day).rounded(.down)
        let weeks = (days / 7).rounded(.down)
        let weekday = days - weeks * 7  // 0 = Monday
        let intoDay = shifted - days * day
        return weeks * 5 * day + min(weekday, 5) * day + (weekday < 5 ? intoDay : 0)
    }
}
