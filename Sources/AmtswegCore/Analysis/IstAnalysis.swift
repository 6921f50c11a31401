/// The seven views of the Ist-Analyse, computed together from one map.
public struct IstAnalysis: Hashable, Sendable, Codable {
    /// A view with its German title and the one sentence that says what it shows.
    public struct Described<View: Hashable & Sendable & Codable>: Hashable, Sendable, Codable {
        /// The workshop questions (1–7) the view answers.
        public var questions: [Int]
        public var title: String
        public var explanation: String
        public var view: View
    }

    public var tenant: String
    public var interactionMatrix: Described<InteractionMatrix>
    public var interactionNetwork: Described<InteractionNetwork>
    public var interfaces: Described<InterfaceOverview>
    public var entryPoints: Described<EntryPointOverview>
    public var informationNeeds: Described<InformationNeeds>
    public var responsibilities: Described<RACICompleteness>
    public var taskTransparency: Described<TaskTransparency>

    public init(_ map: TenantMap) {
        let index = MapIndex(map)
        tenant = map.tenant.name
        interactionMatrix = Described(questions: [1], title: InteractionMatrix.title,
                                      explanation: InteractionMatrix.explanation, view: InteractionMatrix(index))
        interactionNetwork = Described(questions: [1], title: InteractionNetwork.title,
                                       explanation: InteractionNetwork.explanation, view: InteractionNetwork(index))
        interfaces = Described(questions: [3, 4], title: InterfaceOverview.title,
                               explanation: InterfaceOverview.explanation, view: InterfaceOverview(index))
        entryPoints = Described(questions: [5], title: EntryPointOverview.title,
                                explanation: EntryPointOverview.explanation, view: EntryPointOverview(index))
        informationNeeds = Described(questions: [2], title: InformationNeeds.title,
                                     explanation: InformationNeeds.explanation, view: InformationNeeds(index))
        responsibilities = Described(questions: [6], title: RACICompleteness.title,
                                     explanation: RACICompleteness.explanation, view: RACICompleteness(index))
        taskTransparency = Described(questions: [7], title: TaskTransparency.title,
                                     explanation: TaskTransparency.explanation, view: TaskTransparency(index))
    }
}
