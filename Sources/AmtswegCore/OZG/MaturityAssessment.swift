import Foundation

/// One assessment of a service's maturity: its rating in each criterion of a model version, the target level,
/// who assessed it and when. Assessments are kept as a history; the newest per service is its current state.
public struct MaturityAssessment: Hashable, Sendable, Codable {
    public var serviceID: ID<Service>
    public var modelVersion: String
    /// Rating per criterion id.
    public var ratings: [String: MaturityRating]
    /// The level the municipality aims at.
    public var targetLevel: Int
    public var assessedOn: Day
    /// Who assessed, as written on the form ("Sachgebietsleitung Bürgerbüro").
    public var assessedBy: String
    public var note: String

    public init(
        serviceID: ID<Service>, modelVersion: String, ratings: [String: MaturityRating], targetLevel: Int,
        assessedOn: Day, assessedBy: String, note: String = ""
    ) {
        self.serviceID = serviceID
        self.modelVersion = modelVersion
        self.ratings = ratings
        self.targetLevel = targetLevel
        self.assessedOn = assessedOn
        self.assessedBy = assessedBy
        self.note = note
    }

    /// The level the ratings give in `model` (the lowest criterion sets it).
    public func currentLevel(in model: MaturityModel) -> Int? { model.overallLevel(ratings) }

    /// What makes the assessment invalid against its model: unknown criteria, levels outside the scale, an
    /// unrated criterion, "not needed" on a criterion every service needs, a target outside the scale.
    public func problems(in model: MaturityModel) -> [String] {
        var problems: [String] = []
        let known = Set(model.criteria.map(\.id))
        for id in ratings.keys.sorted() where !known.contains(id) {
            problems.append("Kriterium „\(id)“ gibt es im Reifegradmodell \(model.version) nicht")
        }
        for criterion in model.criteria {
            switch ratings[criterion.id] {
            case nil: problems.append("Kriterium „\(criterion.name)“ ist nicht bewertet")
            case .notNeeded where !criterion.onlyWhereNeeded:
                problems.append("Kriterium „\(criterion.name)“ gilt für jede Leistung, „entfällt“ passt nicht")
            case .level(let level) where !(0...model.topLevel).contains(level):
                problems.append(
                    "Kriterium „\(criterion.name)“: Stufe \(level) gibt es nicht (0 bis \(model.topLevel))")
            default: break
            }
        }
        if !(0...model.topLevel).contains(targetLevel) {
            problems.append("Zielstufe \(targetLevel) gibt es nicht (0 bis \(model.topLevel))")
        }
        if assessedBy.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("Wer bewertet hat, fehlt") }
        return problems
    }
}
