import AmtswegCore

/// The initiatives of a roadmap as CSV, one line each, in priority order (then the closed ones): what a
/// Kämmerei or a Verwaltungsvorstand takes into its own spreadsheet.
enum RoadmapCSV {
    static let header = [
        "Kennung", "Titel", "Handlungsfeld", "Art", "Stand", "Verantwortlich", "Personentage", "Kosten (Euro)",
        "Risiko", "Beginn", "Ende", "Frist", "Punkte", "Ziele", "Hängt ab von", "Konflikte",
    ]

    static func text(_ plan: RoadmapPlan, map: TenantMap) -> String {
        let roadmap = plan.roadmap
        let units = Dictionary(map.units.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let ordered = plan.ranked(roadmap.initiatives)
        var text = CSVText.line(header)
        for initiative in ordered {
            let field = initiative.fieldID.flatMap { roadmap.field($0) }
            let placement = plan.schedule?.placements[initiative.id]
            let conflicts = (plan.schedule?.conflicts ?? []).filter { $0.initiativeID == initiative.id }
                .map { RoadmapView.describe($0, roadmap: roadmap, units: units) }
            text += CSVText.line([
                initiative.id.rawValue, initiative.title, field?.name ?? "", field?.kind.label ?? "",
                initiative.status.label, initiative.ownerUnitID.flatMap { units[$0] } ?? "",
                Display.decimal(initiative.totalPersonDays), Display.decimal(initiative.cost, digits: 0),
                "\(initiative.risk)", placement?.start.label ?? "", placement?.end.label ?? "",
                initiative.deadline.map(GermanFormat.date) ?? "",
                plan.score(of: initiative.id).map { Display.decimal($0.score) } ?? "",
                initiative.goalIDs.compactMap { roadmap.goal($0)?.title }.joined(separator: ", "),
                initiative.dependencies.map(\.rawValue).joined(separator: ", "), conflicts.joined(separator: " "),
            ])
        }
        return text
    }
}
