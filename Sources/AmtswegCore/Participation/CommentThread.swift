/// A comment with its answers, as shown beside the thing it is about.
public struct CommentThread: Hashable, Sendable {
    public var first: Comment
    /// Oldest first.
    public var answers: [Comment]

    public var subject: CommentSubject { first.subject }
    public var isResolved: Bool { first.isResolved }
    public var comments: [Comment] { [first] + answers }

    /// The comments as threads, each subject's threads in the order they were begun, open ones before resolved
    /// ones. An answer whose first comment is missing (deleted with a tenant's import) opens a thread of its own
    /// rather than being lost.
    public static func threads(_ comments: [Comment]) -> [CommentThread] {
        let ordered = comments.sorted { ($0.writtenAt, $0.id) < ($1.writtenAt, $1.id) }
        let firstIDs = Set(ordered.filter { $0.replyTo == nil }.map(\.id))
        var threads: [CommentThread] = []
        var index: [ID<Comment>: Int] = [:]
        for comment in ordered {
            if let answered = comment.replyTo, firstIDs.contains(answered), let position = index[answered] {
                threads[position].answers.append(comment)
            } else {
                index[comment.id] = threads.count
                threads.append(CommentThread(first: comment, answers: []))
            }
        }
        // Stable: open before resolved, otherwise as begun.
        return threads.enumerated().sorted { a, b in
            (a.element.isResolved ? 1 : 0, a.offset) < (b.element.isResolved ? 1 : 0, b.offset)
        }.map(\.element)
    }

    /// The threads about each subject.
    public static func bySubject(_ comments: [Comment]) -> [CommentSubject: [CommentThread]] {
        Dictionary(grouping: threads(comments), by: \.subject)
    }
}
