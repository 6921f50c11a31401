public import AmtswegStore
import AmtswegCore
import AmtswegDemo

/// Writes the demo municipality Musterstadt — map, processes, roadmap and its earlier measurement points — into
/// a store. `amtsweg serve --demo` and `amtsweg demo` both use it, so both show the same town.
public enum DemoLoader {
    public static func write(into store: any Store) async throws {
        let map = Musterstadt.map()
        try await store.saveTenant(map, processes: Musterstadt.processRecords(for: map), by: .local)
        let roadmap = Musterstadt.roadmap(for: map)
        try await store.saveRoadmap(
            roadmap, of: map.tenant.id,
            change: MapChange(action: "saveRoadmap", object: "roadmap", summary: "Fahrplan der Demo-Kommune angelegt"),
            by: .local)
        let history = Musterstadt.measurementHistory(for: roadmap, map: map)
        for day in Set(history.map(\.day)).sorted() {
            _ = try await store.recordMeasurements(
                history.filter { $0.day == day }, of: map.tenant.id, day: day, force: true, by: .local)
        }
    }
}
