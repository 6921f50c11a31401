/// What the schedule could not satisfy. Shown beside the plan, never hidden.
public enum ScheduleConflict: Hashable, Sendable, Codable {
    /// The initiative ends after its deadline.
    case deadlineMissed(ID<Initiative>, deadline: Day, end: Quarter)
    /// Fixed initiatives load a unit beyond its capacity in a quarter.
    case overCapacity(ID<OrgUnit>, quarter: Quarter, load: Double, capacity: Double)
    /// No quarter within the horizon has room for the initiative.
    case noRoom(ID<Initiative>)
    /// An initiative it depends on could not be placed.
    case blockedBy(ID<Initiative>, dependency: ID<Initiative>)
    /// It depends on a rejected initiative.
    case dependsOnRejected(ID<Initiative>, dependency: ID<Initiative>)
    /// A fixed start lies before the end of an initiative it depends on.
    case startsBeforeDependency(ID<Initiative>, dependency: ID<Initiative>)

    /// The initiative the conflict is about, if it is about one.
    public var initiativeID: ID<Initiative>? {
        switch self {
        case .deadlineMissed(let id, _, _), .noRoom(let id), .blockedBy(let id, _), .dependsOnRejected(let id, _),
            .startsBeforeDependency(let id, _):
            id
        case .overCapacity: nil
        }
    }
}
