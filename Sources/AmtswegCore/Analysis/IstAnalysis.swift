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
        // The network (betweenness) is the costliest view; the others run beside it on the second core.
        enum Part: @unchecked Sendable {
            case network(InteractionNetwork)
            case rest(
                InteractionMatrix, InterfaceOverview, EntryPointOverview, InformationNeeds, RACICompleteness,
                TaskTransparency)
        }
        let parts = ConcurrentSlots<Part>.perform(2) { part in
            part == 0
                ? .network(InteractionNetwork(index))
                : .rest(
                    InteractionMatrix(index), InterfaceOverview(index), EntryPointOverview(index),
                    InformationNeeds(index), RACICompleteness(index), TaskTransparency(index))
        }
        guard case .network(let network) = parts[0],
            case .rest(let matrix, let interfaceView, let entries, let needs, let raci, let transparency) = parts[1]
        else { preconditionFailure("parts are produced in order") }
        interactionMatrix = Described(
            questions: [1], title: InteractionMatrix.title,
            explanation: InteractionMatrix.explanation, view: matrix)
        interactionNetwork = Described(
            questions: [1], title: InteractionNetwork.title,
            explanation: InteractionNetwork.explanation, view: network)
        interfaces = Described(
            questions: [3, 4], title: InterfaceOverview.title,
            explanation: InterfaceOverview.explanation, view: interfaceView)
        entryPoints = Described(
            questions: [5], title: EntryPointOverview.title,
            explanation: EntryPointOverview.explanation, view: entries)
        informationNeeds = Described(
            questions: [2], title: InformationNeeds.title,
            explanation: InformationNeeds.explanation, view: needs)
        responsibilities = Described(
            questions: [6], title: RACICompleteness.title,
            explanation: RACICompleteness.explanation, view: raci)
        taskTransparency = Described(
            questions: [7], title: TaskTransparency.title,
            explanation: TaskTransparency.explanation, view: transparency)
    }
}
