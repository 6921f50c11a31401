/// An initiative's priority and how it is made up, criterion by criterion — no black box.
///
/// Each criterion is first brought to 0…1 against the open initiatives of the roadmap (the largest saving
/// scores 1, none 0), then weighted; the score is the weighted mean in points from 0 to 100:
/// - saving: hours saved a year ÷ the largest saving;
/// - goals: goals served ÷ the most goals any initiative serves;
/// - citizens: yearly cases of its services ÷ the largest such number;
/// - deadline: 1 − (quarters until the deadline's quarter ÷ the planning horizon), at least 0; a deadline in the
///   current quarter or past scores 1, no deadline 0;
/// - effort: 1 − person-days ÷ the largest effort (no effort anywhere: 1);
/// - risk: (5 − risk) ÷ 4, risk from 1 to 5.
public struct PriorityScore: Hashable, Sendable, Codable {
    public struct Component: Hashable, Sendable, Codable {
        public var criterion: String
        /// The raw figure ("1.240 h/Jahr") as a number.
        public var raw: Double
        /// 0…1.
        public var normalised: Double
        public var weight: Double
        /// weight × normalised ÷ total weight × 100: the points this criterion adds.
        public var points: Double
    }

    public var initiativeID: ID<Initiative>
    public var components: [Component]
    public var score: Double { components.reduce(0) { $0 + $1.points } }
    /// Impact (saving, goals, citizens, deadline: 0…1) and effort (person-days) for the impact/effort matrix.
    public var impact: Double
    public var personDays: Double
}

/// The figures an initiative's priority needs beyond its own fields, taken from the analyses.
public struct InitiativeFacts: Hashable, Sendable, Codable {
    public var savedHoursPerYear: Double
    public var casesPerYear: Int

    public init(savedHoursPerYear: Double, casesPerYear: Int) {
        self.savedHoursPerYear = savedHoursPerYear
        self.casesPerYear = casesPerYear
    }
}

/// Scores initiatives by ``PriorityWeights``.
public struct Prioritizer: Sendable {
    public var weights: PriorityWeights
    /// The quarter planning starts in (today's).
    public var today: Quarter
    public var horizonQuarters: Int

    public init(weights: PriorityWeights, today: Quarter, horizonQuarters: Int) {
        self.weights = weights
        self.today = today
        self.horizonQuarters = max(1, horizonQuarters)
    }

    /// Scores, highest first (ties by id, so the order is the same every time).
    public func scores(_ initiatives: [Initiative], facts: [ID<Initiative>: InitiativeFacts]) -> [PriorityScore] {
        let open = initiatives.filter(\.status.isOpen)
        func fact(_ initiative: Initiative) -> InitiativeFacts {
            facts[initiative.id] ?? InitiativeFacts(savedHoursPerYear: 0, casesPerYear: 0)
        }
        let maxSaving = open.map { max(0, fact($0).savedHoursPerYear) }.max() ?? 0
        let maxGoals = open.map { Double(Set($0.goalIDs).count) }.max() ?? 0
        let maxCases = open.map { Double(fact($0).casesPerYear) }.max() ?? 0
        let maxEffort = open.map(\.totalPersonDays).max() ?? 0
        let total = weights.total
        func ratio(_ value: Double, _ largest: Double) -> Double { largest > 0 ? value / largest : 0 }
        return open.map { initiative in
            let saving = max(0, fact(initiative).savedHoursPerYear)
            let goals = Double(Set(initiative.goalIDs).count)
            let cases = Double(fact(initiative).casesPerYear)
            let quartersLeft = initiative.deadline.map { Double(today.distance(to: Quarter($0))) }
            let deadline = quartersLeft.map { max(0, 1 - max(0, $0) / Double(horizonQuarters)) } ?? 0
            let effort = maxEffort > 0 ? 1 - initiative.totalPersonDays / maxEffort : 1
            let risk = Double(5 - min(5, max(1, initiative.risk))) / 4
            let parts: [(String, Double, Double, Double)] = [
                ("saving", saving, ratio(saving, maxSaving), weights.saving),
                ("goals", goals, ratio(goals, maxGoals), weights.goals),
                ("citizens", cases, ratio(cases, maxCases), weights.citizens),
                ("deadline", quartersLeft ?? -1, deadline, weights.deadline),
                ("effort", initiative.totalPersonDays, effort, weights.effort),
                ("risk", Double(initiative.risk), risk, weights.risk),
            ]
            let components = parts.map { criterion, raw, normalised, weight in
                PriorityScore.Component(
                    criterion: criterion, raw: raw, normalised: normalised, weight: weight,
                    points: total > 0 ? weight * normalised / total * 100 : 0)
            }
            let impactParts = parts.prefix(4)
            let impactWeight = impactParts.reduce(0) { $0 + $1.3 }
            let impact = impactWeight > 0 ? impactParts.reduce(0) { $0 + $1.2 * $1.3 } / impactWeight : 0
            return PriorityScore(
                initiativeID: initiative.id, components: components, impact: impact,
                personDays: initiative.totalPersonDays)
        }.sorted { ($0.score, $1.initiativeID) > ($1.score, $0.initiativeID) }
    }
}
