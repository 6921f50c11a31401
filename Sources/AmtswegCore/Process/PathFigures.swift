/// Key figures of one way through a process, per case. Counts are expected values: a step on a branch
/// taken by 30 % of cases counts 0.3, a step in a loop repeated on average twice counts 2.
public struct PathFigures: Hashable, Sendable, Codable {
    /// Expected step executions per case: Σ visits(step).
    public var stepExecutions: Double
    /// Desks crossed: distinct performers (positions, roles, units) doing at least one step reached.
    public var desks: Int
    /// Distinct units of those performers.
    public var units: Int
    /// Hand-offs: Σ over consecutive step pairs of (frequency per case) where the performers differ.
    public var handoffs: Double
    /// Like hand-offs, where the units differ.
    public var unitCrossings: Double
    /// Expected number of times per case a flow loops back (rework).
    public var loopBacks: Double
    /// Media breaks: Σ over consecutive step pairs where both media are known and differ.
    public var mediaBreaks: Double
    /// The part of the media breaks from paper to a digital medium.
    public var paperToDigital: Double
    /// The part of the media breaks from a digital medium to paper.
    public var digitalToPaper: Double
    /// Share of step executions done in specialist software (medium Fachverfahren, or an application named
    /// where no medium is given).
    public var specialistSoftwareShare: Double
    /// Working time per case: Σ visits × handling minutes.
    public var handlingMinutes: Double
    /// Waiting time per case: Σ visits × waiting minutes.
    public var waitingMinutes: Double
    /// Lead time per case from start to end (Durchlaufzeit), parallel branches overlapping; see
    /// `ProcessGraph.leadTime`.
    public var leadTimeMinutes: Double
    /// waiting ÷ (handling + waiting).
    public var waitingShare: Double
    /// Staff cost per case: handling hours × the tenant's hourly cost.
    public var staffCostPerCase: Double

    public init(
        stepExecutions: Double = 0, desks: Int = 0, units: Int = 0, handoffs: Double = 0, unitCrossings: Double = 0,
        loopBacks: Double = 0, mediaBreaks: Double = 0, paperToDigital: Double = 0, digitalToPaper: Double = 0,
        specialistSoftwareShare: Double = 0, handlingMinutes: Double = 0, waitingMinutes: Double = 0,
        leadTimeMinutes: Double = 0, waitingShare: Double = 0, staffCostPerCase: Double = 0
    ) {
        self.stepExecutions = stepExecutions
        self.desks = desks
        self.units = units
        self.handoffs = handoffs
        self.unitCrossings = unitCrossings
        self.loopBacks = loopBacks
        self.mediaBreaks = mediaBreaks
        self.paperToDigital = paperToDigital
        self.digitalToPaper = digitalToPaper
        self.specialistSoftwareShare = specialistSoftwareShare
        self.handlingMinutes = handlingMinutes
        self.waitingMinutes = waitingMinutes
        self.leadTimeMinutes = leadTimeMinutes
        self.waitingShare = waitingShare
        self.staffCostPerCase = staffCostPerCase
    }
}

extension PathFigures {
    /// Computes the figures of a graph (the whole process or its main path).
    init(graph: ProcessGraph, visits: [Double], lookup: OrganisationLookup, settings: ProcessSettings) {
        self.init()
        let reach = graph.reach()
        let process = graph.process
        let performers = graph.nodes.map { process.performer(of: $0) }
        let units = performers.map { $0.flatMap(lookup.unit(of:)) }
        var desks = Set<Performer>(), unitSet = Set<ID<OrgUnit>>()
        var softwareVisits = 0.0
        for (index, node) in graph.nodes.enumerated() {
            let details = node.step ?? StepDetails()
            handlingMinutes += visits[index] * details.handlingMinutes
            waitingMinutes += visits[index] * details.waitingMinutes
            guard node.kind == .step, visits[index] > 0 else { continue }
            stepExecutions += visits[index]
            if let performer = performers[index] { desks.insert(performer) }
            if let unit = units[index] { unitSet.insert(unit) }
            if details.medium == .specialistSoftware || (details.medium == nil && !details.applicationIDs.isEmpty) {
                softwareVisits += visits[index]
            }
        }
        self.desks = desks.count
        self.units = unitSet.count
        specialistSoftwareShare = stepExecutions > 0 ? softwareVisits / stepExecutions : 0
        for transition in graph.transitions(visits: visits) {
            if let a = performers[transition.from], let b = performers[transition.to], a != b {
                handoffs += transition.perCase
            }
            if let a = units[transition.from], let b = units[transition.to], a != b {
                unitCrossings += transition.perCase
            }
            if let a = graph.nodes[transition.from].step?.medium, let b = graph.nodes[transition.to].step?.medium,
                a != b
            {
                mediaBreaks += transition.perCase
                if a == .paper && b.isDigital { paperToDigital += transition.perCase }
                if a.isDigital && b == .paper { digitalToPaper += transition.perCase }
            }
        }
        for (edge, isBack) in graph.isBackEdge.enumerated() where isBack {
            loopBacks += visits[graph.edges[edge].source] * graph.factor[edge]
        }
        leadTimeMinutes = graph.leadTime(
            duration: { (graph.nodes[$0].step?.handlingMinutes ?? 0) + (graph.nodes[$0].step?.waitingMinutes ?? 0) },
            visits: visits, reach: reach)
        let busy = handlingMinutes + waitingMinutes
        waitingShare = busy > 0 ? waitingMinutes / busy : 0
        staffCostPerCase = handlingMinutes / 60 * settings.hourlyCost
    }
}
