import AmtswegCore

/// The comments on a process page, made apart from the rest of the page and put into its kept frame
/// (``Pages/cachedPage(_:_:title:section:context:snapshot:notice:variant:areas:pieceAreas:about:piecesVersion:content:pieces:)``):
/// a comment changes only these pieces, so the page's diagram, figures and step list are not rendered again.
///
/// The frame has a slot beside each step (``slot(ofStep:)``) and one in the comments section (``processSlot``);
/// a step's slot gets the threads about that step, the section the threads about the process as a whole and those
/// about steps no longer in it — or, without any, a line that says so (template `processes/comments`).
///
/// Each place shows the ``shownThreads`` threads last written in (or settled), and a link to all of them on the
/// process's discussion page (``CommentPages``) under those it leaves out: a long discussion made the page long to
/// read and slower to make and send with every comment. The comments section links there whenever there are
/// comments.
struct ProcessCommentsView: Sendable {
    /// How many comments the process and its steps have, for the line without threads.
    var commentCount: Int

    static let processSlot = "process"

    static func slot(ofStep step: String) -> String { "step:" + step }

    /// The most threads a place on the process page shows.
    static let shownThreads = 20

    /// The HTML of each slot of `slots` that has comments, and of the comments section. `render` turns a thread
    /// into HTML (``PageRenderer/thread(_:answerAction:names:language:csrf:)``, or as made before: ``PieceItems``), `section` renders the line for a
    /// process without threads of its own, `more` the link to all threads (given how many threads the place leaves
    /// out, none for the comments section's own link).
    static func pieces(
        of comments: [Comment], process: ID<ProcessModel>, slots: [String],
        render: (CommentThread) throws -> String, section: (ProcessCommentsView) throws -> String,
        more: (Int) throws -> String
    ) rethrows -> [String: String] {
        let mine = comments.filter { $0.subject.processID == process }
        var threads = CommentThread.bySubject(mine)
        func shown(_ threads: [CommentThread]) throws -> String {
            let latest = latest(threads)
            let html = try latest.map(render).joined()
            return threads.count > latest.count ? html + (try more(threads.count - latest.count)) : html
        }
        var pieces: [String: String] = [:]
        let stepSlots = Set(slots)
        for (subject, about) in threads {
            guard case .step(_, let step) = subject, stepSlots.contains(slot(ofStep: step)) else { continue }
            pieces[slot(ofStep: step)] = "<div class=\"step-comments\">" + (try shown(about)) + "</div>"
            threads.removeValue(forKey: subject)
        }
        // Steps no longer in the process keep their comments, shown with the process's own.
        let own =
            (threads.removeValue(forKey: .process(process)) ?? [])
            + threads.sorted { $0.key.description < $1.key.description }.flatMap(\.value)
        let section = own.isEmpty ? try section(ProcessCommentsView(commentCount: mine.count)) : try shown(own)
        // Below the comments section, the way to all of them in one place (the steps' are spread over the step list).
        pieces[processSlot] = section + (mine.isEmpty || own.count > shownThreads ? "" : try more(0))
        return pieces
    }

    /// Of `threads`, the ``shownThreads`` last written in or settled, in their order.
    static func latest(_ threads: [CommentThread]) -> [CommentThread] {
        guard threads.count > shownThreads else { return threads }
        let activity = threads.map(\.lastActivity)
        let kept = Set(
            activity.indices.sorted { (activity[$0], $0) > (activity[$1], $1) }.prefix(shownThreads))
        return threads.indices.filter { kept.contains($0) }.map { threads[$0] }
    }
}
