import AmtswegCore
import AmtswegDemo
import AmtswegStore
import Foundation
import SQLKit
import Testing

/// Every save is a version; review steps follow the states; a save based on an older version is refused;
/// restoring makes a new draft equal to the old version; readers' processes are the released versions.
@Suite struct ProcessVersionTests {
    static let anna = Author(id: "account:anna", displayName: "Anna Berg")
    static let ben = Author(id: "account:ben", displayName: "Ben Kurz")

    /// A stored tenant (every process at version 1, released) and one of its processes.
    static func stored(_ store: StoreFixture) async throws -> (ID<Tenant>, ProcessRecord) {
        let map = Musterstadt.map()
        let records = Musterstadt.processRecords(for: map)
        try await store.repository.saveTenant(map, processes: records, by: .local)
        return (map.tenant.id, records.first { $0.id == "baugenehmigung-ist" }!)
    }

    /// The record with a changed name, in the record and in its BPMN: a change anyone would see.
    static func renamed(_ record: ProcessRecord, _ name: String) -> ProcessRecord {
        var changed = record
        changed.bpmn = record.bpmn.replacingOccurrences(of: "name=\"\(record.name)\"", with: "name=\"\(name)\"")
        changed.name = name
        return changed
    }

    @Test(arguments: StoreFixture.engines) func tenSavesAreTenVersionsAndRestoringMakesANewDraft(
        engine: StoreFixture.Engine
    ) async throws {
        try await StoreFixture.with(engine) { store in
            let (tenant, original) = try await Self.stored(store)
            var saved: [ProcessRecord] = []
            for number in 2...10 {
                let record = Self.renamed(original, "Baugenehmigung, Stand \(number)")
                let version = try await store.repository.saveProcess(
                    record, of: tenant, by: Self.anna, comment: "Stand \(number)", basedOn: number - 1)
                #expect(version.number == number)
                saved.append(record)
            }
            let versions = try await store.repository.versions(of: original.id, in: tenant)
            #expect(versions.map(\.number) == Array(1...10))
            #expect(versions.map(\.record) == [original] + saved)
            #expect(versions.dropFirst().allSatisfy { $0.author == Self.anna && $0.release == .draft })
            #expect(versions[4].comment == "Stand 5")
            #expect(versions[0].release == .released && versions[0].comment == "Import")
            #expect(try await store.repository.process(original.id, of: tenant) == saved.last)

            let restored = try await store.repository.restoreVersion(
                3, of: original.id, in: tenant, by: Self.ben, basedOn: 10)
            #expect(restored.number == 11 && restored.release == .draft)
            #expect(restored.record == versions[2].record)
            #expect(restored.comment == "Fassung 3 wiederhergestellt")
            #expect(try await store.repository.process(original.id, of: tenant) == versions[2].record)
            let status = try await store.repository.processStatuses(of: tenant)[original.id]
            #expect(status == ProcessStatus(head: 11, state: .draft, released: 1))
        }
    }

