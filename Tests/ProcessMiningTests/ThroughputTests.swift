import Testing

@testable import ProcessMining

/// Cases and events per day, week and month, with empty periods in between, worked out by hand.
@Suite struct ThroughputTests {
    static let hour: Int64 = 3_600_000
    static let monday: Int64 = 1_767_571_200_000  // 2026-01-05T00:00:00Z, a Monday

    static func log() -> EventLog {
        var builder = EventLogBuilder()
        // Case 1: Monday 08:00 → Monday 12:00. Case 2: Tuesday → the Monday after (one week later).
        // Case 3: in February.
        let cases: [(String, [Int64])] = [
            ("1", [monday + 8 * hour, monday + 12 * hour]),
            ("2", [monday + 32 * hour, monday + (7 * 24 + 1) * hour]),
            ("3", [monday + 31 * 24 * hour]),
        ]
        for (id, stamps) in cases {
            let c = builder.addCase(id)
            for stamp in stamps {
                builder.addEvent(case: c, activity: "a", timestamp: stamp, resource: nil, lifecycle: .complete)
            }
        }
        return builder.build()
    }

    @Test func weeks() {
        let weeks = Throughput(Self.log(), period: .week).buckets
        #expect(weeks.map(\.start) == ["2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02"])
        #expect(weeks.map(\.startedCases) == [2, 0, 0, 0, 1])
        #expect(weeks.map(\.endedCases) == [1, 1, 0, 0, 1])
        #expect(weeks.map(\.events) == [3, 1, 0, 0, 1])
        // Case 1 took 4 hours; case 2 from Tuesday 08:00 to the next Monday 01:00: 137 hours.
        #expect(weeks[0].meanDurationSeconds == Double(4 * 3_600))
        #expect(weeks[1].meanDurationSeconds == Double(137 * 3_600))
        #expect(weeks[2].meanDurationSeconds == nil)
    }

    @Test func daysAndMonths() {
        let days = Throughput(Self.log(), period: .day).buckets
        #expect(days.count == 32)
        #expect(days.first?.start == "2026-01-05" && days.last?.start == "2026-02-05")
        let months = Throughput(Self.log(), period: .month).buckets
        #expect(months.map(\.start) == ["2026-01-01", "2026-02-01"])
        #expect(months.map(\.startedCases) == [2, 1])
    }
}
