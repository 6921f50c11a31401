/// The size of a log at a glance: `amtsweg log stats`.
public struct LogStatistics: Hashable, Sendable, Codable {
    public var cases: Int
    public var events: Int
    public var activities: Int
    public var variants: Int
    public var resources: Int
    /// First and last timestamp (ISO 8601, UTC), if any event has one.
    public var firstTimestamp: String?
    public var lastTimestamp: String?
    public var meanCaseDurationSeconds: Double?
    /// The median case duration (mean of the two middle cases for an even count, as pm4py's numpy median).
    public var medianCaseDurationSeconds: Double?

    public init(_ log: EventLog, variants: Variants? = nil) {
        cases = log.caseCount
        events = log.eventCount
        activities = log.activities.count
        self.variants = (variants ?? Variants(log)).variants.count
        resources = log.resources.count
        let stamps = log.timestamp.filter { $0 != EventLog.noTimestamp }
        firstTimestamp = stamps.min().map(Timestamp.iso)
        lastTimestamp = stamps.max().map(Timestamp.iso)
        var sum = 0.0, counted = 0
        var durations: [Double] = []
        for c in 0..<log.caseCount {
            let events = log.events(ofCase: c)
            guard let first = events.first, let last = events.last, log.timestamp[first] != EventLog.noTimestamp,
                log.timestamp[last] != EventLog.noTimestamp
            else { continue }
            let duration = Double(log.timestamp[last] - log.timestamp[first]) / 1_000
            sum += duration
            durations.append(duration)
            counted += 1
        }
        meanCaseDurationSeconds = counted > 0 ? sum / Double(counted) : nil
        durations.sort()
        if durations.isEmpty {
            medianCaseDurationSeconds = nil
        } else if durations.count % 2 == 1 {
            medianCaseDurationSeconds = durations[durations.count / 2]
        } else {
            medianCaseDurationSeconds = (durations[durations.count / 2 - 1] + durations[durations.count / 2]) / 2
        }
    }
}

extension Timestamp {
    /// Milliseconds since 1970 as ISO 8601 in UTC: `2011-10-01T00:38:44.546Z`.
    public static func iso(_ millis: Int64) -> String {
        let seconds = millis >= 0 ? millis / 1_000 : (millis - 999) / 1_000
        let milli = Int(millis - seconds * 1_000)
        let days = Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
        let secondOfDay = Int(seconds - Int64(days) * 86_400)
        // Civil date from days (H. Hinnant).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let ms = milli < 10 ? "00\(milli)" : milli < 100 ? "0\(milli)" : "\(milli)"
        return
            "\(year)-\(two(month))-\(two(day))T\(two(secondOfDay / 3_600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60)).\(ms)Z"
    }
}
