/// Which Map information flows the processes account for: a flow is used when a process of its service (any
/// process, for a flow without service) passes its information object through a step, or hands work from
/// the flow's sending unit to its receiving unit.
struct FlowUsage: Sendable {
    private var objects: [ID<Service>?: Set<ID<InformationObject>>] = [:]
    private var unitPairs: [ID<Service>?: Set<UnitPair>] = [:]

    private struct UnitPair: Hashable, Sendable {
        var from: ID<OrgUnit>
        var to: ID<OrgUnit>
    }

    mutating func record(
        _ process: ProcessModel, graph: ProcessGraph, transitions: [ProcessGraph.StepTransition],
        organisation: OrganisationLookup
    ) {
        var objects = Set<ID<InformationObject>>()
        for node in graph.nodes { objects.formUnion((node.step?.inputIDs ?? []) + (node.step?.outputIDs ?? [])) }
        var pairs = Set<UnitPair>()
        let units = graph.nodes.map { process.performer(of: $0).flatMap(organisation.unit(of:)) }
        for transition in transitions {
            if let from = units[transition.from], let to = units[transition.to], from != to {
                pairs.insert(UnitPair(from: from, to: to))
            }
        }
        for key in [process.serviceID, nil] {
            self.objects[key, default: []].formUnion(objects)
            unitPairs[key, default: []].formUnion(pairs)
        }
    }

    mutating func merge(_ other: FlowUsage) {
        for (key, objects) in other.objects { self.objects[key, default: []].formUnion(objects) }
        for (key, pairs) in other.unitPairs { unitPairs[key, default: []].formUnion(pairs) }
    }

    func uses(_ flow: InformationFlow, organisation: OrganisationLookup) -> Bool {
        let key = flow.serviceID
        if let object = flow.objectID, objects[key]?.contains(object) == true { return true }
        guard let from = unit(flow.from, organisation), let to = unit(flow.to, organisation) else { return false }
        return unitPairs[key]?.contains(UnitPair(from: from, to: to)) == true
    }

    private func unit(_ endpoint: FlowEndpoint, _ organisation: OrganisationLookup) -> ID<OrgUnit>? {
        switch endpoint {
        case .unit(let id): id
        case .position(let id): organisation.unit(of: .position(id))
        case .external: nil
        }
    }
}
