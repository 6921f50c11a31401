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

extension Vision {
    /// What is wrong with the vision itself, given the map's workshop findings; part of
    /// ``Roadmap/problems(map:processIDs:)``, and all that a change of the vision alone needs checked.
    public func problems(findings: [WorkshopFinding]) -> [String] {
        var problems: [String] = []
        if statement.trimmingSpaces.isEmpty { problems.append("Das Zielbild hat keinen Text.") }
        if let sourceFindingID, !findings.contains(where: { $0.id == sourceFindingID }) {
            problems.append("Zielbild: Den Workshop-Befund „\(sourceFindingID)“ gibt es nicht.")
        }
        return problems
    }

    /// Texts longer than ``Roadmap/Limits`` allows.
    public func limitProblems() -> [String] {
        var problems: [String] = []
        if statement.count > Roadmap.Limits.text {
            problems.append("Das Zielbild ist länger als \(Roadmap.Limits.text) Zeichen.")
        }
        if agreedBy.count > Roadmap.Limits.title {
            problems.append("„Vereinbart von“ des Zielbilds ist länger als \(Roadmap.Limits.title) Zeichen.")
        }
        return problems
    }
}
