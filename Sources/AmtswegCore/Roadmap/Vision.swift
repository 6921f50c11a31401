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

extension Vision {
    enum CodingKeys: String, CodingKey { case statement, agreedOn, agreedBy, sourceFindingID }

    /// Only the statement is required; API clients send what they know.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            statement: try c.decode(String.self, forKey: .statement),
            agreedOn: try c.decodeIfPresent(Day.self, forKey: .agreedOn),
            agreedBy: try c.decodeIfPresent(String.self, forKey: .agreedBy) ?? "",
            sourceFindingID: try c.decodeIfPresent(ID<WorkshopFinding>.self, forKey: .sourceFindingID))
    }
}
