import AmtswegCore

/// The comments on a process page, made apart from the rest of the page and put into its kept frame
/// (``Pages/cachedPage(_:_:title:section:context:snapshot:notice:variant:areas:pieceAreas:about:piecesVersion:content:pieces:)``):
/// a comment changes only these pieces, so the page's diagram, figures and step list are not rendered again.
///
/// The frame has a slot beside each step (``slot(ofStep:)``) and one in the comments section (``processSlot``);
/// a step's slot gets the threads about that step, the section the threads about the process as a whole and those
/// about steps no longer in it — or, without any, a line that says so (template `processes/comments`).
struct ProcessCommentsView: Sendable {
    /// How many comments the process and its steps have, for the line without threads.
    var commentCount: Int

    static let processSlot = "process"

    static func slot(ofStep step: String) -> String { "step:" + step }

    /// The HTML of each slot of `slots` that has comments, and of the comments section. `render` turns a thread
    /// into HTML (``PageRenderer/thread(_:answerAction:names:language:csrf:)``), `section` renders the line for a
    /// process without threads of its own.
    static func pieces(
        of comments: [Comment], process: ID<ProcessModel>, slots: [String],
        render: (CommentThread) throws -> RenderedHTML, section: (ProcessCommentsView) throws -> String
    ) rethrows -> [String: String] {
        let mine = comments.filter { $0.subject.processID == process }
        var threads = try CommentThread.bySubject(mine).mapValues { try $0.map(render) }
        var pieces: [String: String] = [:]
        let stepSlots = Set(slots)
        for (subject, rendered) in threads {
            guard case .step(_, let step) = subject, stepSlots.contains(slot(ofStep: step)) else { continue }
            pieces[slot(ofStep: step)] = "<div class=\"step-comments\">" + rendered.map(\.html).joined() + "</div>"
            threads.removeValue(forKey: subject)
        }
        // Steps no longer in the process keep their comments, shown with the process's own.
        let own =
            (threads.removeValue(forKey: .process(process)) ?? [])
            + threads.sorted { $0.key.description < $1.key.description }.flatMap(\.value)
        pieces[processSlot] =
            own.isEmpty ? try section(ProcessCommentsView(commentCount: mine.count)) : own.map(\.html).joined()
        return pieces
    }
}
