/// A goal (Ziel) of the roadmap: an indicator Amtsweg computes, where it stood (baseline) and where it should be
/// by when (target).
public struct Goal: Hashable, Sendable, Codable {
    /// A value of the indicator on a day.
    public struct Point: Hashable, Sendable, Codable {
        public var value: Double
        public var day: Day

        public init(value: Double, day: Day) {
            self.value = value
            self.day = day
        }
    }

    public enum Direction: String, Hashable, Sendable, Codable, CaseIterable {
        case increase, decrease

        public var label: String { self == .increase ? "steigern" : "senken" }
    }

    public var id: ID<Goal>
    public var title: String
    public var indicator: Indicator
    public var baseline: Point
    public var target: Point
    public var direction: Direction

    public init(id: ID<Goal>, title: String, indicator: Indicator, baseline: Point, target: Point, direction: Direction)
    {
        self.id = id
        self.title = title
        self.indicator = indicator
        self.baseline = baseline
        self.target = target
        self.direction = direction
    }

    /// How much of the way from baseline to target a value has gone: 0 at the baseline, 1 at the target, more
    /// beyond it, negative when it went the wrong way.
    public func progress(_ value: Double) -> Double {
        let distance = target.value - baseline.value
        guard distance != 0 else { return value == target.value ? 1 : 0 }
        return (value - baseline.value) / distance
    }

    /// Whether a value has reached the target in the goal's direction.
    public func isReached(_ value: Double) -> Bool {
        direction == .increase ? value >= target.value : value <= target.value
    }

    /// Whether the goal is on track: the straight line through the measurements (least squares over days)
    /// reaches the target by the target day. With fewer than two measurements, on track means reached.
    public func isOnTrack(_ measurements: [(day: Day, value: Double)]) -> Bool {
        guard let last = measurements.max(by: { $0.day < $1.day }) else { return false }
        if isReached(last.value) { return true }
        guard measurements.count >= 2 else { return false }
        let xs = measurements.map { Double($0.day.ordinal) }
        let ys = measurements.map(\.value)
        let meanX = xs.reduce(0, +) / Double(xs.count)
        let meanY = ys.reduce(0, +) / Double(ys.count)
        let sxx = xs.reduce(0) { $0 + ($1 - meanX) * ($1 - meanX) }
        guard sxx > 0 else { return false }
        let sxy = zip(xs, ys).reduce(0) { $0 + ($1.0 - meanX) * ($1.1 - meanY) }
        let slope = sxy / sxx
        let projected = meanY + slope * (Double(target.day.ordinal) - meanX)
        return isReached(projected)
    }
}
