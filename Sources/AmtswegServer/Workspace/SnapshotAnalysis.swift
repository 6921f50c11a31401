import AmtswegCore
import Synchronization

/// What follows from a snapshot's model alone, computed on first use and shared by every request that holds the
/// snapshot: the problem spots are asked for by the start page, the roadmap's plan, the optimisation pages and
/// the API, and finding them reads every process; a process's report by its page, its API answer and the
/// overviews. A snapshot is never changed, so what is kept here stays true for as long as the snapshot is kept,
/// and is dropped with it — also when a write elsewhere (a comment) makes the pages that show them stale.
final class SnapshotAnalysis: Sendable {
    private let spots = Mutex<[ProblemSpot]?>(nil)
    private let reports = Mutex<[ID<ProcessModel>: ProcessReport]>([:])

    /// The kept report of the process, or `make()`'s answer kept.
    func report(of process: ID<ProcessModel>, _ make: () -> ProcessReport) -> ProcessReport {
        if let kept = reports.withLock({ $0[process] }) { return kept }
        let made = make()
        return reports.withLock { reports in
            if let kept = reports[process] { return kept }
            reports[process] = made
            return made
        }
    }

    /// The kept spots, or `find()`'s answer kept. Two requests arriving together may both find them; the first
    /// answer is kept (both are the same).
    func problemSpots(_ find: () -> [ProblemSpot]) -> [ProblemSpot] {
        if let kept = spots.withLock({ $0 }) { return kept }
        let found = find()
        return spots.withLock { kept in
            if let kept { return kept }
            kept = found
            return found
        }
    }
}
