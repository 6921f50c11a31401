import AmtswegCore
import Foundation
import MinedProcesses
import ProcessMining
import Testing

/// A log generated with known per-step durations — in working time, placed on the calendar by the test's own
/// weekday arithmetic — gives back exactly those durations as medians and 80th percentiles, computed here
/// independently of the code under test.
@Suite struct StepTimeComparisonTests {
    static let minutesPerDay = 480.0

    /// start → A → (B ‖ C) → D → end, with estimates.
    static func process() -> ProcessModel {
        func step(_ id: String, _ name: String, _ handling: Double, _ waiting: Double) -> ProcessNode {
            ProcessNode(
                id: id, kind: .step, name: name, step: StepDetails(handlingMinutes: handling, waitingMinutes: waiting))
        }
        let nodes = [
            ProcessNode(id: "s", kind: .start), step("A", "Antrag annehmen", 10, 0),
            ProcessNode(id: "g1", kind: .parallel), step("B", "Gebühr festsetzen", 20, 480),
            step("C", "Bescheid entwerfen", 30, 960), ProcessNode(id: "g2", kind: .parallel),
            step("D", "Bescheid versenden", 5, 240), ProcessNode(id: "e", kind: .end),
        ]
        let edges = [
            ("s", "A"), ("A", "g1"), ("g1", "B"), ("g1", "C"), ("B", "g2"), ("C", "g2"), ("g2", "D"), ("D", "e"),
        ]
        return ProcessModel(
            id: "p", name: "Bescheid", nodes: nodes,
            flows: edges.enumerated().map { ProcessFlow(id: "f\($0)", sourceID: $1.0, targetID: $1.1) })
    }

