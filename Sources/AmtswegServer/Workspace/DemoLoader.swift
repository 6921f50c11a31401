public import AmtswegStore
public import AmtswegCore
import AmtswegDemo

/// Writes the demo municipality Musterstadt — map, processes, roadmap and its earlier measurement points — into
/// a store. `amtsweg serve --demo` and `amtsweg demo` both use it, so both show the same town.
public enum DemoLoader {
    public static func write(into store: any Store) async throws {
        try await store.saveTenant(contents(), by: .local)
    }

    /// Musterstadt whole, in one piece, so it lands in one transaction.
    public static func contents() -> TenantContents {
        let map = Musterstadt.map()
        let roadmap = Musterstadt.roadmap(for: map)
        return TenantContents(
            map: map, processes: Musterstadt.processRecords(for: map), roadmap: roadmap,
            measurements: Musterstadt.measurementHistory(for: roadmap, map: map))
    }
}
