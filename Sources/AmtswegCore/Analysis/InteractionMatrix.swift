/// Question 1 as a matrix: how many flows, and how much volume per year, go from each unit to each other unit.
///
/// Positions count for their unit; flows to or from outside the administration are not part of the matrix
/// (they are interfaces, see ``InterfaceOverview``). The matrix is stored sparsely: only pairs with flows.
public struct InteractionMatrix: Hashable, Sendable, Codable {
    public struct Cell: Hashable, Sendable, Codable {
        public var from: ID<OrgUnit>
        public var to: ID<OrgUnit>
        public var flowCount: Int
        public var volumePerYear: Int
    }

    public static let title = "Interaktionsmatrix"
    public static let explanation =
        "Die Matrix zeigt, wie viele Informationsflüsse (und wie viele Vorgänge im Jahr) von jeder Organisationseinheit zu jeder anderen gehen."

    /// The units that send or receive at least one internal flow, in id order.
    public var units: [UnitRef]
    /// Pairs with at least one flow, ordered by sender and receiver.
    public var cells: [Cell]

    public init(_ index: MapIndex) {
        let unitCount = index.unitIDs.count
        var totals: [Int: (count: Int, volume: Int)] = [:]  // key: from × unit count + to
        for (flow, ends) in zip(index.map.flows, index.flowEnds) where ends.from >= 0 && ends.to >= 0 {
            totals[ends.from * unitCount + ends.to, default: (0, 0)].count += 1
            totals[ends.from * unitCount + ends.to, default: (0, 0)].volume += flow.frequencyPerYear
        }
        // Keys in numeric order are pairs in id order: units are numbered by id.
        cells = totals.keys.sorted().map { key in
            Cell(
                from: index.unitIDs[key / unitCount], to: index.unitIDs[key % unitCount],
                flowCount: totals[key]!.count, volumePerYear: totals[key]!.volume)
        }
        units = Set(cells.flatMap { [$0.from, $0.to] }).map { UnitRef($0, in: index) }.sorted()
    }

    /// The cell for a pair, if there is any flow between them in that direction.
    public func cell(from: ID<OrgUnit>, to: ID<OrgUnit>) -> Cell? {
        cells.first { $0.from == from && $0.to == to }
    }
}
