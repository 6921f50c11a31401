/// Two workshop rounds side by side — what changed between, say, last year's Ist-Analyse and this year's: per
/// question how many answers came and how many changed the map, per unit how many questions it answered, and
/// the findings each round raised.
public struct WorkshopRoundComparison: Hashable, Sendable {
    public struct Counts: Hashable, Sendable {
        /// Answers given, "nothing to add" included.
        public var answers: Int
        /// Answers accepted (as given or corrected) into the map.
        public var merged: Int
    }

    public struct Question: Hashable, Sendable {
        public var question: IstQuestion
        public var first: Counts
        public var second: Counts
    }

    public struct Unit: Hashable, Sendable {
        public var unitID: ID<OrgUnit>
        /// Questions the unit answered in each round; nil where it did not take part.
        public var first: Int?
        public var second: Int?
    }

    public var questions: [Question]
    /// The units of either round, in the map's order.
    public var units: [Unit]
    public var firstFindings: [WorkshopFinding]
    public var secondFindings: [WorkshopFinding]

    public init(first: WorkshopRound, second: WorkshopRound, answers: [WorkshopAnswer], map: TenantMap) {
        let firstAnswers = answers.filter { $0.roundID == first.id }
        let secondAnswers = answers.filter { $0.roundID == second.id }
        func counts(_ answers: [WorkshopAnswer], _ question: IstQuestion) -> Counts {
            let mine = answers.filter { $0.question == question }
            return Counts(answers: mine.count, merged: mine.filter { $0.mergedChange != nil }.count)
        }
        questions = IstQuestion.allCases.map {
            Question(question: $0, first: counts(firstAnswers, $0), second: counts(secondAnswers, $0))
        }
        func answered(_ round: WorkshopRound, _ answers: [WorkshopAnswer], _ unit: ID<OrgUnit>) -> Int? {
            guard round.unitIDs.contains(unit) else { return nil }
            return Set(answers.filter { $0.unitID == unit }.map(\.question)).count
        }
        let members = Set(first.unitIDs + second.unitIDs)
        units = map.units.filter { members.contains($0.id) }.map {
            Unit(
                unitID: $0.id, first: answered(first, firstAnswers, $0.id),
                second: answered(second, secondAnswers, $0.id))
        }
        firstFindings = map.findings.filter { $0.roundID == first.id }
        secondFindings = map.findings.filter { $0.roundID == second.id }
    }
}
