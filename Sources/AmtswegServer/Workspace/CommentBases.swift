import AmtswegCore
import Foundation

/// The comments last read per tenant and process, from which ``Workspace/comments(of:aboutProcess:)`` makes a
/// process's comments anew after a comment about it: only the comments not known yet are read, each with its place
/// among all, and the count of all, in one statement (``extended(_:reading:)``).
///
/// Sound because a change of the discussion about one process only ever adds comments to it (``StoreChange``):
/// a thread is settled or reopened by a change about no particular subject, and after such a change everything
/// kept here is forgotten. A list read before such a change is never kept afterwards — each is kept with the
/// count of those changes it was read under (`epoch`), and only while that count is still the same.
struct CommentBases: Sendable {
    private var epochs: [ID<Tenant>: Int] = [:]
    private var lists: [ID<Tenant>: [ID<ProcessModel>: [Comment]]] = [:]

    /// The count of changes to the tenant's discussion about no particular subject, and the comments last kept
    /// for the process.
    func base(of tenant: ID<Tenant>, _ process: ID<ProcessModel>) -> (epoch: Int, comments: [Comment]?) {
        (epochs[tenant, default: 0], lists[tenant]?[process])
    }

    /// Keeps the process's comments as read, unless a change about no particular subject came since `epoch`.
    mutating func keep(_ comments: [Comment], of tenant: ID<Tenant>, _ process: ID<ProcessModel>, epoch: Int) {
        guard epochs[tenant, default: 0] == epoch else { return }
        lists[tenant, default: [:]][process] = comments
    }

    /// A write changed the tenant's discussion about `subject`. About one subject (a comment on a process, a
    /// unit or an initiative, a vote on a proposal), it added to it and every list stays a base; about none (a
    /// thread settled or reopened, a whole tenant imported), any comment may have changed.
    mutating func changed(_ tenant: ID<Tenant>, about subject: String?) {
        guard subject == nil else { return }
        epochs[tenant, default: 0] += 1
        lists[tenant] = nil
    }

    /// `base` with the comments written since, in the store's order: `reading` reads the comments written at or
    /// after a time and not among the given ids, each with its place, and the count of all. `nil` when that does
    /// not add up (a comment of `base` is gone, or a new one was written before that time); then the caller reads
    /// them all. Nothing new is the common case, not a doubt: an instance hears of its own comment twice — from its
    /// own write, and again from the change feed, which every instance reads.
    ///
    /// Only the comments written in the ``recentWindow`` before the newest known one are named: a statement with
    /// every known id grew with the discussion, and so did the time the database took to plan it.
    static func extended(
        _ base: [Comment],
        reading: (_ since: Date, _ known: [ID<Comment>]) async throws -> (
            added: [(position: Int, comment: Comment)], total: Int
        )
    ) async throws -> [Comment]? {
        let since = (base.map(\.writtenAt).max() ?? .distantPast).addingTimeInterval(-recentWindow)
        let (added, total) = try await reading(since, base.filter { $0.writtenAt >= since }.map(\.id))
        guard base.count + added.count == total else { return nil }
        if added.isEmpty { return base }
        var places: [Comment?] = Array(repeating: nil, count: total)
        for (position, comment) in added {
            guard places.indices.contains(position), places[position] == nil else { return nil }
            places[position] = comment
        }
        // The known ones keep their order in the places left (as many as there are of them, by the count).
        var known = base.makeIterator()
        var merged: [Comment] = []
        merged.reserveCapacity(total)
        for place in places {
            guard let comment = place ?? known.next() else { return nil }
            merged.append(comment)
        }
        return merged
    }

    /// How long before the newest known comment a new one may have been written, in seconds: a comment takes its
    /// time (in whole seconds) as the request comes, and may be committed after a later one of another instance —
    /// waiting for its turn to write takes milliseconds, the clocks of instances kept by NTP differ by less. Should
    /// one come later still, the count tells, and all are read.
    static let recentWindow: TimeInterval = 10
}
