/// One criterion a service is rated on ("Nachweise", "Bezahlung"), at a level of its model. A criterion that
/// applies only where the service needs it ("falls erforderlich") may be rated as not needed.
public struct MaturityCriterion: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    /// The question an assessor answers, in plain language.
    public var question: String
    /// Whether the criterion may be marked "nicht erforderlich" (no payment for a free service, say).
    public var onlyWhereNeeded: Bool

    public init(id: String, name: String, question: String, onlyWhereNeeded: Bool) {
        self.id = id
        self.name = name
        self.question = question
        self.onlyWhereNeeded = onlyWhereNeeded
    }
}
