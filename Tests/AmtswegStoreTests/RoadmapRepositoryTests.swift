import AmtswegCore
import AmtswegDemo
import AmtswegInterchange
import AmtswegStore
import Testing

/// The roadmap lands whole or not at all, comes back as it was saved, and measurement runs are one per day.
@Suite struct RoadmapRepositoryTests {
    static let change = MapChange(action: "saveRoadmap", object: "roadmap", summary: "Fahrplan gespeichert")

    static func demo(_ store: StoreFixture) async throws -> (TenantMap, Roadmap) {
        let map = Musterstadt.map()
        try await store.repository.saveTenant(map, processes: Musterstadt.processRecords(for: map), by: .local)
        return (map, Musterstadt.roadmap(for: map))
    }

    @Test(arguments: StoreFixture.engines) func savesAndLoadsTheWholeRoadmap(engine: StoreFixture.Engine) async throws {
        try await StoreFixture.with(engine) { store in
            let (map, roadmap) = try await Self.demo(store)
            #expect(try await store.repository.loadRoadmap(of: map.tenant.id) == Roadmap(), "empty before saving")
            try await store.repository.saveRoadmap(roadmap, of: map.tenant.id, change: Self.change, by: .local)
            let loaded = try await store.repository.loadRoadmap(of: map.tenant.id)
            #expect(loaded == roadmap.sorted())
            #expect(loaded.initiatives.count >= 12 && loaded.goals.count >= 4 && loaded.fields.count == 4)
            #expect(
                loaded.initiatives.contains { !$0.notes.isEmpty }
                    && loaded.initiatives.contains { !$0.dependencies.isEmpty })
            #expect(loaded.capacities.contains { !$0.exceptions.isEmpty })
            let log = try await store.repository.changes(of: map.tenant.id, limit: 1)
            #expect(log.first?.action == "saveRoadmap" && log.first?.object == "roadmap")
        }
    }

    @Test(arguments: StoreFixture.engines) func anInvalidRoadmapNamesEveryProblemAndChangesNothing(
        engine: StoreFixture.Engine
    ) async throws {
        try await StoreFixture.with(engine) { store in
            let (map, roadmap) = try await Self.demo(store)
            try await store.repository.saveRoadmap(roadmap, of: map.tenant.id, change: Self.change, by: .local)
            var broken = roadmap
            broken.initiatives[0].goalIDs.append("gibt-es-nicht")
            broken.initiatives[1].efforts.append(.init(unitID: "33", personDays: -5))
            broken.initiatives[2].fixedStart = nil
            broken.initiatives[2].earliestStart = Quarter(year: 2030, number: 1)
            broken.initiatives[2].deadline = Day(year: 2029, month: 1, day: 1)
            broken.initiatives[3].dependencies.append(broken.initiatives[4].id)
            broken.initiatives[4].dependencies.append(broken.initiatives[3].id)
            do {
                try await store.repository.saveRoadmap(broken, of: map.tenant.id, change: Self.change, by: .local)
                Issue.record("an invalid roadmap must be refused")
            } catch StoreError.invalidRoadmap(let problems) {
                #expect(problems.count == 4, "\(problems)")
                #expect(problems.contains { $0.contains("Das Ziel „gibt-es-nicht“ gibt es nicht") })
                #expect(problems.contains { $0.contains("Der Aufwand muss 0 oder mehr Personentage sein, nicht -5") })
                #expect(problems.contains { $0.contains("Die Frist 2029-01-01 liegt vor dem Beginn Q1/2030") })
                #expect(problems.contains { $0.contains("Die Abhängigkeiten bilden einen Kreis") })
            }
            #expect(try await store.repository.loadRoadmap(of: map.tenant.id) == roadmap.sorted(), "nothing written")
        }
    }

    @Test(arguments: StoreFixture.engines) func oneMeasurementRunPerDayUnlessForced(engine: StoreFixture.Engine)
        async throws
    {
        try await StoreFixture.with(engine) { store in
            let (map, roadmap) = try await Self.demo(store)
            let tenant = map.tenant.id
            let day = Day(year: 2027, month: 1, day: 15)!
            let first = [IndicatorMeasurement(indicatorKey: roadmap.goals[0].indicator.key, day: day, value: 30)]
            #expect(
                try await store.repository.recordMeasurements(first, of: tenant, day: day, force: false, by: .local))
            let second = [IndicatorMeasurement(indicatorKey: roadmap.goals[0].indicator.key, day: day, value: 31)]
            #expect(
                !(try await store.repository.recordMeasurements(second, of: tenant, day: day, force: false, by: .local))
            )
            #expect(try await store.repository.measurements(of: tenant).map(\.value) == [30])
            #expect(
                try await store.repository.recordMeasurements(second, of: tenant, day: day, force: true, by: .local))
            #expect(try await store.repository.measurements(of: tenant).map(\.value) == [31])
            let log = try await store.repository.changes(of: tenant, limit: 5).filter {
                $0.action == "recordMeasurements"
            }
            #expect(log.count == 2)
        }
    }

    @Test(arguments: StoreFixture.engines) func deletingTheTenantDeletesItsRoadmap(engine: StoreFixture.Engine)
        async throws
    {
        try await StoreFixture.with(engine) { store in
            let (map, roadmap) = try await Self.demo(store)
            try await store.repository.saveRoadmap(roadmap, of: map.tenant.id, change: Self.change, by: .local)
            try await store.repository.deleteTenant(map.tenant.id, by: .local)
            try await store.repository.saveTenant(map, processes: [], by: .local)
            #expect(try await store.repository.loadRoadmap(of: map.tenant.id) == Roadmap())
            #expect(try await store.repository.measurements(of: map.tenant.id).isEmpty)
        }
    }

    static func demoContents() -> TenantContents {
        let map = Musterstadt.map()
        let roadmap = Musterstadt.roadmap(for: map)
        return TenantContents(
            map: map, processes: Musterstadt.processRecords(for: map), roadmap: roadmap,
            measurements: Musterstadt.measurementHistory(for: roadmap, map: map))
    }

    /// A whole tenant moves with its roadmap and measurement points: store → document → another store →
    /// document gives the same bytes, and nothing of the roadmap is left behind.
    @Test(arguments: StoreFixture.engines) func aWholeTenantMovesWithItsRoadmap(engine: StoreFixture.Engine)
        async throws
    {
        let contents = Self.demoContents()
        #expect(contents.measurements.count >= 3 * contents.roadmap.goals.count - 2, "the demo's history")
        try await StoreFixture.with(engine) { first in
            try await first.repository.saveTenant(contents, by: .local)
            let tenant = contents.map.tenant.id
            let exported = try TenantDocument.encode(
                TenantContents(
                    map: try await first.repository.loadMap(of: tenant),
                    processes: try await first.repository.processes(of: tenant),
                    roadmap: try await first.repository.loadRoadmap(of: tenant),
                    measurements: try await first.repository.measurements(of: tenant)))
            #expect(exported == (try TenantDocument.encode(contents)))
            let read = try TenantDocument.decodeContents(exported, file: "musterstadt.json")
            #expect(read.roadmap == contents.roadmap.sorted())
            #expect(Set(read.measurements) == Set(contents.measurements))
            try await StoreFixture.with(engine) { second in
                try await second.repository.saveTenant(read, by: .local)
                #expect(try await second.repository.loadRoadmap(of: tenant) == contents.roadmap.sorted())
                #expect(Set(try await second.repository.measurements(of: tenant)) == Set(contents.measurements))
            }
        }
    }

    /// An import whose roadmap does not fit its own map stores nothing — not even the map.
    @Test(arguments: StoreFixture.engines) func anImportWithABrokenRoadmapStoresNothing(engine: StoreFixture.Engine)
        async throws
    {
        try await StoreFixture.with(engine) { store in
            let contents = Self.demoContents()
            try await store.repository.saveTenant(contents, by: .local)
            var broken = contents
            broken.map.units[0].name = "Neuer Name"
            broken.roadmap.initiatives[0].ownerUnitID = "gibt-es-nicht"
            broken.measurements.append(broken.measurements[0])
            await #expect {
                try await store.repository.saveTenant(broken, by: .local)
            } throws: { error in
                guard case .invalidRoadmap(let problems) = error as? StoreError else { return false }
                return problems.count == 2 && problems.contains { $0.contains("gibt-es-nicht") }
                    && problems.contains { $0.contains("steht doppelt da") }
            }
            let tenant = contents.map.tenant.id
            #expect(try await store.repository.loadMap(of: tenant) == contents.map.sorted())
            #expect(try await store.repository.loadRoadmap(of: tenant) == contents.roadmap.sorted())
            #expect(try await store.repository.measurements(of: tenant).count == contents.measurements.count)
        }
    }
}
