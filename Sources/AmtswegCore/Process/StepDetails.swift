/// What Amtsweg knows about one step beyond the diagram: the Enrich phase's data.
public struct StepDetails: Hashable, Sendable, Codable {
    /// The building block (Baustein) the step instantiates, e.g. "vollstaendigkeit-pruefen".
    public var block: BuildingBlock.Key?
    /// Who does the step; when `nil`, the performer of the step's lane.
    public var performer: Performer?
    public var applicationIDs: [ID<Application>]
    /// Information objects the step needs and produces.
    public var inputIDs: [ID<InformationObject>]
    public var outputIDs: [ID<InformationObject>]
    /// The medium the step works in: where a following step works in another, the information changes medium.
    public var medium: Medium?
    /// Working time per execution, in minutes (Bearbeitungszeit).
    public var handlingMinutes: Double
    /// Time the case lies before or during the step without being worked on, in minutes (Liegezeit).
    public var waitingMinutes: Double
    public var responsibilities: [StepResponsibility]
    public var requiredSkills: [SkillRequirement]
    public var documentIDs: [ID<Document>]
    public var legalBasisIDs: [ID<LegalBasis>]

    public init(
        block: BuildingBlock.Key? = nil, performer: Performer? = nil, applicationIDs: [ID<Application>] = [],
        inputIDs: [ID<InformationObject>] = [], outputIDs: [ID<InformationObject>] = [], medium: Medium? = nil,
        handlingMinutes: Double = 0, waitingMinutes: Double = 0, responsibilities: [StepResponsibility] = [],
        requiredSkills: [SkillRequirement] = [], documentIDs: [ID<Document>] = [], legalBasisIDs: [ID<LegalBasis>] = []
    ) {
        self.block = block
        self.performer = performer
        self.applicationIDs = applicationIDs
        self.inputIDs = inputIDs
        self.outputIDs = outputIDs
        self.medium = medium
        self.handlingMinutes = handlingMinutes
        self.waitingMinutes = waitingMinutes
        self.responsibilities = responsibilities
        self.requiredSkills = requiredSkills
        self.documentIDs = documentIDs
        self.legalBasisIDs = legalBasisIDs
    }
}

/// One RACI letter on a step.
public struct StepResponsibility: Hashable, Sendable, Codable, Comparable {
    public var kind: Responsibility.Kind
    public var performer: Performer

    public init(_ kind: Responsibility.Kind, _ performer: Performer) {
        self.kind = kind
        self.performer = performer
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.kind, lhs.performer) < (rhs.kind, rhs.performer) }
}

/// A skill a step needs, at a minimum level.
public struct SkillRequirement: Hashable, Sendable, Codable, Comparable {
    public var skillID: ID<Skill>
    public var level: SkillLevel

    public init(_ skillID: ID<Skill>, level: SkillLevel = .basic) {
        self.skillID = skillID
        self.level = level
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.skillID, lhs.level) < (rhs.skillID, rhs.level) }
}
