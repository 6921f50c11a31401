public import Foundation

/// One saved state of a process: every save makes one, with who saved it, when and why. The process's
/// current working state is its newest version (the head); readers see the one in state
/// ``ReleaseState/released``, if there is one.
public struct ProcessVersion: Hashable, Sendable {
    /// 1, 2, 3 … per process, without gaps.
    public var number: Int
    public var record: ProcessRecord
    public var author: Author
    public var savedAt: Date
    /// What the author said about the change; empty when they said nothing.
    public var comment: String
    public var release: ReleaseState

    public init(
        number: Int, record: ProcessRecord, author: Author, savedAt: Date, comment: String = "",
        release: ReleaseState = .draft
    ) {
        self.number = number
        self.record = record
        self.author = author
        self.savedAt = savedAt
        self.comment = comment
        self.release = release
    }

    /// "Fassung 3".
    public var label: String { "Fassung \(number)" }
}

/// Where a process stands in review, in brief: its newest version and the released one. Lists and the
/// visibility rules need this for every process without reading any BPMN.
public struct ProcessStatus: Hashable, Sendable, Codable {
    /// The newest version's number.
    public var head: Int
    /// The newest version's state: whether the process can be changed now.
    public var state: ReleaseState
    /// The version readers see; `nil` when none is released.
    public var released: Int?

    public init(head: Int, state: ReleaseState, released: Int?) {
        self.head = head
        self.state = state
        self.released = released
    }

    /// Whether a save now starts a new draft on top of the released (or archived) version rather than
    /// continuing a draft.
    public var saveStartsDraft: Bool { state == .released || state == .archived }
}

/// A save or review step refused because of the process's review state or a newer save.
public enum VersionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Someone saved since the editor loaded `basedOn`; saving would overwrite their change.
    case outdated(basedOn: Int, head: Int, by: String)
    /// Someone changed the organisation since the page was made from version `basedOn`; saving the page's whole
    /// map would overwrite their change.
    case organisationOutdated(basedOn: Int, head: Int, by: String)
    /// The process is with Prozessmanagement for review: it changes only after being returned.
    case inReview
    case release(ReleaseError)

    public var description: String {
        switch self {
        case .outdated(let basedOn, let head, let by):
            "Der Prozess wurde inzwischen geändert: Sie haben Fassung \(basedOn) bearbeitet, \(by) hat Fassung \(head) "
                + "gespeichert. Ihre Änderung ist nicht gespeichert; bitte die neue Fassung öffnen und die Änderung "
                + "dort noch einmal machen."
        case .organisationOutdated(let basedOn, let head, let by):
            "Die Organisation wurde inzwischen geändert: Ihre Seite zeigte Fassung \(basedOn), \(by) hat Fassung \(head) "
                + "gespeichert. Ihre Änderung ist nicht gespeichert; bitte die Seite neu öffnen und die Änderung dort "
                + "noch einmal machen."
        case .inReview:
            "Der Prozess ist in Prüfung und kann erst geändert werden, wenn Prozessmanagement ihn zurückgibt oder "
                + "freigibt."
        case .release(let error): error.description
        }
    }
}
