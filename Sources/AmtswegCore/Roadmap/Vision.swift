/// The target picture (Zielbild) the whole house agreed on: where the municipality wants to be, when it was
/// agreed and by whom. A workshop finding may be where it came from.
public struct Vision: Hashable, Sendable, Codable {
    public var statement: String
    public var agreedOn: Day?
    /// Who agreed it ("Verwaltungsvorstand", "Workshop aller Amtsleitungen").
    public var agreedBy: String
    public var sourceFindingID: ID<WorkshopFinding>?

    public init(
        statement: String, agreedOn: Day? = nil, agreedBy: String = "", sourceFindingID: ID<WorkshopFinding>? = nil
    ) {
        self.statement = statement
        self.agreedOn = agreedOn
        self.agreedBy = agreedBy
        self.sourceFindingID = sourceFindingID
    }
}
