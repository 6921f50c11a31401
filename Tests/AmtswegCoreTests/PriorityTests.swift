import AmtswegCore
import Testing

/// A priority worked out by hand: every component and the order.
@Suite struct PriorityTests {
    /// Weights saving 3, goals 2, citizens 2, deadline 2, effort 2, risk 1 (total 12); today 2027-Q1, horizon 8.
    /// | | saved h | goals | cases | deadline | days | risk |
    /// | a | 1000 | 2 | 500 | 2027-Q3 (2 quarters: 1 − 2/8 = 0.75) | 40 | 1 |
    /// | b | 500 | 1 | 1000 | none (0) | 10 | 3 |
    /// | c | 0 | 0 | 0 | 2026-Q4, past (1) | 20 | 5 |
    /// a: saving 1 × 3, goals 1 × 2, citizens 0.5 × 2, deadline 0.75 × 2, effort (1 − 40/40 = 0) × 2, risk 1 × 1
    ///    = 3 + 2 + 1 + 1.5 + 0 + 1 = 8.5 → 8.5/12 × 100 = 70.833…
    /// b: 0.5 × 3 + 0.5 × 2 + 1 × 2 + 0 + 0.75 × 2 + 0.5 × 1 = 1.5 + 1 + 2 + 0 + 1.5 + 0.5 = 6.5 → 54.166…
    /// c: 0 + 0 + 0 + 1 × 2 + 0.5 × 2 + 0 = 3 → 25
    @Test func aHandComputedExample() {
        let initiatives = [
            Initiative(
                id: "c", title: "C", efforts: [.init(unitID: "x", personDays: 20)], risk: 5,
                deadline: Day(year: 2026, month: 11, day: 30), status: .planned),
            Initiative(
                id: "a", title: "A", goalIDs: ["g1", "g2"], efforts: [.init(unitID: "x", personDays: 40)], risk: 1,
                deadline: Day(year: 2027, month: 9, day: 30), status: .idea),
            Initiative(
                id: "b", title: "B", goalIDs: ["g1"], efforts: [.init(unitID: "y", personDays: 10)], risk: 3,
                status: .inProgress),
            Initiative(id: "z", title: "verworfen", status: .rejected, rejectionReason: "zu teuer"),
        ]
        let facts: [ID<Initiative>: InitiativeFacts] = [
            "a": .init(savedHoursPerYear: 1000, casesPerYear: 500),
            "b": .init(savedHoursPerYear: 500, casesPerYear: 1000),
            "c": .init(savedHoursPerYear: 0, casesPerYear: 0),
        ]
        let scores = Prioritizer(weights: .standard, today: Quarter(year: 2027, number: 1)!, horizonQuarters: 8)
            .scores(initiatives, facts: facts)
        #expect(scores.map(\.initiativeID) == ["a", "b", "c"], "highest first; the rejected one is not scored")
        let expected: [ID<Initiative>: [Double]] = [
            "a": [1, 1, 0.5, 0.75, 0, 1], "b": [0.5, 0.5, 1, 0, 0.75, 0.5], "c": [0, 0, 0, 1, 0.5, 0],
        ]
        for score in scores {
            #expect(score.components.map(\.criterion) == ["saving", "goals", "citizens", "deadline", "effort", "risk"])
            #expect(score.components.map(\.normalised) == expected[score.initiativeID])
            #expect(score.components.map(\.weight) == [3, 2, 2, 2, 2, 1])
        }
        #expect(abs(scores[0].score - 8.5 / 12 * 100) < 1e-9)
        #expect(abs(scores[1].score - 6.5 / 12 * 100) < 1e-9)
        #expect(abs(scores[2].score - 25) < 1e-9)
        #expect(scores[0].components[3].raw == 2, "quarters until the deadline")
        // Impact: the weighted mean of saving, goals, citizens and deadline (weights 3, 2, 2, 2).
        #expect(abs(scores[0].impact - (3 + 2 + 1 + 1.5) / 9) < 1e-9)
    }
}
