import AmtswegCore
import Foundation

/// A thread as shown beside what it is about: each comment with its author, time and text — the text in
/// pieces, so the template escapes every piece and links only web addresses (``PlainText/pieces(_:)``) — and
/// the forms to answer, settle or reopen it for those who may.
struct CommentThreadView: Sendable {
    struct Entry: Sendable {
        var id: String
        var author: String
        var when: String
        var pieces: [Piece]
        var isAnswer: Bool
        /// Whom the comment names ("an Bürgerbüro, Kai Yilmaz"), so they find it on "Für mich".
        var mentions: String?
    }
    struct Piece: Sendable {
        var text: String
        var href: String?
    }

    var id: String
    var anchor: String
    var isResolved: Bool
    var resolvedNote: String?
    var entries: [Entry]
    /// Where the forms post; `nil` for those who may only read.
    var answerAction: String?
    var resolveAction: String?
    var reopenAction: String?

    /// Typed text for a template: each piece escaped there, only web addresses as links.
    static func pieces(_ text: String) -> [Piece] {
        PlainText.pieces(text).map {
            switch $0 {
            case .text(let text): Piece(text: text, href: nil)
            case .link(let address): Piece(text: address, href: address)
            }
        }
    }

    init(_ thread: CommentThread, answerAction: String?, names: [Mention: String] = [:]) {
        id = thread.first.id.rawValue
        anchor = "comment-" + id
        isResolved = thread.isResolved
        resolvedNote = thread.first.resolution.map {
            "Erledigt von \($0.by.displayName) am \(Display.dateTime($0.at))"
        }
        entries = thread.comments.map { comment in
            Entry(
                id: comment.id.rawValue, author: comment.author.displayName, when: Display.dateTime(comment.writtenAt),
                pieces: Self.pieces(comment.text), isAnswer: comment.replyTo != nil,
                mentions: comment.mentions.isEmpty
                    ? nil : "an " + comment.mentions.map { names[$0] ?? $0.description }.joined(separator: ", "))
        }
        self.answerAction = answerAction
        let mayWrite = answerAction != nil
        resolveAction = mayWrite && !thread.isResolved ? Paths.commentResolve(thread.first.id) : nil
        reopenAction = mayWrite && thread.isResolved ? Paths.commentReopen(thread.first.id) : nil
    }

    /// The threads about each subject, those of a process and of each of its steps.
    static func bySubject(_ comments: [Comment], answerAction: String?, names: [Mention: String] = [:])
        -> [CommentSubject: [CommentThreadView]]
    {
        CommentThread.bySubject(comments).mapValues {
            $0.map { CommentThreadView($0, answerAction: answerAction, names: names) }
        }
    }
}
