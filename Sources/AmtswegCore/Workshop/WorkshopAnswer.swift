public import Foundation

/// One thing a unit said in a workshop round, as the change it would make to the map — so the facilitator
/// decides on each by itself: accept, accept as edited, or reject. "Nothing to add" is an answer too (no change):
/// it says the unit confirmed what is recorded.
public struct WorkshopAnswer: Hashable, Sendable, Codable {
    /// What the answer would change in the map.
    public enum Change: Hashable, Sendable, Codable {
        /// "Which tasks does your unit have?"
        case duty(Duty)
        /// "Which information does it need from whom, and give to whom?" (with channel and medium)
        case flow(InformationFlow)
        /// "Where do requests arrive?"
        case entryPoint(EntryPoint)
        /// "Which other units' tasks does it know?"
        case awareness(UnitAwareness)
        /// "Where are responsibilities unclear, what goes wrong at interfaces?"
        case finding(WorkshopFinding)
        /// The unit confirmed what is recorded for the question.
        case confirmed
    }

    /// The facilitator's decision on one answer.
    public enum Decision: Hashable, Sendable, Codable {
        case accepted
        /// Accepted as the facilitator corrected it.
        case edited(Change)
        case rejected(reason: String)
    }

    public var id: ID<WorkshopAnswer>
    public var roundID: ID<WorkshopRound>
    public var unitID: ID<OrgUnit>
    public var question: IstQuestion
    public var change: Change
    public var answeredBy: Author
    public var answeredAt: Date
    public var decision: Decision?
    public var decidedBy: Author?

    public init(
        id: ID<WorkshopAnswer>, roundID: ID<WorkshopRound>, unitID: ID<OrgUnit>, question: IstQuestion,
        change: Change, answeredBy: Author, answeredAt: Date, decision: Decision? = nil, decidedBy: Author? = nil
    ) {
        self.id = id
        self.roundID = roundID
        self.unitID = unitID
        self.question = question
        self.change = change
        self.answeredBy = answeredBy
        self.answeredAt = answeredAt
        self.decision = decision
        self.decidedBy = decidedBy
    }

    public var isRejected: Bool {
        if case .rejected = decision { true } else { false }
    }

    /// The change that lands in the map once decided: the answer's own when accepted, the corrected one when
    /// edited, none when rejected or not yet decided.
    public var mergedChange: Change? {
        switch decision {
        case .accepted: change
        case .edited(let corrected): corrected
        case .rejected, nil: nil
        }
    }
}

extension TenantMap {
    /// The map with the accepted and edited answers' changes in it, in the order given; rejected and undecided
    /// answers change nothing, and a change already in the map (same id, or the same awareness) is not added twice.
    public func merging(_ answers: [WorkshopAnswer]) -> TenantMap {
        var map = self
        for answer in answers {
            switch answer.mergedChange {
            case .duty(let duty):
                if !map.duties.contains(where: { $0.id == duty.id }) { map.duties.append(duty) }
            case .flow(let flow):
                if !map.flows.contains(where: { $0.id == flow.id }) { map.flows.append(flow) }
            case .entryPoint(let entry):
                if !map.entryPoints.contains(where: { $0.id == entry.id }) { map.entryPoints.append(entry) }
            case .awareness(let awareness):
                if !map.awareness.contains(awareness) { map.awareness.append(awareness) }
            case .finding(let finding):
                if !map.findings.contains(where: { $0.id == finding.id }) { map.findings.append(finding) }
            case .confirmed, nil: break
            }
        }
        return map
    }
}
