extension TenantMap {
    /// Whether `unit` is `scope` or lies below it in the organisation tree: what Mitwirkende of `scope` may change.
    public func unit(_ unit: ID<OrgUnit>, isWithin scope: ID<OrgUnit>) -> Bool {
        let parents = Dictionary(units.map { ($0.id, $0.parentID) }, uniquingKeysWith: { first, _ in first })
        var current: ID<OrgUnit>? = unit
        var seen: Set<ID<OrgUnit>> = []
        while let id = current, seen.insert(id).inserted {
            if id == scope { return true }
            current = parents[id] ?? nil
        }
        return false
    }

    /// The units an information flow touches: each end's unit (a position counts for its unit).
    public func units(of flow: InformationFlow) -> [ID<OrgUnit>] {
        let index = MapIndex(self)
        return [index.unit(of: flow.from), index.unit(of: flow.to)].compactMap { $0 }
    }
}
