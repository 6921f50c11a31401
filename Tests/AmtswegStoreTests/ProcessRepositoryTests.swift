import AmtswegCore
import AmtswegDemo
import AmtswegStore
import Foundation
import Testing

@Suite struct ProcessRepositoryTests {
    static let author = Author(id: "test", displayName: "Testlauf")
    static let tenant = Musterstadt.tenantID

    static func record(_ id: ID<ProcessModel>, name: String = "Gewerbeanmeldung") -> ProcessRecord {
        ProcessRecord(
            id: id, name: name, serviceID: "gewerbe", ownerUnitID: "32", state: .ist,
            bpmn: "<definitions id=\"\(id)\"/>")
    }

    @Test(arguments: StoreFixture.engines) func savesLoadsReplacesAndDeletes(engine: StoreFixture.Engine) async throws {
        try await StoreFixture.with(engine) { store in
            let repository = store.repository
            try await repository.saveMap(Musterstadt.map(), by: Self.author)
            try await repository.saveProcess(Self.record("b"), of: Self.tenant, by: Self.author)
            try await repository.saveProcess(Self.record("a"), of: Self.tenant, by: Self.author)
            #expect(try await repository.processes(of: Self.tenant).map(\.id) == ["a", "b"])

            var changed = Self.record("a", name: "Gewerbeanmeldung (Soll)")
            changed.state = .soll
            changed.istID = "b"
            try await repository.saveProcess(changed, of: Self.tenant, by: Self.author)
            #expect(try await repository.process("a", of: Self.tenant) == changed)

            // Replacing the map keeps the processes: they are an aggregate of their own.
            try await repository.saveMap(Musterstadt.map(), by: Self.author)
            #expect(try await repository.processes(of: Self.tenant).count == 2)

            try await repository.deleteProcess("b", of: Self.tenant, by: Self.author)
            #expect(try await repository.processes(of: Self.tenant) == [changed])
            await #expect(throws: StoreError.self) { try await repository.process("b", of: Self.tenant) }
            await #expect(throws: StoreError.self) {
                try await repository.deleteProcess("b", of: Self.tenant, by: Self.author)
            }
            let log = try await repository.changes(of: Self.tenant, limit: 1)
            #expect(log.first?.action == "deleteProcess")
        }
    }

    @Test(arguments: StoreFixture.engines) func aBadBatchChangesNothing(engine: StoreFixture.Engine) async throws {
        try await StoreFixture.with(engine) { store in
            let repository = store.repository
            try await repository.saveMap(Musterstadt.map(), by: Self.author)
            try await repository.replaceProcesses([Self.record("a")], of: Self.tenant, by: Self.author)
            await #expect(throws: StoreError.self) {
                try await repository.replaceProcesses(
                    [Self.record("x"), Self.record("x"), Self.record(" ")], of: Self.tenant, by: Self.author)
            }
            #expect(try await repository.processes(of: Self.tenant).map(\.id) == ["a"])
            await #expect(throws: StoreError.self) {
                try await repository.saveProcess(Self.record("a"), of: "nirgendwo", by: Self.author)
            }
        }
    }

    @Test(arguments: StoreFixture.engines) func deletingTheTenantDeletesItsProcesses(engine: StoreFixture.Engine)
        async throws
    {
        try await StoreFixture.with(engine) { store in
            let repository = store.repository
            try await repository.saveMap(Musterstadt.map(), by: Self.author)
            try await repository.saveProcess(Self.record("a"), of: Self.tenant, by: Self.author)
            try await repository.deleteTenant(Self.tenant, by: Self.author)
            try await repository.saveMap(Musterstadt.map(), by: Self.author)
            #expect(try await repository.processes(of: Self.tenant).isEmpty)
        }
    }

    @Test(arguments: StoreFixture.engines) func catalogueAndSettingsAreStored(engine: StoreFixture.Engine) async throws
    {
        try await StoreFixture.with(engine) { store in
            var map = Musterstadt.map()
            let unit = try #require(map.units.first).id
            let position = try #require(map.positions.first).id
            let object = try #require(map.informationObjects.first).id
            map.catalogue = EnrichCatalogue(
                applications: [
                    Application(
                        id: "ewo", name: "Einwohnerwesen", vendor: "Anbieter", standards: ["XMeld", "XPersonenstand"],
                        unitIDs: [unit])
                ],
                documents: [Document(id: "f1", name: "Antragsformular", kind: .form, informationObjectID: object)],
                legalBases: [
                    LegalBasis(
                        id: "bmg-17", law: "BMG", paragraph: "§ 17",
                        url: "https://www.gesetze-im-internet.de/bmg/__17.html")
                ],
                skills: [Skill(id: "melderecht", name: "Melderecht")],
                skillHoldings: [SkillHolding(positionID: position, skillID: "melderecht", level: .expert)],
                buildingBlocks: [
                    BuildingBlock(
                        key: "eigener-block", label: "Eigener Baustein", taskType: .manual, explanation: "Test")
                ])
            map.settings = ProcessSettings(netAnnualWorkingHours: 1_550, hourlyCost: 71.5, maxDesks: 4, longWaitDays: 3)
            map.services[0].casesPerYear = 1_234
            try await store.repository.saveMap(map, by: Self.author)
            #expect(try await store.repository.loadMap(of: map.tenant.id) == map.sorted())

            var broken = map
            broken.catalogue.skillHoldings.append(
                SkillHolding(positionID: "gibt-es-nicht", skillID: "melderecht", level: .basic))
            await #expect(throws: StoreError.self) { try await store.repository.saveMap(broken, by: Self.author) }
        }
    }
}
