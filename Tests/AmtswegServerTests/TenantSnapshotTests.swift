import AmtswegCore
import AmtswegDemo
import Testing

@testable import AmtswegServer

/// A snapshot made after a write takes over from the one before it what it read from records that did not change,
/// and reads anew what did.
@Suite struct TenantSnapshotTests {
    @Test func aNewSnapshotReadsOnlyTheRecordsThatChanged() throws {
        let map = Musterstadt.map()
        let records = Musterstadt.processRecords(for: map)
        try #require(records.count >= 3)
        let before = TenantSnapshot(map: map, records: records)
        var changed = records
        changed[0].name = "Umbenannt"
        changed[1].bpmn = "<kein BPMN"
        let after = TenantSnapshot(map: map, records: changed, previous: before)
        // Exactly what a snapshot made from scratch gives: the renamed one renamed, the broken one unreadable.
        let fresh = TenantSnapshot(map: map, records: changed)
        #expect(after.processes == fresh.processes)
        #expect(after.unreadable == fresh.unreadable)
        #expect(after.unreadable == [records[1].id])
        #expect(after.processes.first { $0.id == records[0].id }?.name == "Umbenannt")
        #expect(
            after.processes.first { $0.id == records[2].id } == before.processes.first { $0.id == records[2].id })
        // And back: the record read again once it can be read.
        let repaired = TenantSnapshot(map: map, records: records, previous: after)
        #expect(repaired.processes == before.processes)
        #expect(repaired.unreadable.isEmpty)
    }
}
