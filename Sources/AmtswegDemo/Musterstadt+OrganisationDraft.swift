public import AmtswegCore

extension Musterstadt {
    /// A change of the organisation not yet released: the Tiefbauamt records a task it took over, so the demo
    /// shows the organisation's versions with a draft on top of the released one, which readers do not see.
    public static func organisationDraft(of map: TenantMap) -> (map: TenantMap, summary: String, author: Author) {
        var draft = map
        draft.duties.append(
            Duty(id: "aufgabe-tiefbau-baustellen", name: "Baustellenkoordination im Straßenraum", unitID: "66"))
        return (
            draft, "Aufgabe „Baustellenkoordination im Straßenraum“ beim Tiefbauamt ergänzt",
            Author(id: "demo:tiefbau", displayName: "Ole Hansen (Tiefbauamt)")
        )
    }
}
