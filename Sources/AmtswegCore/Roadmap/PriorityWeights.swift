/// How much each criterion counts in an initiative's priority score; the tenant sets them. Zero leaves a
/// criterion out.
public struct PriorityWeights: Hashable, Sendable, Codable {
    /// Staff hours a year the initiative saves (from its Ist/Soll comparison).
    public var saving: Double
    /// Goals it serves.
    public var goals: Double
    /// Citizens and businesses affected: the yearly cases of its services.
    public var citizens: Double
    /// How near its legal or political deadline is.
    public var deadline: Double
    /// Little effort scores high.
    public var effort: Double
    /// Low risk scores high.
    public var risk: Double

    public init(saving: Double, goals: Double, citizens: Double, deadline: Double, effort: Double, risk: Double) {
        self.saving = saving
        self.goals = goals
        self.citizens = citizens
        self.deadline = deadline
        self.effort = effort
        self.risk = risk
    }

    public static let standard = PriorityWeights(saving: 3, goals: 2, citizens: 2, deadline: 2, effort: 2, risk: 1)

    public var total: Double { saving + goals + citizens + deadline + effort + risk }

    public var isValid: Bool {
        [saving, goals, citizens, deadline, effort, risk].allSatisfy { $0 >= 0 && $0.isFinite } && total > 0
    }
}
