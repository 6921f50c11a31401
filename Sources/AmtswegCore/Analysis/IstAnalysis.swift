import AmtswegSupport
/// The seven views of the Ist-Analyse, computed together from one map.
public struct IstAnalysis: Hashable, Sendable, Codable {
    /// A view with its German title and the one sentence that says what it shows.
    public struct Described<View: Hashable & Sendable & Codable>: Hashable, Sendable, Codable {
        /// The workshop questions (1–7) the view answers.
        public var questions: [Int]
        public var title: String
        public var explanation: String
        public var view: View
        /// What the workshop recorded on these questions, oldest first.
        public var findings: [WorkshopFinding]
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
        enum Part: Sendable {
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
        // Each finding appears once: with the first view that answers its question.
        var remaining = map.findings.sorted { ($0.recordedOn, $0.id) < ($1.recordedOn, $1.id) }
        func findings(_ questions: [Int]) -> [WorkshopFinding] {
            let mine = remaining.filter { questions.contains($0.question.rawValue) }
            remaining.removeAll { questions.contains($0.question.rawValue) }
            return mine
        }
        interactionMatrix = Described(
            questions: [1], title: InteractionMatrix.title,
            explanation: InteractionMatrix.explanation, view: matrix, findings: findings([1]))
        interactionNetwork = Described(
            questions: [1], title: InteractionNetwork.title,
            explanation: InteractionNetwork.explanation, view: network, findings: findings([1]))
        interfaces = Described(
            questions: [3, 4], title: InterfaceOverview.title,
            explanation: InterfaceOverview.explanation, view: interfaceView, findings: findings([3, 4]))
        entryPoints = Described(
            questions: [5], title: EntryPointOverview.title,
            explanation: EntryPointOverview.explanation, view: entries, findings: findings([5]))
        informationNeeds = Described(
            questions: [2], title: InformationNeeds.title,
            explanation: InformationNeeds.explanation, view: needs, findings: findings([2]))
        responsibilities = Described(
            questions: [6], title: RACICompleteness.title,
            explanation: RACICompleteness.explanation, view: raci, findings: findings([6]))
        taskTransparency = Described(
            questions: [7], title: TaskTransparency.title,
            explanation: TaskTransparency.explanation, view: transparency, findings: findings([7]))
    }
}
