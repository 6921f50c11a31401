import AmtswegCore
import AmtswegSupport
import Foundation

extension Musterstadt {
    /// One event of the demo's event log: `start` or `complete` of a step, at seconds since 1970.
    public struct LogEvent: Sendable, Hashable {
        public var caseID: String
        public var activity: String
        public var resource: String
        public var isStart: Bool
        public var time: Double
    }

    /// Where the demo's event log departs from the estimates, by step id: entering the registration takes twice
    /// the estimated time, the fee waits three times as long, and the checks are quicker than estimated.
    public static let gewerbeLogFactors: [String: (handling: Double, waiting: Double)] = [
        "Erfassen": (2, 1), "Gebuehr": (1, 3), "Pruefen": (0.4, 1),
    ]

    /// An event log of the trade registration (``gewerbeIst``) as the registry office's software would record
    /// it: `cases` cases arriving on weekdays from September 2026, each step with a start and a complete event
    /// by its position. Each step waits its estimated waiting time (counted on weekdays, ``WorkingWeek``) and
    /// takes its estimated handling time, both times ``gewerbeLogFactors`` and a spread of ±40 %; a quarter of
    /// the cases need documents sent for; fee and tax records run in parallel. Deterministic.
    public static func gewerbeLog(cases: Int = 240, minutesPerWorkingDay: Double = 480) -> [LogEvent] {
        let model = gewerbeIst.processModel(laneName: { "\($0)" })
        let details = Dictionary(
            model.steps.compactMap { node in
                node.step.map { (node.id, (name: node.name, details: $0, performer: model.performer(of: node))) }
            }, uniquingKeysWith: { first, _ in first })
        var random = SplitMix64(seed: 2026)
        var events: [LogEvent] = []
        let september = 1_788_220_800.0  // 2026-09-01 00:00 UTC, a Tuesday
        for number in 1...cases {
            let caseID = "GA-2026-\(String(format: "%04d", number))"
            /// Runs step `id` after `ready`; returns when it ends.
            func run(_ id: String, after ready: Double) -> Double {
                guard let (name, step, performer) = details[id] else { return ready }
                let factor = gewerbeLogFactors[id] ?? (1, 1)
                let spread = { Double.random(in: 0.6...1.4, using: &random) }
                let waitingDays = step.waitingMinutes * factor.waiting * spread() / minutesPerWorkingDay
                let start = WorkingWeek.adding(weekdays: waitingDays, to: ready)
                let end = start + step.handlingMinutes * factor.handling * spread() * 60
                let resource = if case .position(let position) = performer { "Stelle \(position)" } else { "" }
                events.append(LogEvent(caseID: caseID, activity: name, resource: resource, isStart: true, time: start))
                events.append(LogEvent(caseID: caseID, activity: name, resource: resource, isStart: false, time: end))
                return end
            }
            // Arrival: a weekday between 8:00 and 15:00, about two cases a day.
            let day = Double(number) / 2
            let arrival =
                WorkingWeek.adding(weekdays: day.rounded(.down), to: september) + 8 * 3600
                + Double.random(in: 0..<7 * 3600, using: &random)
            var time = run("Eingang", after: arrival)
            time = run("Pruefen", after: time)
            if Int.random(in: 0..<4, using: &random) == 0 { time = run("Nachfordern", after: time) }
            time = run("Erfassen", after: time)
            let fee = run("Gebuehr", after: time)
            let tax = run("Informieren", after: run("Steuer", after: time))
            time = run("Bestaetigen", after: max(fee, tax))
            _ = run("Ablegen", after: time)
        }
        return events
    }
}
