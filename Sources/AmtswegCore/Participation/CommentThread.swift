public import Foundation

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
        // The store gives them in this order already; sorted only when not (a page made anew after each comment
        // sorted all of a long discussion's comments again).
        let inOrder = zip(comments, comments.dropFirst()).allSatisfy { !Self.precedes($1, $0) }
        let ordered = inOrder ? comments : comments.sorted(by: Self.precedes)
        let firstIDs = Set(ordered.lazy.filter { $0.replyTo == nil }.map(\.id))
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
        // Open before resolved, otherwise as begun.
        return threads.filter { !$0.isResolved } + threads.filter(\.isResolved)
    }

    private static func precedes(_ a: Comment, _ b: Comment) -> Bool {
        (a.writtenAt, a.id) < (b.writtenAt, b.id)
    }

    /// When the thread was last written in or settled.
    public var lastActivity: Date {
        max(answers.last?.writtenAt ?? first.writtenAt, first.writtenAt, first.resolution?.at ?? .distantPast)
    }

    /// The threads about each subject.
    public static func bySubject(_ comments: [Comment]) -> [CommentSubject: [CommentThread]] {
        Dictionary(grouping: threads(comments), by: \.subject)
    }
}
