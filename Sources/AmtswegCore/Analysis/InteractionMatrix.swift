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
        var totals: [UnitPair: (count: Int, volume: Int)] = [:]
        for flow in index.map.flows {
            guard let from = index.unit(of: flow.from), let to = index.unit(of: flow.to) else { continue }
            totals[UnitPair(from: from, to: to), default: (0, 0)].count += 1
            totals[UnitPair(from: from, to: to), default: (0, 0)].volume += flow.frequencyPerYear
        }
        cells = totals.map { Cell(from: $0.key.from, to: $0.key.to, flowCount: $0.value.count, volumePerYear: $0.value.volume) }
            .sorted { ($0.from, $0.to) < ($1.from, $1.to) }
        units = Set(cells.flatMap { [$0.from, $0.to] }).map { UnitRef($0, in: index) }.sorted()
    }

    /// The cell for a pair, if there is any flow between them in that direction.
    public func cell(from: ID<OrgUnit>, to: ID<OrgUnit>) -> Cell? {
        cells.first { $0.from == from && $0.to == to }
    }
}

struct UnitPair: Hashable {
    var from: ID<OrgUnit>
    var to: ID<OrgUnit>
}
