import AmtswegCore
import AmtswegDemo
import AmtswegInterchange
@testable import AmtswegStore
import Foundation
import Testing

/// A whole store moves between engines unchanged: every table's digest equal, the tenant's export byte for byte
/// the same, and a target that is not empty is refused with nothing written.
@Suite struct StoreCopyTests {
    static func fill(_ store: StoreFixture) async throws -> ID<Tenant> {
        let map = Musterstadt.map()
        let roadmap = Musterstadt.roadmap(for: map)
        try await store.repository.saveTenant(map, processes: Musterstadt.processRecords(for: map), by: .local)
        try await store.repository.saveRoadmap(
            roadmap, of: map.tenant.id, change: RoadmapRepositoryTests.change, by: .local)
        return map.tenant.id
    }

    static func export(_ repository: SQLMapRepository, _ tenant: ID<Tenant>) async throws -> Data {
        try TenantDocument.encode(try await repository.loadMap(of: tenant))
    }

    /// A table of several pages is copied whole, page after page by its key: ids that the engines' collations
    /// order differently (capitals, umlauts, digits) still make each page begin where the last ended.
    @Test(arguments: StoreFixture.engines) func aTableOfManyPagesIsCopiedWhole(engine: StoreFixture.Engine)
        async throws
    {
        try await StoreFixture.with(.sqlite) { source in
            let tenant = try await Self.fill(source)
            let prefixes = ["a", "B", "ä", "Z", "0", "z-", "Ö"]
            let count = StoreCopy.pageSize * 2 + 57
            for n in 0..<count {
                try await source.repository.addComment(
                    try Comment.written(
                        "Kommentar \(n)", about: .process("baugenehmigung-ist"), by: .local,
                        at: Date(timeIntervalSince1970: 1_796_000_000 + Double(n % 5)),
                        id: ID("\(prefixes[n % prefixes.count])\(n)")),
                    of: tenant)
            }
            let before = try await StoreCopy.digests(of: source.engine)
            try await StoreFixture.with(engine) { middle in
                let there = try await StoreCopy.copy(from: source.engine, to: middle.engine)
                #expect(there.tables.first { $0.name == "comments" }?.rows ?? 0 >= count)
                try await StoreFixture.with(.sqlite) { back in
                    _ = try await StoreCopy.copy(from: middle.engine, to: back.engine)
                    #expect(try await StoreCopy.digests(of: back.engine).map(\.digest) == before.map(\.digest))
                    #expect(
                        try await back.repository.comments(of: tenant).map(\.id)
                            == source.repository.comments(of: tenant).map(\.id))
                }
            }
        }
    }

    /// SQLite → the engine under test → SQLite: the digests of all tables and the export stay the same.
    @Test(arguments: StoreFixture.engines) func aStoreCopiedThereAndBackIsUnchanged(engine: StoreFixture.Engine)
        async throws
    {
        try await StoreFixture.with(.sqlite) { source in
            let tenant = try await Self.fill(source)
            let before = try await StoreCopy.digests(of: source.engine)
            try await StoreFixture.with(engine) { middle in
                let there = try await StoreCopy.copy(from: source.engine, to: middle.engine)
                #expect(
                    Dictionary(uniqueKeysWithValues: there.tables.map { ($0.name, $0.digest) })
                        == Dictionary(uniqueKeysWithValues: before.map { ($0.name, $0.digest) }))
                #expect(there.rows > 500, "the demo fills many rows: \(there.rows)")
                try await StoreFixture.with(.sqlite) { back in
                    _ = try await StoreCopy.copy(from: middle.engine, to: back.engine)
                    #expect(try await StoreCopy.digests(of: back.engine).map(\.digest) == before.map(\.digest))
                    #expect(
                        try await Self.export(back.repository, tenant) == Self.export(source.repository, tenant))
                    let roadmap = try await source.repository.loadRoadmap(of: tenant)
                    #expect(try await back.repository.loadRoadmap(of: tenant) == roadmap)
                }
                // Generated ids (the audit log's sequence) continue after the copied rows.
                for store in [middle] {
                    try await store.repository.audit(
                        ChangeRecord(
                            tenantID: tenant, at: Date(), author: .local, action: "copied",
                            summary: "nach dem Kopieren",
                            object: "tenant:\(tenant)"))
                }
            }
        }
    }

    @Test(arguments: StoreFixture.engines) func aTargetThatHoldsDataIsRefusedAndKeepsIt(engine: StoreFixture.Engine)
        async throws
    {
        try await StoreFixture.with(.sqlite) { source in
            _ = try await Self.fill(source)
            try await StoreFixture.with(engine) { target in
                var other = Musterstadt.map()
                other.tenant = Tenant(id: "andere-kommune", name: "Andere Kommune", ags: "09999999", population: 1000)
                try await target.repository.saveMap(other, by: .local)
                let before = try await StoreCopy.digests(of: target.engine)
                let error = await #expect(throws: StoreError.self) {
                    try await StoreCopy.copy(from: source.engine, to: target.engine)
                }
                guard case .conflict(let message) = error else {
                    Issue.record("expected a conflict, got \(String(describing: error))")
                    return
                }
                #expect(message.contains("nicht leer"))
                #expect(try await StoreCopy.digests(of: target.engine).map(\.digest) == before.map(\.digest))
            }
        }
    }
}
