/// Where a version of a process or of the organisation model stands in review: only a released version counts
/// as the agreed picture, and readers see only that one.
///
///     Entwurf ──einreichen──▶ in Prüfung ──freigeben──▶ freigegeben ──archivieren──▶ archiviert
///        ▲                        │
///        └──────zurückgeben───────┘
///
/// A released or archived version is never edited: changing it, or restoring it, makes a new draft.
public enum ReleaseState: String, Hashable, Sendable, Codable, CaseIterable {
    case draft, inReview, released, archived

    public var label: String {
        switch self {
        case .draft: "Entwurf"
        case .inReview: "in Prüfung"
        case .released: "freigegeben"
        case .archived: "archiviert"
        }
    }

    /// Whether a version in this state may still be changed in place.
    public var isEditable: Bool { self == .draft }
}

/// A step of the review, from one ``ReleaseState`` to the next.
public enum ReleaseAction: String, Hashable, Sendable, Codable, CaseIterable {
    /// The draft is ready: Prozessmanagement looks at it.
    case submit
    /// Back to its authors, with a comment saying what to change.
    case returnToDraft = "return"
    case release
    /// No longer in force (replaced by a newer release, or the process is no longer done).
    case archive

    public var from: ReleaseState {
        switch self {
        case .submit: .draft
        case .returnToDraft, .release: .inReview
        case .archive: .released
        }
    }

    public var to: ReleaseState {
        switch self {
        case .submit: .inReview
        case .returnToDraft: .draft
        case .release: .released
        case .archive: .archived
        }
    }

    public var label: String {
        switch self {
        case .submit: "zur Prüfung einreichen"
        case .returnToDraft: "mit Anmerkungen zurückgeben"
        case .release: "freigeben"
        case .archive: "archivieren"
        }
    }

    /// How a comment written with this step begins, as it stands beside the process: "Zurückgegeben: …".
    public var noteHeading: String {
        switch self {
        case .submit: "Eingereicht"
        case .returnToDraft: "Zurückgegeben"
        case .release: "Freigegeben"
        case .archive: "Archiviert"
        }
    }

    /// Whether the step needs a comment: a draft returned says why.
    public var needsComment: Bool { self == .returnToDraft }

    /// The actions open from `state`.
    public static func available(from state: ReleaseState) -> [ReleaseAction] {
        allCases.filter { $0.from == state }
    }
}

extension ReleaseState {
    /// The state after `action`, or why it cannot be taken from here.
    public func applying(_ action: ReleaseAction) throws(ReleaseError) -> ReleaseState {
        guard action.from == self else { throw .notFrom(action: action, state: self) }
        return action.to
    }
}

/// A review step that does not fit the version's state.
public enum ReleaseError: Error, Hashable, Sendable, CustomStringConvertible {
    case notFrom(action: ReleaseAction, state: ReleaseState)

    public var description: String {
        switch self {
        case .notFrom(let action, let state):
            "„\(action.label)“ geht nur bei einer Fassung im Stand „\(action.from.label)“; diese ist „\(state.label)“."
        }
    }
}