    /// numpy's default percentile: linear between the two nearest ranks.
    static func percentile(_ values: [Double], _ share: Double) -> Double {
        let sorted = values.sorted()
        let rank = share * Double(sorted.count - 1)
        let low = Int(rank), high = min(low + 1, sorted.count - 1)
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - Double(low))
    }

    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// `minutes` of working time after `start`: weekdays count whole (one day of working time per 24 hours),
    /// weekends not at all — walked day by day.
    static func addingWorkingTime(_ minutes: Double, to start: Date) -> Date {
        var moment = start, rest = minutes / minutesPerDay * 86_400
        while true {
            let nextDay = utc.startOfDay(for: moment).addingTimeInterval(86_400)
            if utc.isDateInWeekend(moment) {
                moment = nextDay
                continue
            }
            let available = nextDay.timeIntervalSince(moment)
            if rest <= available { return moment.addingTimeInterval(rest) }
            rest -= available
            moment = nextDay
        }
    }

    /// Working minutes between two moments, walked day by day.
    static func workingMinutes(from start: Date, to end: Date) -> Double {
        var moment = start, seconds = 0.0
        while moment < end {
            let nextDay = min(utc.startOfDay(for: moment).addingTimeInterval(86_400), end)
            if !utc.isDateInWeekend(moment) { seconds += nextDay.timeIntervalSince(moment) }
            moment = nextDay
        }
        return seconds / 86_400 * minutesPerDay
    }

    struct Generated {
        var log: EventLog
        var handling: [String: [Double]] = [:]
        var waiting: [String: [Double]] = [:]
        var leadTimes: [Double] = []
        var handoffs: [Double] = []
    }

    /// 101 cases; B takes twice its estimate, the others about theirs; waiting times vary around the estimates.
    static func generate() -> Generated {
        var builder = EventLogBuilder()
        var generated = Generated(log: EventLog())
        let names = [
            "A": "Antrag annehmen", "B": "Gebühr festsetzen", "C": "bescheid ENTWERFEN", "D": "Bescheid versenden",
        ]
        let resources = ["A": "Poststelle", "B": "Kasse", "C": "Sachbearbeitung", "D": "Poststelle"]
        let monday = utc.date(from: DateComponents(year: 2026, month: 3, day: 2, hour: 9))!
        for number in 0..<101 {
            let caseIndex = builder.addCase("c\(number)")
            var events: [(time: Date, resource: String)] = []
            func run(_ step: String, after ready: Date, handling: Double, waiting: Double) -> Date {
                let start = addingWorkingTime(waiting, to: ready)
                let end = start.addingTimeInterval(handling * 60)
                for (time, lifecycle) in [(start, Lifecycle.start), (end, .complete)] {
                    builder.addEvent(
                        case: caseIndex, activity: names[step]!, timestamp: Int64(time.timeIntervalSince1970 * 1000),
                        resource: resources[step], lifecycle: lifecycle)
                    events.append((time, resources[step]!))
                }
                generated.handling[step, default: []].append(handling)
                if step != "A" { generated.waiting[step, default: []].append(waiting) }
                return end
            }
            let spread = Double(number % 11) / 10  // 0 … 1
            let arrival = monday.addingTimeInterval(Double(number) * 5 * 3_600)  // across weekends too
            let a = run("A", after: arrival, handling: 8 + 4 * spread, waiting: 0)
            let b = run("B", after: a, handling: 40 + 10 * spread, waiting: 300 + 400 * spread)
            let c = run("C", after: a, handling: 25 + 10 * spread, waiting: 700 + 500 * spread)
            let d = run("D", after: max(b, c), handling: 5, waiting: 200 + 100 * spread)
            // An activity the process does not have.
            builder.addEvent(
                case: caseIndex, activity: "Akte anlegen", timestamp: Int64(d.timeIntervalSince1970 * 1000) + 60_000,
                resource: nil, lifecycle: .complete)
            generated.leadTimes.append(workingMinutes(from: arrival, to: d.addingTimeInterval(60)))
            let order = events.sorted { $0.time < $1.time }.map(\.resource)
            generated.handoffs.append(Double(zip(order, order.dropFirst()).filter { $0 != $1 }.count))
        }
        generated.log = builder.build()
        return generated
    }

    @Test func measuredMediansAndPercentilesAreTheGeneratedOnes() throws {
        let generated = Self.generate()
        let process = Self.process()
        let mapping = StepMatching.suggest(activities: generated.log.activities.strings, steps: process.steps)
        #expect(
            mapping == [
                "Antrag annehmen": "A", "Gebühr festsetzen": "B", "bescheid ENTWERFEN": "C", "Bescheid versenden": "D",
            ])
        let figures = ProcessReport(
            process: process, map: TenantMap(tenant: Tenant(id: "t", name: "T", ags: "01001000", population: 1000))
        ).figures
        let comparison = StepTimeComparison(
            process: process, figures: figures.mainPath, log: generated.log, mapping: mapping,
            minutesPerWorkingDay: Self.minutesPerDay)
        #expect(comparison.steps.map(\.stepID) == ["A", "B", "C", "D"])
        #expect(comparison.unmappedActivities == ["Akte anlegen"])
        #expect(comparison.hasStartEvents)
        func close(_ measured: StepTimeComparison.Measured?, _ values: [Double]?, _ what: String) {
            guard let values, let measured else {
                #expect(measured == nil && values == nil, "\(what)")
                return
            }
            // Timestamps are whole milliseconds: a thousandth of a minute is far below that.
            #expect(abs(measured.median - Self.percentile(values, 0.5)) < 0.001, "\(what) median")
            #expect(abs(measured.percentile80 - Self.percentile(values, 0.8)) < 0.001, "\(what) 80th percentile")
            #expect(measured.count == values.count, "\(what) count")
        }
        for step in comparison.steps {
            #expect(step.cases == 101)
            close(step.handling, generated.handling[step.stepID], "handling \(step.stepID)")
            close(step.waiting, generated.waiting[step.stepID], "waiting \(step.stepID)")
        }
        close(comparison.leadTime, generated.leadTimes, "lead time")
        close(comparison.handoffs, generated.handoffs, "hand-offs")
        // B takes about twice its estimate: flagged; C and D are within half of theirs.
        #expect(comparison.steps.map(\.isOff) == [false, true, false, false])
        let b = try #require(comparison.steps.first { $0.stepID == "B" })
        #expect(
            abs(try #require(b.handlingDeviation) - (Self.percentile(generated.handling["B"]!, 0.5) / 20 - 1)) < 1e-6)
        // The key figures on the measured basis use the measured medians.
        let measured = comparison.measuredProcess(process)
        #expect(measured.steps.first { $0.id == "B" }?.step?.handlingMinutes == b.handling?.median)
    }

    @Test func workingWeekCountsWeekdaysOnly() {
        let friday = Self.utc.date(from: DateComponents(year: 2026, month: 12, day: 4, hour: 10))!.timeIntervalSince1970
        let monday = friday + 3 * 86_400
        #expect(WorkingWeek.weekdays(from: friday, to: monday) == 1)
        #expect(WorkingWeek.adding(weekdays: 1, to: friday) == monday)
        #expect(WorkingWeek.adding(weekdays: 0.5, to: friday + 86_400) == monday + 43_200 - 10 * 3_600)
        for days in [0.0, 0.25, 3.5, 11] {
            let end = WorkingWeek.adding(weekdays: days, to: friday)
            #expect(abs(WorkingWeek.weekdays(from: friday, to: end) - days) < 1e-9)
            #expect(
                abs(
                    end
                        - Self.addingWorkingTime(days * Self.minutesPerDay, to: Date(timeIntervalSince1970: friday))
                        .timeIntervalSince1970) < 1e-6)
        }
    }
}
