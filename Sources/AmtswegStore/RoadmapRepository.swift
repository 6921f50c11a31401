public import AmtswegCore

/// The storage of each tenant's roadmap and of the measurements of its indicators.
public protocol RoadmapRepository: Sendable {
    /// The tenant's roadmap; an empty one (standard weights) when none was saved yet.
    func loadRoadmap(of tenant: ID<Tenant>) async throws -> Roadmap

    /// Replaces the tenant's roadmap. Validates it against the stored map and processes first and throws
    /// ``StoreError/invalidRoadmap(_:)`` naming every problem, without writing anything.
    func saveRoadmap(_ roadmap: Roadmap, of tenant: ID<Tenant>, change: MapChange, by author: Author) async throws

    /// The tenant's vision alone (what ``loadRoadmap(of:)`` holds as its `vision`); `nil` when none is set.
    func loadVision(of tenant: ID<Tenant>) async throws -> Vision?

    /// Sets or removes the vision alone, checked against the stored workshop findings (the rest of the roadmap is
    /// neither read nor rewritten, so a concurrent change of goals or initiatives is not undone).
    func saveVision(_ vision: Vision?, of tenant: ID<Tenant>, change: MapChange, by author: Author) async throws

    /// All measurements of the tenant, oldest first.
    func measurements(of tenant: ID<Tenant>) async throws -> [IndicatorMeasurement]

    /// Records one measurement run. A day already measured is left as it is unless `force` replaces its values;
    /// returns whether anything was recorded.
    func recordMeasurements(
        _ measurements: [IndicatorMeasurement], of tenant: ID<Tenant>, day: Day, force: Bool, by author: Author
    ) async throws -> Bool
}
