import AmtswegCore
import AmtswegDemo
import AmtswegStore
import Foundation
import Testing

/// Every write records in the change feed the areas it changes (``StoreChange``) — and its tenant and subject
/// where it changes only what concerns them — and nothing more: what other server instances drop from memory
/// depends on it. A write that names too little would leave stale pages elsewhere; one that names too much only
/// costs time — these tests pin the narrow ones.
@Suite struct StoreChangesTests {
    static let vision = MapChange(action: "saveVision", object: "roadmap", summary: "Zielbild geändert")

    /// The feed's entries `write` added, as (kind, tenant, subject).
    static func recorded(in store: StoreFixture, by write: () async throws -> Void) async throws -> Set<String> {
        let before = try await store.repository.newestChange()
        try await write()
        let changes = try await store.repository.changes(after: before, limit: 100)
        #expect(changes.map(\.sequence) == Array((before + 1)..<(before + 1 + changes.count)), "no gaps")
        return Set(changes.map { "\($0.kind.rawValue) \($0.tenant?.rawValue ?? "*") \($0.subject ?? "*")" })
    }

    @Test(arguments: StoreFixture.engines) func eachWriteRecordsTheAreasItChanges(engine: StoreFixture.Engine)
        async throws
    {
        try await StoreFixture.with(engine) { store in
            let repository = store.repository
            let tenant = try await ProposalRepositoryTests.stored(store)
            let t = tenant.rawValue
            var map = try await repository.loadMap(of: tenant)
            map.units[0].name = "Umbenannt"
            #expect(
                try await Self.recorded(in: store) {
                    try await repository.saveMap(
                        map, change: MapChange(action: "renameUnit", object: "unit", summary: "umbenannt"), by: .local)
                } == ["data * *", "discussion * *", "model * *", "roadmap * *", "vision * *"],
                "a change of the model may change anything derived")
            #expect(
                try await Self.recorded(in: store) {
                    try await repository.saveVision(
                        Vision(statement: "Alles online"), of: tenant, change: Self.vision, by: .local)
                } == ["vision \(t) *"], "the vision alone: the plan and every other page stay")
            #expect(
                try await Self.recorded(in: store) {
                    try await repository.saveRoadmap(
                        try await repository.loadRoadmap(of: tenant), of: tenant, change: Self.vision, by: .local)
                } == ["roadmap \(t) *", "vision \(t) *"], "a whole roadmap holds its vision")
            #expect(
                try await Self.recorded(in: store) {
                    try await repository.addProposal(try ProposalRepositoryTests.proposal("v-1"), of: tenant)
                } == ["discussion \(t) proposal:v-1"])
            #expect(
                try await Self.recorded(in: store) {
                    _ = try await repository.toggleVote(
                        on: "v-1", by: "ben", of: tenant, author: ProposalRepositoryTests.ben)
                } == ["discussion \(t) proposal:v-1"])
            #expect(
                try await Self.recorded(in: store) {
                    try await repository.addComment(
                        Comment(
                            id: "c-1", subject: .step(process: "baugenehmigung-ist", step: "Eingang"),
                            author: ProposalRepositoryTests.anna, text: "Frage", writtenAt: StoreFixture.fixedNow),
                        of: tenant)
                } == ["discussion \(t) process:baugenehmigung-ist"], "a step's comment shows on its process's page")
            #expect(
                try await Self.recorded(in: store) {
                    try await repository.audit(
                        ChangeRecord(
                            tenantID: tenant, at: StoreFixture.fixedNow, author: .local, action: "export", summary: "",
                            object: "roadmap"))
                }.isEmpty, "the audit log is kept by no one")
        }
    }

    @Test(arguments: StoreFixture.engines) func theVisionAloneIsWrittenAndChecked(engine: StoreFixture.Engine)
        async throws
    {
        try await StoreFixture.with(engine) { store in
            let repository = store.repository
            let map = Musterstadt.map()
            try await repository.saveTenant(map, processes: Musterstadt.processRecords(for: map), by: .local)
            let tenant = map.tenant.id
            // No roadmap stored yet: an empty one with the vision.
            let first = Vision(statement: "Erste Fassung", agreedOn: Day(year: 2026, month: 3, day: 2))
            try await repository.saveVision(first, of: tenant, change: Self.vision, by: .local)
            #expect(try await repository.loadRoadmap(of: tenant) == Roadmap(vision: first))
            #expect(try await repository.loadVision(of: tenant) == first)
            // A whole roadmap saved since (as another instance would): setting the vision keeps its goals.
            var roadmap = Musterstadt.roadmap(for: map)
            try await repository.saveRoadmap(roadmap, of: tenant, change: Self.vision, by: .local)
            let finding = try #require(map.findings.first)
            let second = Vision(
                statement: "Zweite Fassung", agreedBy: "Verwaltungsvorstand", sourceFindingID: finding.id)
            try await repository.saveVision(second, of: tenant, change: Self.vision, by: .local)
            roadmap.vision = second
            #expect(try await repository.loadRoadmap(of: tenant) == roadmap.sorted())
            #expect(try await repository.loadVision(of: tenant) == second)
            #expect(try await repository.changes(of: tenant, limit: 1).first?.action == "saveVision")
            // Checked like the whole roadmap: nothing written when refused.
            for (vision, problem) in [
                (Vision(statement: "  "), "Das Zielbild hat keinen Text."),
                (Vision(statement: "x", sourceFindingID: "gibt-es-nicht"), "Den Workshop-Befund „gibt-es-nicht“"),
                (Vision(statement: String(repeating: "x", count: Roadmap.Limits.text + 1)), "länger als 20000"),
            ] {
                do {
                    try await repository.saveVision(vision, of: tenant, change: Self.vision, by: .local)
                    Issue.record("refused: \(problem)")
                } catch StoreError.invalidRoadmap(let problems) {
                    #expect(problems.count == 1 && problems[0].contains(problem), "\(problems)")
                }
            }
            #expect(try await repository.loadRoadmap(of: tenant).vision == second)
            try await repository.saveVision(nil, of: tenant, change: Self.vision, by: .local)
            roadmap.vision = nil
            #expect(try await repository.loadRoadmap(of: tenant) == roadmap.sorted(), "removed, the rest kept")
            // A tenant that does not exist is named, whatever the vision.
            for vision in [first, nil] {
                let unknown = await #expect(throws: StoreError.self) {
                    try await repository.saveVision(vision, of: "nirgendwo", change: Self.vision, by: .local)
                }
                #expect(unknown?.description == StoreError.notFound(kind: .tenant, id: "nirgendwo").description)
            }
        }
    }
}
