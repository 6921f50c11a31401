/// A process captured as an ordered list of steps in plain language, for staff without BPMN knowledge:
/// steps, choices between branches (with the share of cases each takes), parallel branches, and going back
/// to an earlier step. Becomes a ``ProcessModel`` with one lane per performer; a process model of this
/// block structure can be shown as a step list again.
public struct CapturedProcess: Hashable, Sendable, Codable {
    public var id: ID<ProcessModel>
    public var name: String
    public var serviceID: ID<Service>?
    public var ownerUnitID: ID<OrgUnit>?
    public var state: ProcessState
    public var istID: ID<ProcessModel>?
    public var items: [CapturedItem]

    public init(
        id: ID<ProcessModel>, name: String, serviceID: ID<Service>? = nil, ownerUnitID: ID<OrgUnit>? = nil,
        state: ProcessState = .ist, istID: ID<ProcessModel>? = nil, items: [CapturedItem]
    ) {
        self.id = id
        self.name = name
        self.serviceID = serviceID
        self.ownerUnitID = ownerUnitID
        self.state = state
        self.istID = istID
        self.items = items
    }
}

/// One entry of a step list.
public indirect enum CapturedItem: Hashable, Sendable, Codable {
    /// A step; its id is the BPMN id (made up when empty).
    case step(id: String, name: String, details: StepDetails)
    /// Exactly one of the branches is taken ("Unterlagen vollständig?").
    case choice(question: String, branches: [CapturedBranch])
    /// All branches run at the same time.
    case parallel(branches: [CapturedBranch])
    /// After the step before it, a share of cases goes back to an earlier step ("nachbessern").
    case goBack(toStepID: String, share: Double, label: String)
}

/// A branch of a choice or of parallel work.
public struct CapturedBranch: Hashable, Sendable, Codable {
    public var label: String
    /// Share of cases on this branch of a choice (ignored for parallel branches).
    public var share: Double?
    public var items: [CapturedItem]

    public init(label: String = "", share: Double? = nil, items: [CapturedItem]) {
        self.label = label
        self.share = share
        self.items = items
    }
}
