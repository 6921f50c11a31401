import AmtswegSupport
/// Runs every problem rule over a tenant's map and processes.
///
/// Rules about the flow of a process look at consecutive steps (through gateways, as the figures do) and
/// at what is reachable at all; steps on branches no case takes are left alone.
public struct ProblemFinder: Sendable {
    let map: TenantMap
    let organisation: OrganisationLookup
    let settings: ProcessSettings

    public init(map: TenantMap) {
        self.map = map
        organisation = OrganisationLookup(map)
        settings = map.settings
    }

    /// Every problem spot, most severe first, then by rule, then in the order of processes (by id) and steps.
    /// - Parameter tenantRules: also the rules about the tenant as a whole (services without process, unused
    ///   information flows); off for the report of a single process.
    public func findAll(in processes: [ProcessModel], tenantRules: Bool = true) -> [ProblemSpot] {
        var spots: [ProblemSpot] = []
        let holders = skillHolders()
        let applicationsOfUnit = Dictionary(
            map.catalogue.applications.flatMap { application in application.unitIDs.map { ($0, application.id) } },
            uniquingKeysWith: { a, _ in a })
        let applicationNames = Dictionary(
            map.catalogue.applications.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        // Processes are independent of each other: they are checked on all cores, then combined in id order.
        let perProcess = ConcurrentSlots<[([ProblemSpot], FlowUsage)]>.map(processes.sorted { $0.id < $1.id }) {
            process in
            let graph = ProcessGraph(process)
            let visits = graph.visits()
            let transitions = graph.transitions(visits: visits)
            var usage = FlowUsage()
            usage.record(process, graph: graph, transitions: transitions, organisation: organisation)
            let spots =
                processRules(process, graph: graph, visits: visits, transitions: transitions)
                + stepRules(
                    process, graph: graph, visits: visits, holders: holders, applicationsOfUnit: applicationsOfUnit,
                    applicationNames: applicationNames)
            return (spots, usage)
        }
        var usage = FlowUsage()
        for (found, used) in perProcess {
            spots += found
            usage.merge(used)
        }
        if tenantRules { spots += self.tenantRules(processes, usage: usage) }
        // Grouped by severity and rule; within a rule in the order found (processes by id, steps in order).
        // Cheaper than sorting: there can be hundreds of thousands of spots.
        var byRule: [ProblemRule: [ProblemSpot]] = [:]
        for spot in spots { byRule[spot.rule, default: []].append(spot) }
        return Self.ruleOrder.flatMap { byRule[$0] ?? [] }
    }

    /// Most severe first, then by name.
    static let ruleOrder = ProblemRule.allCases.sorted { ($0.severity, $0.rawValue) < ($1.severity, $1.rawValue) }

    // MARK: - Rules on the flow of one process

    private func processRules(
        _ process: ProcessModel, graph: ProcessGraph, visits: [Double], transitions: [ProcessGraph.StepTransition]
    ) -> [ProblemSpot] {
        var spots: [ProblemSpot] = []
        let performers = graph.nodes.map { process.performer(of: $0) }
        func name(_ performer: Performer?) -> String { performer.map(displayName) ?? "?" }

        // Ping-pong: a step hands to another performer, whose next step hands straight back.
        let next = Dictionary(grouping: transitions, by: \.from)
        var reported = Set<[Int]>()
        for first in transitions {
            guard let a = performers[first.from], let b = performers[first.to], a != b else { continue }
            for second in next[first.to] ?? []
            where performers[second.to] == a && reported.insert([first.from, first.to, second.to]).inserted {
                spots.append(
                    ProblemSpot(
                        rule: .pingPong,
                        detail: "„\(graph.nodes[first.from].name)“ (\(name(a))) → „\(graph.nodes[first.to].name)“ "
                            + "(\(name(b))) → „\(graph.nodes[second.to].name)“ (\(name(a)))",
                        links: [
                            .step(graph.nodes[first.to], of: process), .step(graph.nodes[first.from], of: process),
                            .step(graph.nodes[second.to], of: process),
                        ]))
            }
        }

        // Too many desks.
        let desks = Set(
            graph.nodes.indices.filter { graph.nodes[$0].kind == .step && visits[$0] > 0 }.compactMap { performers[$0] }
        )
        if desks.count > settings.maxDesks {
            spots.append(
                ProblemSpot(
                    rule: .tooManyDesks,
                    detail: "\(desks.count) Stationen (Schwellenwert \(settings.maxDesks)): "
                        + desks.sorted().map(displayName).joined(separator: ", "),
                    links: [.process(process)]))
        }

        // Media breaks, one spot per pair of steps.
        for transition in transitions {
            guard let from = graph.nodes[transition.from].step?.medium,
                let to = graph.nodes[transition.to].step?.medium,
                from != to
            else { continue }
            spots.append(
                ProblemSpot(
                    rule: .mediaBreak,
                    detail:
                        "„\(graph.nodes[transition.from].name)“ (\(from.label)) → „\(graph.nodes[transition.to].name)“ "
                        + "(\(to.label)), \(GermanFormat.decimal(transition.perCase)) × je Fall",
                    links: [
                        .step(graph.nodes[transition.to], of: process),
                        .step(graph.nodes[transition.from], of: process),
                    ]))
        }

        if process.ownerUnitID == nil {
            spots.append(
                ProblemSpot(rule: .processWithoutOwner, detail: "„\(process.name)“", links: [.process(process)]))
        }
        let serviceIDs = Set(map.services.map(\.id))
        if let owner = process.ownerUnitID, !organisation.knows(.unit(owner)) {
            spots.append(
                ProblemSpot(
                    rule: .unknownReference, detail: "Organisationseinheit „\(owner)“ gibt es nicht",
                    links: [.process(process)]))
        }
        for performer in Set(process.lanes.compactMap(\.performer) + process.steps.compactMap { $0.step?.performer })
            .sorted() where !organisation.knows(performer)
        {
            spots.append(
                ProblemSpot(
                    rule: .unknownReference, detail: "Zuordnung „\(performer)“ gibt es nicht",
                    links: [.process(process)]))
        }
        if let service = process.serviceID, !serviceIDs.contains(service) {
            spots.append(
                ProblemSpot(
                    rule: .unknownReference, detail: "Leistung „\(service)“ gibt es nicht", links: [.process(process)]))
        }
        return spots
    }

    // MARK: - Rules on single steps

    private func stepRules(
        _ process: ProcessModel, graph: ProcessGraph, visits: [Double], holders: [ID<Skill>: [SkillHolding]],
        applicationsOfUnit: [ID<OrgUnit>: ID<Application>], applicationNames: [ID<Application>: String]
    ) -> [ProblemSpot] {
        var spots: [ProblemSpot] = []
        var capturedIn: [ID<InformationObject>: [(ProcessNode, ID<Application>)]] = [:]
        let longWait = settings.longWaitDays * settings.hoursPerWorkingDay * 60
        for (index, node) in graph.nodes.enumerated() {
            let details = node.step ?? StepDetails()
            let link = ObjectLink.step(node, of: process)
            if details.waitingMinutes > longWait {
                let days = details.waitingMinutes / 60 / settings.hoursPerWorkingDay
                spots.append(
                    ProblemSpot(
                        rule: .longWait,
                        detail: "„\(node.name)“: \(GermanFormat.decimal(days)) Arbeitstage Liegezeit "
                            + "(Schwellenwert \(GermanFormat.decimal(settings.longWaitDays)))",
                        links: [link]))
            }
            guard node.kind == .step else { continue }
            let performer = process.performer(of: node)
            if performer == nil {
                spots.append(ProblemSpot(rule: .stepWithoutPerformer, detail: "„\(node.name)“", links: [link]))
            }
            let kinds = details.responsibilities.map(\.kind)
            if performer == nil && !kinds.contains(.responsible) {
                spots.append(ProblemSpot(rule: .missingResponsible, detail: "„\(node.name)“", links: [link]))
            }
            let accountables = details.responsibilities.filter { $0.kind == .accountable }.map(\.performer)
            if accountables.count > 1 {
                spots.append(
                    ProblemSpot(
                        rule: .severalAccountables,
                        detail: "„\(node.name)“: " + accountables.map(displayName).joined(separator: ", "),
                        links: [link]))
            }
            for requirement in details.requiredSkills {
                let able = (holders[requirement.skillID] ?? []).filter { $0.level >= requirement.level }
                guard able.count == 1 else { continue }
                let skill =
                    map.catalogue.skills.first { $0.id == requirement.skillID }?.name ?? requirement.skillID.rawValue
                spots.append(
                    ProblemSpot(
                        rule: .singlePointOfKnowledge,
                        detail: "„\(node.name)“ braucht „\(skill)“ – nur \(displayName(.position(able[0].positionID)))",
                        links: [
                            link, ObjectLink(kind: .skill, id: requirement.skillID.rawValue, name: skill),
                            ObjectLink(
                                kind: .position, id: able[0].positionID.rawValue,
                                name: displayName(.position(able[0].positionID))),
                        ]))
            }
            if details.medium == .paper, visits[index] > 0, let unit = performer.flatMap(organisation.unit(of:)),
                let application = applicationsOfUnit[unit]
            {
                let name = applicationNames[application] ?? application.rawValue
                spots.append(
                    ProblemSpot(
                        rule: .paperDespiteApplication,
                        detail: "„\(node.name)“ auf Papier; \(displayName(.unit(unit))) nutzt „\(name)“",
                        links: [link, ObjectLink(kind: .application, id: application.rawValue, name: name)]))
            }
            // Captured = taken in by a step that works in an application; what an application puts out is not
            // typed in, so outputs do not count.
            if let application = details.applicationIDs.first {
                for object in Set(details.inputIDs) {
                    capturedIn[object, default: []].append((node, application))
                }
            }
        }
        // Double entry: the same information object goes into two different applications.
        for (object, entries) in capturedIn.sorted(by: { $0.key < $1.key }) {
            let applications = Set(entries.map(\.1))
            guard applications.count > 1 else { continue }
            let objectName = map.informationObjects.first { $0.id == object }?.name ?? object.rawValue
            spots.append(
                ProblemSpot(
                    rule: .doubleEntry,
                    detail: "„\(objectName)“ wird in "
                        + applications.sorted().map { "„\(applicationNames[$0] ?? $0.rawValue)“" }.joined(
                            separator: " und ")
                        + " erfasst",
                    links: entries.map { .step($0.0, of: process) }
                        + [ObjectLink(kind: .informationObject, id: object.rawValue, name: objectName)]))
        }
        return spots
    }

    // MARK: - Rules over the whole tenant

    private func tenantRules(_ processes: [ProcessModel], usage: FlowUsage) -> [ProblemSpot] {
        var spots: [ProblemSpot] = []
        let delivered = Set(processes.compactMap(\.serviceID))
        for service in map.services where !delivered.contains(service.id) {
            spots.append(
                ProblemSpot(
                    rule: .serviceWithoutProcess, detail: "„\(service.name)“ (LeiKa \(service.leikaKey.rawValue))",
                    links: [ObjectLink(kind: .service, id: service.id.rawValue, name: service.name)]))
        }
        let serviceNames = Dictionary(map.services.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        for flow in map.flows where !usage.uses(flow, organisation: organisation) {
            // Only flows of services that have processes: for the others "service without process" says it.
            guard let service = flow.serviceID, delivered.contains(service) else { continue }
            let object =
                flow.objectID.flatMap { id in map.informationObjects.first { $0.id == id }?.name } ?? "Information"
            spots.append(
                ProblemSpot(
                    rule: .unusedInformationFlow,
                    detail: "„\(object)“ von \(endpointName(flow.from)) an \(endpointName(flow.to)) "
                        + "(\(serviceNames[service] ?? service.rawValue))",
                    links: [ObjectLink(kind: .flow, id: flow.id.rawValue, name: object)]))
        }
        return spots
    }

    // MARK: - Helpers

    private func skillHolders() -> [ID<Skill>: [SkillHolding]] {
        Dictionary(grouping: map.catalogue.skillHoldings, by: \.skillID)
    }

    func displayName(_ performer: Performer) -> String { map.name(of: performer) }

    private func endpointName(_ endpoint: FlowEndpoint) -> String {
        switch endpoint {
        case .unit(let id): displayName(.unit(id))
        case .position(let id): displayName(.position(id))
        case .external(let id): map.externalParties.first { $0.id == id }?.name ?? id.rawValue
        }
    }
}
