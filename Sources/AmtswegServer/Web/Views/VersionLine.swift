import AmtswegCore
import Foundation

/// One row of a version history — of a process or of the organisation: which version, when, by whom, why, and
/// its review state (shown for the newest and for every version no longer a mere draft), with the links to
/// its changes and to restoring it.
struct VersionLine: Sendable {
    var number: Int
    var label: String
    var savedAt: String
    var author: String
    var comment: String
    var state: String
    var stateClass: String
    var compareHref: String?
    var restoreAction: String?

    init(
        number: Int, label: String, savedAt: Date, author: Author, comment: String, release: ReleaseState,
        isHead: Bool, compareHref: String?, restoreAction: String?
    ) {
        self.number = number
        self.label = label
        self.savedAt = Display.dateTime(savedAt)
        self.author = author.displayName
        self.comment = comment.isEmpty ? "–" : comment
        state = isHead || release != .draft ? release.label : "–"
        stateClass = "state-" + release.rawValue
        self.compareHref = compareHref
        self.restoreAction = restoreAction
    }
}
