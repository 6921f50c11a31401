public import AmtswegCore

/// The storage of workshop rounds and the units' answers. Every write leaves one change-log entry; a decision
/// on an answer and the change it makes to the map land together or not at all.
public protocol WorkshopRepository: Sendable {
    func workshopRounds(of tenant: ID<Tenant>) async throws -> [WorkshopRound]

    /// Opens a new round; an id already taken is refused.
    func openWorkshopRound(_ round: WorkshopRound, of tenant: ID<Tenant>) async throws

    /// Closes a round on `day`: it takes no more answers.
    func closeWorkshopRound(_ id: ID<WorkshopRound>, on day: Day, of tenant: ID<Tenant>, by author: Author)
        async throws

    /// All answers of a tenant's rounds, oldest first.
    func workshopAnswers(of tenant: ID<Tenant>) async throws -> [WorkshopAnswer]

    /// Saves a unit's answer, new or changed while undecided; a decided answer and a closed round are refused.
    func saveWorkshopAnswer(_ answer: WorkshopAnswer, of tenant: ID<Tenant>) async throws

    /// Decides on an undecided answer: accepted or corrected answers change the map in the same transaction
    /// (checked like any map save); a rejected one changes nothing but the answer. Returns the decided answer.
    @discardableResult
    func decideWorkshopAnswer(
        _ id: ID<WorkshopAnswer>, _ decision: WorkshopAnswer.Decision, of tenant: ID<Tenant>, by author: Author
    ) async throws -> WorkshopAnswer

    /// Records a contradiction between two units as a finding of the map.
    func recordContradiction(_ finding: WorkshopFinding, of tenant: ID<Tenant>, by author: Author) async throws
}