    @Test(arguments: StoreFixture.engines) func twoPeopleEditingOneDraftGetAConflictNotALostUpdate(
        engine: StoreFixture.Engine
    ) async throws {
        try await StoreFixture.with(engine) { store in
            let (tenant, original) = try await Self.stored(store)
            // Both open version 1; Anna saves first, Ben's save is based on what he saw.
            let annas = Self.renamed(original, "Annas Fassung")
            let bens = Self.renamed(original, "Bens Fassung")
            try await store.repository.saveProcess(annas, of: tenant, by: Self.anna, comment: "", basedOn: 1)
            let refused = await #expect(throws: StoreError.self) {
                try await store.repository.saveProcess(bens, of: tenant, by: Self.ben, comment: "", basedOn: 1)
            }
            guard case .version(.outdated(basedOn: 1, head: 2, by: "Anna Berg")) = refused else {
                Issue.record("expected an outdated-version refusal, got \(String(describing: refused))")
                return
            }
            #expect(refused?.description.hasPrefix("Der Prozess wurde inzwischen geändert") == true)
            #expect(try await store.repository.process(original.id, of: tenant) == annas, "Anna's change kept")
            #expect(try await store.repository.versions(of: original.id, in: tenant).count == 2)
            // A restore based on the old version is refused in the same way.
            await #expect(throws: StoreError.self) {
                try await store.repository.restoreVersion(1, of: original.id, in: tenant, by: Self.ben, basedOn: 1)
            }
        }
    }

    @Test(arguments: StoreFixture.engines) func reviewFollowsTheStatesAndReadersSeeTheReleasedVersion(
        engine: StoreFixture.Engine
    ) async throws {
        try await StoreFixture.with(engine) { store in
            let (tenant, original) = try await Self.stored(store)
            let draft = Self.renamed(original, "Baugenehmigung neu")
            try await store.repository.saveProcess(draft, of: tenant, by: Self.anna, comment: "neu", basedOn: nil)
            func released() async throws -> ProcessRecord? {
                try await store.repository.releasedProcesses(of: tenant).first { $0.record.id == original.id }?.record
            }
            #expect(try await released() == original, "the draft on top leaves version 1 released")

            // Releasing needs a review first; in review nothing is saved.
            await #expect(throws: StoreError.self) {
                try await store.repository.changeRelease(
                    .release, of: original.id, in: tenant, by: Self.ben, comment: "")
            }
            var status = try await store.repository.changeRelease(
                .submit, of: original.id, in: tenant, by: Self.anna, comment: "")
            #expect(status == ProcessStatus(head: 2, state: .inReview, released: 1))
            let inReview = await #expect(throws: StoreError.self) {
                try await store.repository.saveProcess(original, of: tenant, by: Self.anna, comment: "", basedOn: nil)
            }
            #expect(inReview?.description.hasPrefix("Der Prozess ist in Prüfung") == true)

            // Returned, changed, submitted again, released: version 1 is archived.
            status = try await store.repository.changeRelease(
                .returnToDraft, of: original.id, in: tenant, by: Self.ben, comment: "Bitte Frist ergänzen")
            #expect(status.state == .draft)
            let fixed = Self.renamed(original, "Baugenehmigung mit Frist")
            try await store.repository.saveProcess(fixed, of: tenant, by: Self.anna, comment: "Frist", basedOn: 2)
            try await store.repository.changeRelease(.submit, of: original.id, in: tenant, by: Self.anna, comment: "")
            status = try await store.repository.changeRelease(
                .release, of: original.id, in: tenant, by: Self.ben, comment: "")
            #expect(status == ProcessStatus(head: 3, state: .released, released: 3))
            #expect(try await released() == fixed)
            let versions = try await store.repository.versions(of: original.id, in: tenant)
            #expect(versions.map(\.release) == [.archived, .draft, .released])

            // Saving a released process starts a draft on top; archiving takes the release out of force.
            try await store.repository.saveProcess(original, of: tenant, by: Self.anna, comment: "", basedOn: 3)
            status = try await store.repository.changeRelease(
                .archive, of: original.id, in: tenant, by: Self.ben, comment: "")
            #expect(status == ProcessStatus(head: 4, state: .draft, released: nil))
            #expect(try await released() == nil)

            let log = try await store.repository.changes(of: tenant, limit: 20).map(\.action)
            #expect(
                log.prefix(8).reversed() == [
                    "saveProcess", "release:submit", "release:return", "saveProcess", "release:submit",
                    "release:release", "saveProcess", "release:archive",
                ])
        }
    }

    @Test(arguments: StoreFixture.engines) func deletingAProcessOrReplacingAllRemovesTheirVersions(
        engine: StoreFixture.Engine
    ) async throws {
        try await StoreFixture.with(engine) { store in
            let (tenant, original) = try await Self.stored(store)
            try await store.repository.saveProcess(
                Self.renamed(original, "Zwischenstand"), of: tenant, by: Self.anna, comment: "", basedOn: nil)
            try await store.repository.deleteProcess(original.id, of: tenant, by: Self.anna)
            await #expect(throws: StoreError.self) {
                try await store.repository.versions(of: original.id, in: tenant)
            }
            try await store.repository.replaceProcesses([original], of: tenant, by: Self.anna)
            let versions = try await store.repository.versions(of: original.id, in: tenant)
            #expect(versions.map(\.number) == [1] && versions[0].release == .released)
        }
    }

    @Test(arguments: StoreFixture.engines) func processesStoredBeforeVersionsBecomeTheirReleasedVersionOne(
        engine: StoreFixture.Engine
    ) async throws {
        try await StoreFixture.with(engine) { store in
            let (tenant, original) = try await Self.stored(store)
            let comment = try Comment.written(
                "Frist?", about: .process(original.id), by: Self.anna, at: StoreFixture.fixedNow, id: "c1")
            try await store.repository.addComment(comment, of: tenant)
            // The database as schema version 7 left it: processes, no versions, comments without one.
            try await store.engine.transaction { db in
                try await db.raw("DROP TABLE process_versions").run()
                try await db.raw("ALTER TABLE comments DROP COLUMN process_version").run()
                try await db.delete(from: "schema_migrations").where("version", .equal, 8).run()
            }
            let reopened = try await SQLMapRepository(engine: store.engine)
            let versions = try await reopened.versions(of: original.id, in: tenant)
            #expect(versions.count == 1)
            #expect(versions[0].record == original && versions[0].release == .released)
            #expect(try await reopened.comment("c1", of: tenant).processVersion == 1)
            #expect(
                try await reopened.releasedProcesses(of: tenant).count
                    == Musterstadt.processRecords(
                        for: Musterstadt.map()
                    ).count)
        }
    }
}
