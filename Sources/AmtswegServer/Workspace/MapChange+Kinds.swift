import AmtswegCore
import AmtswegStore

extension MapChange {
    /// A flow created, changed or deleted: the audit entry names it with both ends.
    static func flow(_ flow: InformationFlow, action: String, in map: TenantMap) -> MapChange {
        let index = MapIndex(map)
        let verb =
            switch action {
            case "createFlow": "angelegt"
            case "deleteFlow": "gelöscht"
            default: "geändert"
            }
        return MapChange(
            action: action, object: "flow:\(flow.id)",
            summary: "Informationsfluss \(verb): \(index.name(of: flow.from)) → \(index.name(of: flow.to))")
    }

    /// A workshop answer recorded.
    static func finding(_ finding: WorkshopFinding) -> MapChange {
        MapChange(
            action: "recordFinding", object: "finding:\(finding.id)",
            summary: "Workshop-Ergebnis zu Frage \(finding.question) erfasst")
    }
}
