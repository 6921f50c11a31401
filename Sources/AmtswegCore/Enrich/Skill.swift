/// A skill (Kompetenz) that steps require and positions hold: knowledge of a law, of an application, a language.
public struct Skill: Hashable, Sendable, Codable, MapEntity {
    public var id: ID<Skill>
    public var name: String

    public init(id: ID<Skill>, name: String) {
        self.id = id
        self.name = name
    }
}

/// How well a skill is held or needed, in four steps.
public enum SkillLevel: Int, CaseIterable, Sendable, Codable, Comparable {
    case basic = 1, advanced, proficient, expert

    public var label: String {
        switch self {
        case .basic: "Grundkenntnisse"
        case .advanced: "Erweiterte Kenntnisse"
        case .proficient: "Sichere Anwendung"
        case .expert: "Expertenwissen"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A position holds a skill at a level.
public struct SkillHolding: Hashable, Sendable, Codable, Comparable {
    public var positionID: ID<Position>
    public var skillID: ID<Skill>
    public var level: SkillLevel

    public init(positionID: ID<Position>, skillID: ID<Skill>, level: SkillLevel) {
        self.positionID = positionID
        self.skillID = skillID
        self.level = level
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.skillID, lhs.positionID, lhs.level) < (rhs.skillID, rhs.positionID, rhs.level)
    }
}
