import AmtswegCore

/// The version and review state of a process on its page, with the review steps the visitor may take:
/// submitting a draft (its authors), returning, releasing or archiving (Prozessmanagement). Readers see
/// which released version they are looking at, and nothing of drafts.
struct ReleasePanelView: Sendable {
    struct Action: Sendable {
        var value: String
        var label: String
        var isDanger: Bool
    }

    var note: String
    var stateLabel: String
    var stateClass: String
    var versionsHref: String?
    var submitAction: String?
    var reviewAction: String?
    var reviewActions: [Action]
    /// Whether the reviewer must write why (returning a draft).
    var needsComment: Bool
    /// The version the forms act on: a step taken on an older one is refused.
    var version: Int

    init(processID: String, status: ProcessStatus?, view: ModelView, maySubmit: Bool, mayReview: Bool) {
        let status = status ?? ProcessStatus(head: 1, state: .draft, released: nil)
        version = status.head
        if view == .released {
            let number = status.released ?? status.head
            note = "Freigegebene Fassung \(number)."
            stateLabel = ReleaseState.released.label
            stateClass = "state-released"
            versionsHref = nil
            submitAction = nil
            reviewAction = nil
            reviewActions = []
            needsComment = false
            return
        }
        let released =
            status.released.map { $0 == status.head ? "" : " Freigegeben ist Fassung \($0)." }
            ?? " Noch keine Fassung ist freigegeben."
        note = "Fassung \(status.head), \(status.state.label).\(released)"
        stateLabel = status.state.label
        stateClass = "state-" + status.state.rawValue
        versionsHref = Paths.processVersions(processID)
        submitAction = maySubmit && status.state == .draft ? Paths.processSubmit(processID) : nil
        var actions: [Action] = []
        if mayReview, status.state == .inReview {
            actions.append(.init(value: ReleaseAction.release.rawValue, label: "Freigeben", isDanger: false))
            actions.append(
                .init(
                    value: ReleaseAction.returnToDraft.rawValue, label: "Mit Anmerkungen zurückgeben", isDanger: false))
        }
        if mayReview, status.released != nil {
            actions.append(
                .init(value: ReleaseAction.archive.rawValue, label: "Freigegebene Fassung archivieren", isDanger: true))
        }
        reviewActions = actions
        reviewAction = actions.isEmpty ? nil : Paths.processReview(processID)
        needsComment = status.state == .inReview
    }
}
