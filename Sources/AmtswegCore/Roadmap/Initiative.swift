/// An initiative (Maßnahme) of the roadmap: what is to be done, for which goals and problems, by whom, with how
/// much effort, when at the earliest and by when at the latest, after which other initiatives.
public struct Initiative: Hashable, Sendable, Codable {
    /// Person-days one unit puts into the initiative.
    public struct Effort: Hashable, Sendable, Codable {
        public var unitID: ID<OrgUnit>
        public var personDays: Double

        public init(unitID: ID<OrgUnit>, personDays: Double) {
            self.unitID = unitID
            self.personDays = personDays
        }
    }

    /// A dated note on how the initiative is going, with its author.
    public struct ProgressNote: Hashable, Sendable, Codable {
        public var day: Day
        public var author: String
        public var text: String

        public init(day: Day, author: String, text: String) {
            self.day = day
            self.author = author
            self.text = text
        }
    }

    /// A current (Ist) process and its target (Soll): the comparison gives the yearly hours saved.
    public struct ProcessPair: Hashable, Sendable, Codable {
        public var ist: ID<ProcessModel>
        public var soll: ID<ProcessModel>

        public init(ist: ID<ProcessModel>, soll: ID<ProcessModel>) {
            self.ist = ist
            self.soll = soll
        }
    }

    public var id: ID<Initiative>
    public var title: String
    public var description: String
    public var fieldID: ID<FieldOfAction>?
    public var goalIDs: [ID<Goal>]
    /// Problem spots addressed, by ``ProblemSpot/key``.
    public var problemSpotKeys: [String]
    /// Processes concerned (beyond the pair).
    public var processIDs: [ID<ProcessModel>]
    public var processPair: ProcessPair?
    public var serviceIDs: [ID<Service>]
    public var ownerUnitID: ID<OrgUnit>?
    public var efforts: [Effort]
    /// Cost beyond staff time, in euros.
    public var cost: Double
    /// Risk from 1 (low) to 5 (high).
    public var risk: Int
    /// How many quarters the work takes; the effort is spread evenly over them.
    public var durationQuarters: Int
    public var earliestStart: Quarter?
    /// A fixed start (work already begun, or decided): the scheduler keeps it there.
    public var fixedStart: Quarter?
    /// The latest day the initiative must be done (a legal date, say).
    public var deadline: Day?
    public var dependencies: [ID<Initiative>]
    public var status: InitiativeStatus
    public var rejectionReason: String
    public var notes: [ProgressNote]
    /// The workshop finding it was made from, where it was.
    public var sourceFindingID: ID<WorkshopFinding>?

    public init(
        id: ID<Initiative>, title: String, description: String = "", fieldID: ID<FieldOfAction>? = nil,
        goalIDs: [ID<Goal>] = [], problemSpotKeys: [String] = [], processIDs: [ID<ProcessModel>] = [],
        processPair: ProcessPair? = nil, serviceIDs: [ID<Service>] = [], ownerUnitID: ID<OrgUnit>? = nil,
        efforts: [Effort] = [], cost: Double = 0, risk: Int = 2, durationQuarters: Int = 1,
        earliestStart: Quarter? = nil, fixedStart: Quarter? = nil, deadline: Day? = nil,
        dependencies: [ID<Initiative>] = [], status: InitiativeStatus = .idea, rejectionReason: String = "",
        notes: [ProgressNote] = [], sourceFindingID: ID<WorkshopFinding>? = nil
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.fieldID = fieldID
        self.goalIDs = goalIDs
        self.problemSpotKeys = problemSpotKeys
        self.processIDs = processIDs
        self.processPair = processPair
        self.serviceIDs = serviceIDs
        self.ownerUnitID = ownerUnitID
        self.efforts = efforts
        self.cost = cost
        self.risk = risk
        self.durationQuarters = durationQuarters
        self.earliestStart = earliestStart
        self.fixedStart = fixedStart
        self.deadline = deadline
        self.dependencies = dependencies
        self.status = status
        self.rejectionReason = rejectionReason
        self.notes = notes
        self.sourceFindingID = sourceFindingID
    }

    /// All person-days.
    public var totalPersonDays: Double { efforts.reduce(0) { $0 + $1.personDays } }

    /// The units that work on it: those with effort, and the owner.
    public var unitIDs: Set<ID<OrgUnit>> {
        Set(efforts.map(\.unitID) + [ownerUnitID].compactMap { $0 })
    }
}
