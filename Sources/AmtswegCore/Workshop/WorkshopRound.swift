/// A round of the Ist-Analyse as shared work: a facilitator (Prozessmanagement) asks a set of units to answer
/// the seven questions for themselves by a deadline, then merges their answers into the map one change at a
/// time. Two rounds of one municipality can be compared (what changed in a year).
public struct WorkshopRound: Hashable, Sendable, Codable {
    public var id: ID<WorkshopRound>
    public var title: String
    public var unitIDs: [ID<OrgUnit>]
    public var deadline: Day
    public var openedOn: Day
    public var openedBy: Author
    /// Set when the facilitator closes the round: no more answers, the rest is history.
    public var closedOn: Day?

    public init(
        id: ID<WorkshopRound>, title: String, unitIDs: [ID<OrgUnit>], deadline: Day, openedOn: Day, openedBy: Author,
        closedOn: Day? = nil
    ) {
        self.id = id
        self.title = title
        self.unitIDs = unitIDs
        self.deadline = deadline
        self.openedOn = openedOn
        self.openedBy = openedBy
        self.closedOn = closedOn
    }

    public var isOpen: Bool { closedOn == nil }

    /// How far each unit of the round is: which questions it answered, and whether it is late.
    public struct Progress: Hashable, Sendable {
        public var unitID: ID<OrgUnit>
        public var answered: Set<IstQuestion>
        public var isOverdue: Bool

        public var open: [IstQuestion] { IstQuestion.allCases.filter { !answered.contains($0) } }
        public var isComplete: Bool { answered.count == IstQuestion.allCases.count }

        /// Where the unit stands, as the API and the command line name it.
        public enum State: String, Sendable {
            case complete, overdue, open, notStarted

            public var label: String {
                switch self {
                case .complete: "vollständig"
                case .overdue: "überfällig"
                case .open: "offen"
                case .notStarted: "noch nicht begonnen"
                }
            }
        }

        public var state: State {
            if isComplete { return .complete }
            if isOverdue { return .overdue }
            return answered.isEmpty ? .notStarted : .open
        }
    }

    /// Each unit's progress on `today`: a unit is overdue when the deadline has passed and questions are open.
    /// A question counts as answered once the unit saved an answer to it, also "nothing to add".
    public func progress(_ answers: [WorkshopAnswer], today: Day) -> [Progress] {
        unitIDs.map { unit in
            let answered = Set(answers.filter { $0.roundID == id && $0.unitID == unit }.map(\.question))
            return Progress(
                unitID: unit, answered: answered,
                isOverdue: isOpen && today > deadline && answered.count < IstQuestion.allCases.count)
        }
    }
}
