/// Answers the questions process figures ask of the organisation: which unit a performer belongs to, which
/// positions a role has.
public struct OrganisationLookup: Sendable {
    let unitOfPosition: [ID<Position>: ID<OrgUnit>]
    let positionsOfRole: [ID<Role>: [ID<Position>]]
    let units: Set<ID<OrgUnit>>

    public init(_ map: TenantMap) {
        units = Set(map.units.map(\.id))
        unitOfPosition = Dictionary(map.positions.map { ($0.id, $0.unitID) }, uniquingKeysWith: { a, _ in a })
        positionsOfRole = Dictionary(map.roles.map { ($0.id, $0.positionIDs) }, uniquingKeysWith: { a, _ in a })
    }

    /// Whether the position, role or unit exists in the organisation.
    public func knows(_ performer: Performer) -> Bool {
        switch performer {
        case .position(let id): unitOfPosition[id] != nil
        case .role(let id): positionsOfRole[id] != nil
        case .unit(let id): units.contains(id)
        }
    }

    /// The performer's unit; for a role, the unit all its positions share (`nil` if they sit in several).
    public func unit(of performer: Performer) -> ID<OrgUnit>? {
        switch performer {
        case .position(let id): return unitOfPosition[id]
        case .unit(let id): return id
        case .role(let id):
            let units = Set((positionsOfRole[id] ?? []).compactMap { unitOfPosition[$0] })
            return units.count == 1 ? units.first : nil
        }
    }

    /// How a performer's work divides over units: a role's work evenly over its positions' units.
    public func unitShares(of performer: Performer) -> [(ID<OrgUnit>, Double)] {
        guard case .role(let id) = performer else { return unit(of: performer).map { [($0, 1)] } ?? [] }
        let units = (positionsOfRole[id] ?? []).compactMap { unitOfPosition[$0] }
        return Dictionary(units.map { ($0, 1.0 / Double(units.count)) }, uniquingKeysWith: +)
            .sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// How a performer's work divides over positions (a unit performer has none).
    public func positionShares(of performer: Performer) -> [(ID<Position>, Double)] {
        switch performer {
        case .position(let id): return [(id, 1)]
        case .unit: return []
        case .role(let id):
            let positions = positionsOfRole[id] ?? []
            return positions.map { ($0, 1.0 / Double(positions.count)) }
        }
    }
}
