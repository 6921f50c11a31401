/// Question 6: are responsibilities and hand-overs clearly defined?
///
/// A task is complete when it has exactly one Accountable and at least one Responsible. A hand-over is a flow
/// between two different units inside the house; it has an owner on a side when that side names a position,
/// not just a unit.
public struct RACICompleteness: Hashable, Sendable, Codable {
    public enum Gap: String, Sendable, Codable, CaseIterable {
        case noAccountable, severalAccountables, noResponsible

        public var label: String {
            switch self {
            case .noAccountable: "keine verantwortliche Stelle (A)"
            case .severalAccountables: "mehrere verantwortliche Stellen (A)"
            case .noResponsible: "keine durchführende Stelle (R)"
            }
        }
    }

    public struct TaskGap: Hashable, Sendable, Codable {
        public var taskID: ID<Duty>
        public var taskName: String
        public var unit: UnitRef
        public var gaps: [Gap]
        public var accountableCount: Int
        public var responsibleCount: Int
    }

    public struct OwnerlessHandoff: Hashable, Sendable, Codable {
        public var flowID: ID<InformationFlow>
        public var from: String
        public var to: String
        public var informationObject: String?
        public var missingOwnerAtSender: Bool
        public var missingOwnerAtReceiver: Bool
    }

    public static let title = "Zuständigkeiten (RACI)"
    public static let explanation =
        "Die Prüfung zeigt Aufgaben ohne genau eine verantwortliche oder ohne durchführende Stelle und Übergaben zwischen Einheiten, bei denen auf einer Seite keine Stelle benannt ist."

    public var taskCount: Int
    public var completeTaskCount: Int
    /// Share of tasks with a complete RACI assignment.
    public var completeShare: Double
    public var taskGaps: [TaskGap]
    public var handoffCount: Int
    public var ownerlessHandoffs: [OwnerlessHandoff]

    public init(_ index: MapIndex) {
        var accountable: [ID<Duty>: Int] = [:]
        var responsible: [ID<Duty>: Int] = [:]
        for entry in index.map.responsibilities {
            switch entry.kind {
            case .accountable: accountable[entry.dutyID, default: 0] += 1
            case .responsible: responsible[entry.dutyID, default: 0] += 1
            case .consulted, .informed: break
            }
        }
        taskGaps = index.map.duties.compactMap { duty in
            let a = accountable[duty.id] ?? 0, r = responsible[duty.id] ?? 0
            var gaps: [Gap] = []
            if a == 0 { gaps.append(.noAccountable) }
            if a > 1 { gaps.append(.severalAccountables) }
            if r == 0 { gaps.append(.noResponsible) }
            guard !gaps.isEmpty else { return nil }
            return TaskGap(
                taskID: duty.id, taskName: duty.name, unit: UnitRef(duty.unitID, in: index), gaps: gaps,
                accountableCount: a, responsibleCount: r)
        }.sorted { $0.taskID < $1.taskID }
        taskCount = index.map.duties.count
        completeTaskCount = taskCount - taskGaps.count
        completeShare = taskCount == 0 ? 1 : Double(completeTaskCount) / Double(taskCount)

        var handoffs = 0
        var ownerless: [OwnerlessHandoff] = []
        for (flow, interfaceClass) in zip(index.map.flows, index.flowClasses) {
            guard interfaceClass == .betweenUnits else { continue }
            handoffs += 1
            let senderMissing: Bool = if case .unit = flow.from { true } else { false }
            let receiverMissing: Bool = if case .unit = flow.to { true } else { false }
            if senderMissing || receiverMissing {
                ownerless.append(
                    OwnerlessHandoff(
                        flowID: flow.id, from: index.name(of: flow.from), to: index.name(of: flow.to),
                        informationObject: index.objectName(flow.objectID),
                        missingOwnerAtSender: senderMissing, missingOwnerAtReceiver: receiverMissing))
            }
        }
        handoffCount = handoffs
        ownerlessHandoffs = ownerless.sorted { $0.flowID < $1.flowID }
    }
}
