import AmtswegCore
import AmtswegDemo
import AmtswegStore
import Foundation
import Testing

@Suite struct EventLogRepositoryTests {
    static let author = Author(id: "test", displayName: "Testlauf")
    static let tenant = Musterstadt.tenantID

    static func record(_ id: ID<EventLogRecord>, content: Data = Data([0x1F, 0x8B, 0, 1, 2, 0xFF])) -> EventLogRecord {
        EventLogRecord(
            id: id, name: "Quittungen", fileName: "receipt.csv", uploadedAt: Date(timeIntervalSince1970: 1_780_000_000),
            uploadedBy: author, caseCount: 1434, eventCount: 8577, isPseudonymised: true, processID: "gewerbe-ist",
            resourceUnits: ["R-1a2b": "Ordnungsamt", "R-3c4d": "Stadtkasse"], xesGzip: content)
    }

    @Test(arguments: StoreFixture.engines) func savesListsLoadsAndDeletesWithTheContentIntact(
        engine: StoreFixture.Engine
    ) async throws {
        try await StoreFixture.with(engine) { store in
            let repository = store.repository
            try await repository.saveMap(Musterstadt.map(), by: Self.author)
            let bytes = Data((0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
            try await repository.saveEventLog(Self.record("log-1", content: bytes), of: Self.tenant, by: Self.author)
            let listed = try await repository.eventLogs(of: Self.tenant)
            #expect(listed.map(\.id) == ["log-1"])
            #expect(listed[0].xesGzip.isEmpty, "lists do not carry the content")
            #expect(listed[0].caseCount == 1434 && listed[0].isPseudonymised && listed[0].processID == "gewerbe-ist")
            let loaded = try await repository.eventLog("log-1", of: Self.tenant)
            #expect(loaded == Self.record("log-1", content: bytes), "every byte and fact comes back")
            try await repository.deleteEventLog("log-1", of: Self.tenant, by: Self.author)
            await #expect(throws: StoreError.self) { try await repository.eventLog("log-1", of: Self.tenant) }
            #expect(
                try await repository.changes(of: Self.tenant, limit: 2).map(\.action) == [
                    "deleteEventLog", "saveEventLog",
                ])
        }
    }

    @Test(arguments: StoreFixture.engines) func logsBelongToTheirTenantAndGoWithIt(engine: StoreFixture.Engine)
        async throws
    {
        try await StoreFixture.with(engine) { store in
            let repository = store.repository
            await #expect(throws: StoreError.self) {
                try await repository.saveEventLog(Self.record("log-1"), of: Self.tenant, by: Self.author)
            }
            try await repository.saveMap(Musterstadt.map(), by: Self.author)
            try await repository.saveEventLog(Self.record("log-1"), of: Self.tenant, by: Self.author)
            #expect(try await repository.eventLogs(of: "andere-kommune").isEmpty)
            try await repository.deleteTenant(Self.tenant, by: Self.author)
            try await repository.saveMap(Musterstadt.map(), by: Self.author)
            #expect(try await repository.eventLogs(of: Self.tenant).isEmpty)
        }
    }

    @Test(arguments: StoreFixture.engines) func aConfirmedStepMappingIsStoredWithTheLogAndAudited(
        engine: StoreFixture.Engine
    ) async throws {
        try await StoreFixture.with(engine) { store in
            let repository = store.repository
            try await repository.saveMap(Musterstadt.map(), by: Self.author)
            try await repository.saveEventLog(Self.record("log-1"), of: Self.tenant, by: Self.author)
            #expect(try await repository.eventLog("log-1", of: Self.tenant).stepMapping == nil, "not confirmed yet")
            let mapping = ["Anzeige erfassen": "erfassen", "Gebühr buchen": "gebuehr"]
            try await repository.confirmStepMapping(
                mapping, ofLog: "log-1", of: Self.tenant, summary: "Zuordnung bestätigt", by: Self.author)
            #expect(try await repository.eventLog("log-1", of: Self.tenant).stepMapping == mapping)
            #expect(try await repository.eventLogs(of: Self.tenant).first?.stepMapping == mapping, "lists carry it")
            let change = try await repository.changes(of: Self.tenant, limit: 1).first
            #expect(change?.action == "confirmStepMapping" && change?.object == "eventLog:log-1")
            // Another tenant's log, or one that does not exist, is not found and nothing is logged.
            await #expect(throws: StoreError.self) {
                try await repository.confirmStepMapping(
                    mapping, ofLog: "log-2", of: Self.tenant, summary: "x", by: Self.author)
            }
            #expect(try await repository.changes(of: Self.tenant, limit: 1).first?.summary == "Zuordnung bestätigt")
            // Confirming "no step at all" is a choice too, distinct from "not confirmed".
            try await repository.confirmStepMapping(
                [:], ofLog: "log-1", of: Self.tenant, summary: "leer", by: Self.author)
            #expect(try await repository.eventLog("log-1", of: Self.tenant).stepMapping == [:])
        }
    }
}
