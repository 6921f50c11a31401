/// A version of the OZG maturity model: its levels, the criteria a service is rated on, and the levels from
/// which a service counts as online and as OZG-conformant. Versions are data: 1.1 (levels 0–4, ten criteria)
/// ships, and a model with more levels (2.0 has 0–7) is loaded the same way once its criteria are published.
public struct MaturityModel: Hashable, Sendable, Codable {
    /// "1.1", "2.0".
    public var version: String
    public var name: String
    /// Levels in ascending order, numbered from 0 without gaps.
    public var levels: [MaturityLevel]
    public var criteria: [MaturityCriterion]
    /// The level from which a service counts as online: an OZG-Leistung is online when one of its services
    /// reaches it (2 in model 1.1).
    public var onlineFrom: Int
    /// The level from which a service fulfils the OZG (3 in model 1.1).
    public var conformFrom: Int
    /// Where the model is defined.
    public var source: String

    public init(
        version: String, name: String, levels: [MaturityLevel], criteria: [MaturityCriterion], onlineFrom: Int,
        conformFrom: Int, source: String = ""
    ) {
        self.version = version
        self.name = name
        self.levels = levels
        self.criteria = criteria
        self.onlineFrom = onlineFrom
        self.conformFrom = conformFrom
        self.source = source
    }

    /// The highest level of the model.
    public var topLevel: Int { levels.last?.number ?? 0 }

    public func level(_ number: Int) -> MaturityLevel? { levels.first { $0.number == number } }

    /// The overall level of a service rated on the criteria: the lowest rating of a criterion that applies sets
    /// it — a service at level 4 in nine criteria and at level 2 in one is at level 2. `nil` while a criterion
    /// is unrated, or when every criterion was marked not needed.
    public func overallLevel(_ ratings: [String: MaturityRating]) -> Int? {
        var lowest: Int? = nil
        for criterion in criteria {
            switch ratings[criterion.id] {
            case .level(let level): lowest = min(lowest ?? level, level)
            case .notNeeded where criterion.onlyWhereNeeded: continue
            case .notNeeded, nil: return nil
            }
        }
        return lowest
    }

    /// Everything that makes the model unusable: no levels, gaps in the numbering, criteria without id or given
    /// twice, online or conformance levels outside the scale.
    public func problems() -> [String] {
        var problems: [String] = []
        if version.isEmpty { problems.append("Die Version des Reifegradmodells fehlt") }
        if levels.isEmpty { problems.append("Das Reifegradmodell \(version) hat keine Stufen") }
        for (index, level) in levels.enumerated() where level.number != index {
            problems.append("Stufe \(level.number) steht an Stelle \(index): Stufen zählen lückenlos ab 0")
        }
        if criteria.isEmpty { problems.append("Das Reifegradmodell \(version) hat keine Kriterien") }
        var seen = Set<String>()
        for criterion in criteria {
            if criterion.id.isEmpty || criterion.name.isEmpty {
                problems.append("Ein Kriterium ohne Kennung oder Namen")
            } else if !seen.insert(criterion.id).inserted {
                problems.append("Kriterium „\(criterion.id)“ kommt mehrfach vor")
            }
        }
        for (what, value) in [("Online ab", onlineFrom), ("OZG-konform ab", conformFrom)]
        where !(0...topLevel).contains(value) {
            problems.append("„\(what)“ Stufe \(value) liegt außerhalb der Stufen 0 bis \(topLevel)")
        }
        return problems
    }
}

/// How a service stands in one criterion: at a level, or the criterion does not apply to it.
public enum MaturityRating: Hashable, Sendable, Codable {
    case level(Int)
    case notNeeded

    /// "3" or "entfällt" — the form the store, forms and the API use.
    public var key: String {
        switch self {
        case .level(let level): "\(level)"
        case .notNeeded: "entfällt"
        }
    }

    public init?(key: String) {
        if key == "entfällt" || key == "notNeeded" {
            self = .notNeeded
        } else if let level = Int(key), level >= 0 {
            self = .level(level)
        } else {
            return nil
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let level = try? container.decode(Int.self) {
            self = .level(level)
            return
        }
        let text = try container.decode(String.self)
        guard let rating = MaturityRating(key: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' ist keine Bewertung (Stufe oder „entfällt“)")
        }
        self = rating
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .level(let level): try container.encode(level)
        case .notNeeded: try container.encode("entfällt")
        }
    }
}
