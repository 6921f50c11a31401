import AmtswegCore
import AmtswegDemo
import AmtswegStore
import Foundation
import Testing

/// The organisation model's versions: every save that changes the organisation is a version (settings alone
/// are not); the review steps follow the states and a save in review is refused; readers' map is the released
/// version with the settings in force; the comparison says what changed, field by field; restoring makes a new
/// draft equal to the old version; an import starts anew.
@Suite struct MapVersionTests {
    static let anna = Author(id: "account:anna", displayName: "Anna Berg")
    static let ben = Author(id: "account:ben", displayName: "Ben Kurz")

    static func stored(_ store: StoreFixture) async throws -> TenantMap {
        let map = Musterstadt.map()
        try await store.repository.saveTenant(map, processes: Musterstadt.processRecords(for: map), by: .local)
        return try await store.repository.loadMap(of: map.tenant.id)
    }

    @Test(arguments: StoreFixture.engines) func savesAreVersionsReviewedReleasedComparedAndRestored(
        engine: StoreFixture.Engine
    ) async throws {
        try await StoreFixture.with(engine) { store in
            let original = try await Self.stored(store)
            let tenant = original.tenant.id
            let repository = store.repository
            #expect(try await repository.mapVersions(of: tenant).map(\.release) == [.released])
            // A renamed unit and a new task: two versions, drafts; readers still see the import.
            var renamed = original
            let unit = try #require(renamed.units.firstIndex { $0.id == "33" })
            renamed.units[unit].name = "Bürgerservice"
            try await repository.saveMap(renamed, by: Self.anna)
            var added = renamed
            added.duties.append(Duty(id: "neu-1", name: "Fundsachen verwahren", unitID: "33"))
            try await repository.saveMap(added, by: Self.ben)
            // Settings alone do not make a version.
            var settings = added
            settings.settings.hoursPerWorkingDay = 7.5
            try await repository.saveMap(settings, by: Self.ben)
            let versions = try await repository.mapVersions(of: tenant)
            #expect(versions.map(\.number) == [1, 2, 3] && versions.map(\.release) == [.released, .draft, .draft])
            #expect(versions[1].author == Self.anna && versions[2].author == Self.ben)
            let released = try #require(try await repository.releasedMap(of: tenant))
            #expect(released.units[unit].name == "Bürgerbüro" && !released.duties.contains { $0.id == "neu-1" })
            #expect(released.settings.hoursPerWorkingDay == 7.5, "the settings in force, not versioned")

            // The comparison in words, field by field.
            let delta = MapDelta(
                from: try await repository.map(version: 1, of: tenant),
                to: try await repository.map(version: 3, of: tenant))
            #expect(
                delta.changes.map(\.text).sorted() == [
                    "Aufgabe „Fundsachen verwahren (Bürgerservice)“ hinzugefügt",
                    "Organisationseinheit „Bürgerservice“: Name „Bürgerbüro“ → „Bürgerservice“",
                ])

            // Review: submitted, nothing saved meanwhile, released (the import's version is archived).
            try await repository.changeMapRelease(.submit, of: tenant, by: Self.ben, comment: "")
            var late = settings
            late.duties.append(Duty(id: "neu-2", name: "Zu spät", unitID: "33"))
            await #expect(throws: StoreError.self) { try await repository.saveMap(late, by: Self.anna) }
            await #expect(throws: StoreError.self) {
                try await repository.changeMapRelease(.submit, of: tenant, by: Self.ben, comment: "")
            }
            try await repository.changeMapRelease(.release, of: tenant, by: Self.ben, comment: "")
            #expect(
                try await repository.mapVersions(of: tenant).map(\.release) == [.archived, .draft, .released])
            #expect(try await repository.releasedMap(of: tenant)?.duties.contains { $0.id == "neu-1" } == true)

            // Restoring version 1: a new draft whose organisation equals it.
            let restored = try await repository.restoreMapVersion(1, of: tenant, by: Self.anna)
            #expect(restored.number == 4 && restored.release == .draft)
            let now = try await repository.loadMap(of: tenant)
            #expect(MapDelta(from: try await repository.map(version: 1, of: tenant), to: now).isEmpty)
            #expect(now.settings.hoursPerWorkingDay == 7.5)

            // An import starts anew.
            try await repository.saveTenant(original, processes: Musterstadt.processRecords(for: original), by: .local)
            #expect(try await repository.mapVersions(of: tenant).map(\.number) == [1])
        }
    }

    @Test(arguments: StoreFixture.engines) func anAcceptedWorkshopAnswerIsANewDraftOfTheOrganisation(
        engine: StoreFixture.Engine
    ) async throws {
        try await StoreFixture.with(engine) { store in
            let map = try await Self.stored(store)
            let tenant = map.tenant.id
            let round = WorkshopRound(
                id: "r", title: "Runde", unitIDs: ["33"], deadline: Day(year: 2030, month: 1, day: 1)!,
                openedOn: Day(year: 2026, month: 1, day: 1)!, openedBy: Self.anna)
            try await store.repository.openWorkshopRound(round, of: tenant)
            let answer = WorkshopAnswer(
                id: "a", roundID: "r", unitID: "33", question: .whoWithWhom,
                change: .duty(Duty(id: "w-1", name: "Beglaubigen", unitID: "33")), answeredBy: Self.ben,
                answeredAt: Date())
            try await store.repository.saveWorkshopAnswer(answer, of: tenant)
            try await store.repository.decideWorkshopAnswer("a", .accepted, of: tenant, by: Self.anna)
            let versions = try await store.repository.mapVersions(of: tenant)
            #expect(versions.count == 2 && versions[1].release == .draft && versions[1].author == Self.anna)
        }
    }
}
