public import AmtswegCore
import ProcessBPMN

extension Musterstadt {
    /// The demo processes as they are stored.
    public static func processRecords(for map: TenantMap) -> [ProcessRecord] {
        processes().map { ProcessRecord(captured: $0, map: map) }
    }
}
