public import AmtswegCore

/// What a write changes, as far as a server's memory is concerned. A tenant's data is split into a few areas so
/// that a write in one (a vote, the roadmap's vision) does not throw away what was computed from the others (the
/// processes read and parsed, their pages).
public enum StoreChangeKind: String, CaseIterable, Sendable {
    /// The organisation map and the processes with their versions and review states: what a snapshot holds.
    case model
    /// The roadmap (goals, fields of action, initiatives, weights, capacities) and its measurements.
    case roadmap
    /// The roadmap's vision alone: a statement the whole house agrees on and rewrites often while it does, shown on
    /// the roadmap's pages only — kept apart so that rewriting it computes neither the plan nor any other page anew.
    case vision
    /// Comments, improvement proposals and votes.
    case discussion
    /// The rest of a tenant's data: event logs, workshops, OZG, FIM, settings of steps and figures.
    case data
    /// Accounts, memberships, sessions and tokens (kept sign-ins).
    case accounts

    /// Every area of a tenant's data: what a write changes unless it says otherwise.
    public static let tenantData: Set<StoreChangeKind> = [.model, .roadmap, .vision, .discussion, .data]
}

/// One entry of the store's change feed: a committed write changed `kind` — of one tenant's data, or of all
/// when `tenant` is nil — and, when `subject` is given, only what concerns that subject ("process:baugenehmigung"
/// for a comment on one of its steps). Server instances read the entries after the last one they saw to drop what
/// they keep from those areas (``StoreChangeFeed``).
public struct StoreChange: Hashable, Sendable {
    /// The entry's place in the feed; grows with every committed write.
    public var sequence: Int
    public var kind: StoreChangeKind
    public var tenant: ID<Tenant>?
    public var subject: String?

    public init(sequence: Int, kind: StoreChangeKind, tenant: ID<Tenant>? = nil, subject: String? = nil) {
        self.sequence = sequence
        self.kind = kind
        self.tenant = tenant
        self.subject = subject
    }
}

/// Reads the store's change feed.
public protocol StoreChangeFeed: Sendable {
    /// The newest entry's sequence number; 0 while the feed is empty.
    func newestChange() async throws -> Int

    /// The entries after `sequence`, oldest first, at most `limit`. Entries are committed in sequence order (one
    /// writer at a time, ``SQLEngine``), so a reader that goes on from the last entry it saw misses none; an old
    /// entry may have been cleared away, which the reader sees as a gap.
    func changes(after sequence: Int, limit: Int) async throws -> [StoreChange]
}

extension StoreChange {
    /// The subject of what concerns one process: its page shows the comments on it and on each of its steps.
    /// A change of the discussion about a process only adds comments to it — readers keep what they read and read
    /// only what is new (``CommentRepository/comments(of:aboutProcess:besides:)``); a write that alters or removes
    /// comments names no subject.
    public static func subject(ofProcess process: ID<ProcessModel>) -> String { "process:\(process.rawValue)" }

    /// The subject of what concerns one improvement proposal (its votes, its decision).
    public static func subject(ofProposal proposal: ID<Proposal>) -> String { "proposal:\(proposal.rawValue)" }

    /// The subject a comment changes: its process for a comment on a process or one of its steps, the commented
    /// object itself otherwise.
    public static func subject(of comment: CommentSubject) -> String {
        comment.processID.map(subject(ofProcess:)) ?? comment.description
    }
}
