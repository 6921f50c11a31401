/// A free-text finding recorded during the Ist-Analyse workshop.
public struct WorkshopFinding: Hashable, Sendable, Codable, MapEntity {
    public var id: ID<WorkshopFinding>
    public var question: IstQuestion
    public var text: String
    /// Who raised the finding (name or role as the workshop noted it).
    public var author: String
    public var recordedOn: Day
    /// The unit the finding is about, where it is about one.
    public var unitID: ID<OrgUnit>?
    /// The workshop round whose answers it came from; nil for a finding recorded at a meeting.
    public var roundID: ID<WorkshopRound>?

    public init(
        id: ID<WorkshopFinding>, question: IstQuestion, text: String, author: String, recordedOn: Day,
        unitID: ID<OrgUnit>? = nil, roundID: ID<WorkshopRound>? = nil
    ) {
        self.id = id
        self.question = question
        self.text = text
        self.author = author
        self.recordedOn = recordedOn
        self.unitID = unitID
        self.roundID = roundID
    }
}
