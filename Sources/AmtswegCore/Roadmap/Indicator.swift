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

extension Indicator {
    enum CodingKeys: String, CodingKey { case kind, scope, rule, level }

    /// Read through the initializer, so a rule or level sent with a kind that has none is dropped, as on the page.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let level = try c.decodeIfPresent(Int.self, forKey: .level)
        if let level, !(0...7).contains(level) {
            throw DecodingError.dataCorruptedError(
                forKey: .level, in: c, debugDescription: "Reifegrad \(level) gibt es nicht (0 bis 7)")
        }
        self.init(
            try c.decode(IndicatorKind.self, forKey: .kind),
            scope: try c.decodeIfPresent(IndicatorScope.self, forKey: .scope) ?? .tenant,
            rule: try c.decodeIfPresent(ProblemRule.self, forKey: .rule), level: level)
    }
}
