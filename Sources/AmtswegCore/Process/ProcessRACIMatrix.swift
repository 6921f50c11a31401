/// The RACI matrix of a process: one row per step, one column per performer named anywhere in the steps'
/// responsibilities or as a step's performer, the letters in the cells. A step's performer counts as
/// Responsible unless the step names its R explicitly.
public struct ProcessRACIMatrix: Hashable, Sendable, Codable {
    public struct Row: Hashable, Sendable, Codable {
        public var stepID: String
        public var stepName: String
        /// Letters per column, in column order ("" where none), e.g. "R", "A", "RA".
        public var cells: [String]
        /// Exactly one A and at least one R.
        public var isComplete: Bool
    }

    public var columns: [Performer]
    public var columnNames: [String]
    public var rows: [Row]

    public init(process: ProcessModel, map: TenantMap) {
        var letters: [[Performer: Set<Responsibility.Kind>]] = []
        var columns = Set<Performer>()
        for step in process.steps {
            var cell: [Performer: Set<Responsibility.Kind>] = [:]
            let responsibilities = step.step?.responsibilities ?? []
            for responsibility in responsibilities {
                cell[responsibility.performer, default: []].insert(responsibility.kind)
            }
            if !responsibilities.contains(where: { $0.kind == .responsible }),
                let performer = process.performer(of: step)
            {
                cell[performer, default: []].insert(.responsible)
            }
            columns.formUnion(cell.keys)
            letters.append(cell)
        }
        let ordered = columns.sorted()
        self.columns = ordered
        columnNames = ordered.map(map.name(of:))
        rows = zip(process.steps, letters).map { step, cell in
            let kinds = cell.values.flatMap { $0 }
            return Row(
                stepID: step.id, stepName: step.name,
                cells: ordered.map { column in
                    Responsibility.Kind.allCases.filter { cell[column]?.contains($0) == true }.map(\.rawValue).joined()
                },
                isComplete: kinds.filter { $0 == .accountable }.count == 1 && kinds.contains(.responsible))
        }
    }
}
