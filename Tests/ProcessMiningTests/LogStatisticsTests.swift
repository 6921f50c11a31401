import Foundation
import ProcessMining
import Testing

/// The median case duration, as pm4py's `get_median_case_duration` (numpy's median) defines it.
@Suite struct LogStatisticsTests {
    static func log(_ durationsInDays: [Int]) throws -> EventLog {
        var csv = "case;activity;timestamp\n"
        for (index, days) in durationsInDays.enumerated() {
            csv += "\(index);Eingang;2026-01-01 08:00:00\n"
            csv += "\(index);Bescheid;2026-01-\(String(format: "%02d", 1 + days)) 08:00:00\n"
        }
        return try CSVLogReader.read(Data(csv.utf8), file: "dauer.csv")
    }

    @Test func medianOfAnOddAndAnEvenNumberOfCases() throws {
        #expect(LogStatistics(try Self.log([1, 10, 2])).medianCaseDurationSeconds == 2 * 86_400)
        #expect(LogStatistics(try Self.log([1, 10, 2, 4])).medianCaseDurationSeconds == 3 * 86_400)
        #expect(LogStatistics(try Self.log([1, 10, 2, 4])).meanCaseDurationSeconds == 4.25 * 86_400)
    }
}
