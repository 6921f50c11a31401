/// Two units of a round disagree about an information flow between them: one says it sends (or needs) an
/// information object to (or from) the other, and the other — having answered the question on information
/// flows — lists no such flow. It becomes one finding naming both units, so the workshop talks about it.
public struct WorkshopContradiction: Hashable, Sendable {
    /// The unit that named the flow.
    public var claimingUnit: ID<OrgUnit>
    /// The unit that does not list it.
    public var silentUnit: ID<OrgUnit>
    public var flow: InformationFlow
    public var answerID: ID<WorkshopAnswer>

    /// The contradictions among a round's answers. Only flows between two units of the round count, and only
    /// when the other unit answered question 2 at all (otherwise it has merely not answered yet). A flow the
    /// other unit lists between the same two units (either direction named by the same object) agrees.
    public static func find(in answers: [WorkshopAnswer], round: WorkshopRound, map: TenantMap) -> [Self] {
        let mine = answers.filter { $0.roundID == round.id && !$0.isRejected }
        let members = Set(round.unitIDs)
        func unit(_ endpoint: FlowEndpoint) -> ID<OrgUnit>? {
            switch endpoint {
            case .unit(let id): id
            case .position(let id): map.positions.first { $0.id == id }?.unitID
            case .external: nil
            }
        }
        let answeredFlows = Set(mine.filter { $0.question == .informationNeeds }.map(\.unitID))
        var flowsByUnit: [ID<OrgUnit>: [InformationFlow]] = [:]
        for answer in mine {
            if case .flow(let flow) = answer.change { flowsByUnit[answer.unitID, default: []].append(flow) }
        }
        var found: [Self] = []
        for answer in mine {
            guard case .flow(let flow) = answer.change, let from = unit(flow.from), let to = unit(flow.to),
                from != to
            else { continue }
            let other = from == answer.unitID ? to : from
            guard members.contains(other), answeredFlows.contains(other) else { continue }
            let agrees = (flowsByUnit[other] ?? []).contains { theirs in
                let ends = Set([unit(theirs.from), unit(theirs.to)].compactMap { $0 })
                return ends == [from, to] && (theirs.objectID == nil || theirs.objectID == flow.objectID)
            }
            if !agrees {
                found.append(.init(claimingUnit: answer.unitID, silentUnit: other, flow: flow, answerID: answer.id))
            }
        }
        return found
    }

    /// The finding that records it, naming both units (question 3: internal interfaces), from `round`.
    public func finding(id: ID<WorkshopFinding>, map: TenantMap, round: ID<WorkshopRound>, on day: Day)
        -> WorkshopFinding
    {
        func name(_ id: ID<OrgUnit>) -> String { map.units.first { $0.id == id }?.name ?? id.rawValue }
        let object =
            flow.objectID.flatMap { id in map.informationObjects.first { $0.id == id }?.name }
            ?? "Informationen"
        return WorkshopFinding(
            id: id, question: .internalInterfaces,
            text: "Widerspruch: \(name(claimingUnit)) nennt „\(object)“ zwischen \(name(claimingUnit)) und "
                + "\(name(silentUnit)); \(name(silentUnit)) führt diesen Austausch nicht auf.",
            author: "Workshop-Runde", recordedOn: day, unitID: claimingUnit, roundID: round)
    }
}
