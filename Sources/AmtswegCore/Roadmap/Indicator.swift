/// A measurable figure: its kind, what it is narrowed to, and for problem spots the rule, for maturity the level.
public struct Indicator: Hashable, Sendable, Codable {
    public var kind: IndicatorKind
    public var scope: IndicatorScope
    /// Only for ``IndicatorKind/openProblemSpots``: the rule counted; all rules when `nil`.
    public var rule: ProblemRule?
    /// Only for ``IndicatorKind/maturityShare``: the level a service must reach.
    public var level: Int?

    public init(_ kind: IndicatorKind, scope: IndicatorScope = .tenant, rule: ProblemRule? = nil, level: Int? = nil) {
        self.kind = kind
        self.scope = scope
        self.rule = kind == .openProblemSpots ? rule : nil
        self.level = kind == .maturityShare ? level : nil
    }

    /// One string per distinct indicator, under which its measurements are stored:
    /// "openProblemSpots|mediaBreak|process:bau-ist".
    public var key: String {
        [kind.rawValue, rule?.rawValue ?? level.map { "\($0)" } ?? "", scope.key].joined(separator: "|")
    }

    public init?(key: String) {
        let parts = key.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, let kind = IndicatorKind(rawValue: parts[0]), let scope = IndicatorScope(key: parts[2])
        else { return nil }
        self.init(
            kind, scope: scope, rule: ProblemRule(rawValue: parts[1]), level: Int(parts[1]))
    }
}
