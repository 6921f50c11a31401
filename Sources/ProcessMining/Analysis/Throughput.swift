/// How much work came in and went out over time: per period (day, week or month, in UTC), the cases that
/// started and ended, the events, and the mean duration of the cases that ended — what a Monitor chart shows
/// to see backlogs grow or shrink.
public struct Throughput: Sendable, Codable {
    public enum Period: String, Sendable, Codable, CaseIterable {
        case day, week, month
    }

    public struct Bucket: Hashable, Sendable, Codable {
        /// The first day of the period, `yyyy-MM-dd`.
        public var start: String
        public var startedCases: Int
        public var endedCases: Int
        public var events: Int
        /// Mean duration in seconds of the cases that ended in this period.
        public var meanDurationSeconds: Double?
    }

    public var period: Period
    /// Consecutive periods from the first to the last event, empty ones included.
    public var buckets: [Bucket]

    public init(_ log: EventLog, period: Period = .week) {
        self.period = period
        var index: [Int64: Int] = [:]
        var starts: [Int64] = []
        var counts: [(started: Int, ended: Int, events: Int, duration: Double)] = []
        func bucket(_ millis: Int64) -> Int {
            let key = Self.periodStart(millis, period)
            if let known = index[key] { return known }
            index[key] = starts.count
            starts.append(key)
            counts.append((0, 0, 0, 0))
            return starts.count - 1
        }
        for c in 0..<log.caseCount {
            let stamps = log.events(ofCase: c).map { log.timestamp[$0] }.filter { $0 != EventLog.noTimestamp }
            for stamp in stamps { counts[bucket(stamp)].events += 1 }
            guard let first = stamps.min(), let last = stamps.max() else { continue }
            counts[bucket(first)].started += 1
            let end = bucket(last)
            counts[end].ended += 1
            counts[end].duration += Double(last - first) / 1_000
        }
        guard let first = starts.min(), let last = starts.max() else {
            buckets = []
            return
        }
        // Every period in between, so that gaps show as zero.
        var result: [Bucket] = []
        var current = first
        while current <= last {
            let figures = index[current].map { counts[$0] } ?? (started: 0, ended: 0, events: 0, duration: 0)
            result.append(
                Bucket(
                    start: String(Timestamp.iso(current).prefix(10)), startedCases: figures.started,
                    endedCases: figures.ended, events: figures.events,
                    meanDurationSeconds: figures.ended > 0 ? figures.duration / Double(figures.ended) : nil))
            current = Self.periodStart(Self.next(current, period), period)
        }
        buckets = result
    }

    private static let day: Int64 = 86_400_000

    /// Midnight UTC of the period's first day (weeks begin on Monday).
    static func periodStart(_ millis: Int64, _ period: Period) -> Int64 {
        let days = millis >= 0 ? millis / day : (millis - day + 1) / day
        switch period {
        case .day: return days * day
        case .week:
            // 1970-01-01 was a Thursday: Monday is three days later, modulo 7.
            let weekday = ((days + 3) % 7 + 7) % 7
            return (days - weekday) * day
        case .month:
            let date = Timestamp.iso(days * day)
            let firstOfMonth = String(date.prefix(8)) + "01T00:00:00.000Z"
            return Timestamp.parse(firstOfMonth) ?? days * day
        }
    }

    private static func next(_ start: Int64, _ period: Period) -> Int64 {
        switch period {
        case .day: start + day
        case .week: start + 7 * day
        case .month: start + 32 * day
        }
    }
}
