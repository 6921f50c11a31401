import AmtswegCore
import Synchronization

/// What follows from a snapshot's model alone, computed on first use and shared by every request that holds the
/// snapshot: the problem spots are asked for by the start page, the roadmap's plan, the optimisation pages and
/// the API, and finding them reads every process. A snapshot is never changed, so what is kept here stays true
/// for as long as the snapshot is kept, and is dropped with it.
final class SnapshotAnalysis: Sendable {
    private let spots = Mutex<[ProblemSpot]?>(nil)

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
