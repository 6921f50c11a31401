import AmtswegCore
import AmtswegDemo
import AmtswegStore
import FIM
import Foundation
import Testing
import TestSupport

/// The OZG catalogue is replaced whole and a second identical import changes nothing; maturity assessments are
/// checked against their model and service, kept as a history, and each leaves one audit entry.
@Suite struct OZGRepositoryTests {
    static let model = MaturityModelReader.builtIn()

    static func demo(_ store: StoreFixture) async throws -> TenantMap {
        let map = Musterstadt.map()
        try await store.repository.saveTenant(map, processes: [], by: .local)
        return map
    }

    @Test(.enabled(if: Corpus.isAvailable, "corpus missing"), arguments: StoreFixture.engines)
    func theCorpusCatalogueImportsOnceAndASecondImportChangesNothing(engine: StoreFixture.Engine) async throws {
        let catalogue = try OZGCatalogueReader.read(
            directory: try #require(Corpus.file("catalogs/ozg")),
            snapshot: .init(source: "OZG-Umsetzungskatalog", asOf: Day("2019-12-20")))
        try await StoreFixture.with(engine) { store in
            let map = try await Self.demo(store)
            let first = try await store.repository.importOZGCatalogue(catalogue, into: map.tenant.id, by: .local)
            #expect(first.topics.added == 14 && first.situations.added == 55 && first.services.added == 557)
            #expect(first.entries.added == 5_249)
            let stored = try #require(try await store.repository.ozgCatalogue(of: map.tenant.id))
            #expect(stored == catalogue.sorted())
            let second = try await store.repository.importOZGCatalogue(catalogue, into: map.tenant.id, by: .local)
            #expect(second.isEmpty)
            let log = try await store.repository.changes(of: map.tenant.id, limit: 2)
            #expect(log.map(\.action) == ["importOZGCatalogue", "importOZGCatalogue"])
            #expect(log.first?.summary.hasSuffix("keine Änderungen") == true)
            let index = OZGIndex(stored)
            for service in map.services {
                #expect(index.placement(of: service.leikaKey)?.service != nil, "\(service.name)")
            }
        }
    }

    @Test(arguments: StoreFixture.engines) func aBrokenCatalogueIsRefusedAndNothingIsStored(engine: StoreFixture.Engine)
        async throws
    {
        try await StoreFixture.with(engine) { store in
            let map = try await Self.demo(store)
            let broken = OZGCatalogue(
                snapshot: .init(source: "Test", asOf: nil), situations: [OZGSituation(id: 1, name: "Lage", topicID: 9)])
            await #expect(throws: StoreError.self) {
                try await store.repository.importOZGCatalogue(broken, into: map.tenant.id, by: .local)
            }
            #expect(try await store.repository.ozgCatalogue(of: map.tenant.id) == nil)
        }
    }

    static func assessment(_ service: ID<Service>, level: Int, on day: String) -> MaturityAssessment {
        MaturityAssessment(
            serviceID: service, modelVersion: "1.1",
            ratings: Dictionary(uniqueKeysWithValues: model.criteria.map { ($0.id, MaturityRating.level(level)) }),
            targetLevel: 4, assessedOn: Day(day)!, assessedBy: "Bürgerbüro, Sachgebietsleitung")
    }

    @Test(arguments: StoreFixture.engines) func assessmentsAreCheckedKeptAsHistoryAndAudited(
        engine: StoreFixture.Engine
    ) async throws {
        try await StoreFixture.with(engine) { store in
            let map = try await Self.demo(store)
            let tenant = map.tenant.id
            await #expect(throws: StoreError.self, "no model yet") {
                try await store.repository.recordMaturityAssessment(
                    Self.assessment("hundesteuer", level: 2, on: "2026-10-01"), of: tenant, by: .local)
            }
            try await store.repository.saveMaturityModel(Self.model, of: tenant, by: .local)
            #expect(try await store.repository.maturityModels(of: tenant) == [Self.model])

            var first = Self.assessment("hundesteuer", level: 2, on: "2026-10-01")
            first.ratings["bezahlung"] = .notNeeded
            try await store.repository.recordMaturityAssessment(first, of: tenant, by: .local)
            try await store.repository.recordMaturityAssessment(
                Self.assessment("hundesteuer", level: 3, on: "2026-11-15"), of: tenant, by: .local)
            let stored = try await store.repository.maturityAssessments(of: tenant)
            #expect(stored == [first, Self.assessment("hundesteuer", level: 3, on: "2026-11-15")])
            let log = try await store.repository.changes(of: tenant, limit: 1)
            #expect(log.first?.action == "recordMaturityAssessment" && log.first?.object == "service:hundesteuer")
            #expect(log.first?.summary.contains("„Hundesteuer“ bewertet: Stufe 3, Ziel Stufe 4") == true)

            await #expect(throws: StoreError.self, "unknown service") {
                try await store.repository.recordMaturityAssessment(
                    Self.assessment("gibt-es-nicht", level: 2, on: "2026-10-01"), of: tenant, by: .local)
            }
            var invalid = Self.assessment("reisepass", level: 2, on: "2026-10-01")
            invalid.ratings["status"] = nil
            do {
                try await store.repository.recordMaturityAssessment(invalid, of: tenant, by: .local)
                Issue.record("an unrated criterion was accepted")
            } catch StoreError.invalidData(_, let problems) {
                #expect(problems == ["Kriterium „Statusinformation“ ist nicht bewertet"])
            }
            #expect(try await store.repository.maturityAssessments(of: tenant).count == 2)

            // A new form of the model that drops a criterion in use is refused; one that only renames is not.
            var narrowed = Self.model
            narrowed.criteria.removeLast()
            await #expect(throws: StoreError.self) {
                try await store.repository.saveMaturityModel(narrowed, of: tenant, by: .local)
            }
            var renamed = Self.model
            renamed.levels[2].name = "Formularassistent"
            try await store.repository.saveMaturityModel(renamed, of: tenant, by: .local)
            #expect(try await store.repository.maturityModels(of: tenant) == [renamed])
        }
    }

    @Test(arguments: StoreFixture.engines) func deletingTheTenantDeletesItsOZGData(engine: StoreFixture.Engine)
        async throws
    {
        try await StoreFixture.with(engine) { store in
            let map = try await Self.demo(store)
            try await store.repository.saveMaturityModel(Self.model, of: map.tenant.id, by: .local)
            try await store.repository.recordMaturityAssessment(
                Self.assessment("reisepass", level: 1, on: "2026-10-01"), of: map.tenant.id, by: .local)
            try await store.repository.deleteTenant(map.tenant.id, by: .local)
            try await store.repository.saveTenant(map, processes: [], by: .local)
            #expect(try await store.repository.maturityAssessments(of: map.tenant.id).isEmpty)
            #expect(try await store.repository.maturityModels(of: map.tenant.id).isEmpty)
        }
    }
}
