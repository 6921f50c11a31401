/// One recorded value of an indicator (Messpunkt): the Monitor phase made continuous. A measurement run records
/// every goal's indicator on one day; goals draw their trend from the series.
public struct IndicatorMeasurement: Hashable, Sendable, Codable {
    /// ``Indicator/key``.
    public var indicatorKey: String
    public var day: Day
    public var value: Double

    public init(indicatorKey: String, day: Day, value: Double) {
        self.indicatorKey = indicatorKey
        self.day = day
        self.value = value
    }
}

extension IndicatorMeasurement {
    /// What is wrong with a series read from a file: a value that is not a number, or two values of one
    /// indicator on one day.
    public static func problems(in series: [IndicatorMeasurement]) -> [String] {
        var seen: Set<String> = []
        var problems: [String] = []
        for measurement in series {
            if !measurement.value.isFinite {
                problems.append("Messwert „\(measurement.indicatorKey)“ vom \(measurement.day) ist keine Zahl.")
            }
            if !seen.insert("\(measurement.indicatorKey)@\(measurement.day)").inserted {
                problems.append("Messwert „\(measurement.indicatorKey)“ vom \(measurement.day) steht doppelt da.")
            }
        }
        return problems
    }
}

extension Roadmap {
    /// The distinct indicators of the goals, in goal order.
    public var indicators: [Indicator] {
        var seen: Set<String> = []
        return goals.map(\.indicator).filter { seen.insert($0.key).inserted }
    }

    /// The values to record now: one per indicator of a goal that can be computed.
    public func measure(with evaluator: IndicatorEvaluator, on day: Day) -> [IndicatorMeasurement] {
        indicators.compactMap { indicator in
            evaluator.value(of: indicator).map {
                IndicatorMeasurement(indicatorKey: indicator.key, day: day, value: $0)
            }
        }
    }
}
