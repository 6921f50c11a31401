public import AmtswegCore
public import Foundation

/// The storage of comments: one tenant's, beside its map and processes. Every write leaves one entry in the
/// change log naming the person, what they did and what it was about.
public protocol CommentRepository: Sendable {
    /// All comments of a tenant, oldest first.
    func comments(of tenant: ID<Tenant>) async throws -> [Comment]

    /// The comments on one process and on its steps, oldest first: what the process's page shows.
    func comments(of tenant: ID<Tenant>, aboutProcess process: ID<ProcessModel>) async throws -> [Comment]

    /// The comments on one process and its steps written at or after `since` that are not among `known`, each with
    /// its place (from 0) in the order ``comments(of:aboutProcess:)`` gives, and how many the process and its steps
    /// have in all — in one read: a reader that keeps a process's comments reads in full only those it does not
    /// know yet (under load the comments of a busy process were read again after every new one). `known` need
    /// name only those written since `since`, so the statement stays short however long the discussion: a new
    /// comment written before it is not among the answer, which the count of all then tells.
    func comments(
        of tenant: ID<Tenant>, aboutProcess process: ID<ProcessModel>, writtenSince since: Date,
        besides known: [ID<Comment>]
    ) async throws -> (added: [(position: Int, comment: Comment)], total: Int)

    /// One comment. Throws ``StoreError/notFound(kind:id:)``.
    func comment(_ id: ID<Comment>, of tenant: ID<Tenant>) async throws -> Comment

    /// Adds a comment of an existing tenant (its author and time are the comment's). An id already taken is
    /// refused (``StoreError/conflict(_:)``), never overwritten.
    func addComment(_ comment: Comment, of tenant: ID<Tenant>) async throws

    /// Settles a thread (`resolution` set) or reopens it (`nil`); the thread is named by its first comment.
    func setResolution(
        _ resolution: Comment.Resolution?, ofComment id: ID<Comment>, in tenant: ID<Tenant>, by author: Author
    ) async throws
}
