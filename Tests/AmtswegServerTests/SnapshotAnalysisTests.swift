import AmtswegCore
import Synchronization
import Testing

@testable import AmtswegServer

/// What follows from a snapshot alone is made once and then handed out as kept.
@Suite struct SnapshotAnalysisTests {
    @Test func reportsAndSpotsAreMadeOncePerSnapshot() {
        let analysis = SnapshotAnalysis()
        let made = Mutex(0)
        let report = ProcessReport(
            process: ProcessModel(id: "p", name: "P"),
            map: TenantMap(tenant: Tenant(id: "t", name: "T", ags: "00000000", population: 0)))
        for _ in 0..<3 {
            #expect(
                analysis.report(of: "p") {
                    made.withLock { $0 += 1 }
                    return report
                } == report)
            _ = analysis.problemSpots {
                made.withLock { $0 += 10 }
                return []
            }
        }
        #expect(made.withLock { $0 } == 11)
        _ = analysis.report(of: "q") {
            made.withLock { $0 += 1 }
            return report
        }
        #expect(made.withLock { $0 } == 12, "another process has its own report")
    }
}
