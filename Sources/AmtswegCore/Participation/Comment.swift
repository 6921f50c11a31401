public import Foundation

/// A remark or question of a person on something of the tenant — a process, a step, a problem spot, an
/// initiative, a flow or a unit — or an answer to one. Plain text (``PlainText``), at most
/// ``maximumLength`` characters.
///
/// Threads are one level deep, as people discuss in a meeting: an answer answers the thread's first comment
/// (``replyTo``), and it is the first comment that is resolved or reopened for the whole thread.
public struct Comment: Hashable, Sendable, Codable {
    public static let maximumLength = 4_000

    /// Who settled a thread, and when.
    public struct Resolution: Hashable, Sendable, Codable {
        public var by: Author
        public var at: Date

        public init(by: Author, at: Date) {
            self.by = by
            self.at = at
        }
    }

    public var id: ID<Comment>
    public var subject: CommentSubject
    /// The thread's first comment, for an answer.
    public var replyTo: ID<Comment>?
    public var author: Author
    public var text: String
    public var writtenAt: Date
    public var mentions: [Mention]
    /// Set while the thread is settled; only on a thread's first comment.
    public var resolution: Resolution?
    /// For a comment on a process or one of its steps: the process's version it was written on (set by the
    /// store when it is added). Readers see only the comments on the released version.
    public var processVersion: Int?

    public init(
        id: ID<Comment>, subject: CommentSubject, replyTo: ID<Comment>? = nil, author: Author, text: String,
        writtenAt: Date, mentions: [Mention] = [], resolution: Resolution? = nil, processVersion: Int? = nil
    ) {
        self.id = id
        self.subject = subject
        self.replyTo = replyTo
        self.author = author
        self.text = text
        self.writtenAt = writtenAt
        self.mentions = mentions
        self.resolution = resolution
        self.processVersion = processVersion
    }

    /// A new comment from what a person typed: the text checked (``PlainText/checked(_:limit:)``), an answer
    /// attached to the first comment of the thread it answers, about the same subject.
    public static func written(
        _ text: String, about subject: CommentSubject, answering answered: Comment? = nil, by author: Author,
        at date: Date, id: ID<Comment>, mentions: [Mention] = []
    ) throws(PlainText.Problem) -> Comment {
        Comment(
            id: id, subject: answered?.subject ?? subject, replyTo: answered.map { $0.replyTo ?? $0.id },
            author: author, text: try PlainText.checked(text, limit: maximumLength), writtenAt: date,
            mentions: mentions.uniqued())
    }

    public var isResolved: Bool { resolution != nil }
}

extension Array where Element: Hashable {
    /// The elements in their order, each once.
    fileprivate func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
