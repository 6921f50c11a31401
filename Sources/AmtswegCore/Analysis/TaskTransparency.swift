/// Question 7: does everyone know what colleagues in other units do?
///
/// From the workshop answers "unit X knows the tasks of unit Y": for each unit with tasks, the share of the
/// other answering units that know its tasks. Only units that answered count in the denominator, so that a
/// unit absent from the workshop does not make everyone else look unknown.
public struct TaskTransparency: Hashable, Sendable, Codable {
    public struct UnitCoverage: Hashable, Sendable, Codable {
        public var unit: UnitRef
        public var taskCount: Int
        public var knownBy: Int
        public var askedUnits: Int
        /// knownBy ÷ askedUnits, 0…1.
        public var coverage: Double
        /// Coverage below ``TaskTransparency/lowCoverageThreshold``.
        public var isLittleKnown: Bool
    }

    public static let title = "Aufgabentransparenz"
    public static let explanation =
        "Die Übersicht zeigt für jede Organisationseinheit, welcher Anteil der anderen befragten Einheiten weiß, welche Aufgaben sie erledigt."
    public static let lowCoverageThreshold = 0.3

    /// Number of units that gave workshop answers.
    public var respondingUnits: Int
    /// Mean coverage over the units listed.
    public var averageCoverage: Double
    /// Units with tasks, least known first.
    public var units: [UnitCoverage]

    public init(_ index: MapIndex) {
        let responders = Set(index.map.awareness.map(\.unitID))
        var knownBy: [ID<OrgUnit>: Set<ID<OrgUnit>>] = [:]
        for entry in index.map.awareness where entry.unitID != entry.knownUnitID {
            knownBy[entry.knownUnitID, default: []].insert(entry.unitID)
        }
        var tasksPerUnit: [ID<OrgUnit>: Int] = [:]
        for duty in index.map.duties { tasksPerUnit[duty.unitID, default: 0] += 1 }
        respondingUnits = responders.count
        let units = tasksPerUnit.map { unitID, taskCount in
            let asked = responders.subtracting([unitID]).count
            let known = knownBy[unitID]?.count ?? 0
            let coverage = asked == 0 ? 0 : Double(known) / Double(asked)
            return UnitCoverage(
                unit: UnitRef(unitID, in: index), taskCount: taskCount, knownBy: known, askedUnits: asked,
                coverage: coverage, isLittleKnown: asked > 0 && coverage < Self.lowCoverageThreshold)
        }.sorted { ($0.coverage, $0.unit.id) < ($1.coverage, $1.unit.id) }
        self.units = units
        averageCoverage = Statistics.mean(units.map(\.coverage))
    }
}
