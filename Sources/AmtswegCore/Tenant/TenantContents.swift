/// Everything a tenant holds that moves with it: the map, the processes (each as BPMN text), the roadmap and the
/// measurement points of its indicators. An import of a whole tenant replaces all four at once; an export writes
/// all four, so that moving a tenant loses nothing.
public struct TenantContents: Hashable, Sendable {
    public var map: TenantMap
    public var processes: [ProcessRecord]
    public var roadmap: Roadmap
    public var measurements: [IndicatorMeasurement]

    public init(
        map: TenantMap, processes: [ProcessRecord] = [], roadmap: Roadmap = Roadmap(),
        measurements: [IndicatorMeasurement] = []
    ) {
        self.map = map
        self.processes = processes
        self.roadmap = roadmap
        self.measurements = measurements
    }

    /// The same contents in canonical order, so that exports are stable.
    public func sorted() -> TenantContents {
        TenantContents(
            map: map.sorted(), processes: processes.sorted { $0.id < $1.id }, roadmap: roadmap.sorted(),
            measurements: measurements.sorted { ($0.day, $0.indicatorKey) < ($1.day, $1.indicatorKey) })
    }
}
