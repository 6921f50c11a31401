import AmtswegCore
import MinedProcesses

/// The process page's "estimated and measured" section: per step the estimated handling and waiting time beside
/// the medians and 80th percentiles an attached event log shows, the deviation, and a flag where an estimate is
/// off by more than half; below, lead time and hand-offs of the whole process. All in working time.
struct TimeComparisonView: Sendable {
    struct Row: Sendable {
        var step: String
        var cells: [String]
        var isOff: Bool
    }

    var logName: String
    var logHref: String
    var rows: [Row]
    var totals: [TableRow]
    var note: String
    /// Whether the activities' mapping to the steps is confirmed, or suggested by name.
    var mappingNote: String
    /// The activities that stand for no step (at most twelve named), empty when all do.
    var unmapped: String
    var mappingHref: String
    var mappingLabel: String
    /// The other basis of the key figures, as a link.
    var switchHref: String
    var switchLabel: String

    init(
        _ comparison: StepTimeComparison, log: EventLogRecord, processID: String, hoursPerDay: Double,
        measuredBasis: Bool
    ) {
        func time(_ minutes: Double) -> String { Display.duration(minutes: minutes, hoursPerDay: hoursPerDay) }
        func deviation(_ value: Double?) -> String {
            guard let value else { return "–" }
            return (value > 0 ? "+" : value < 0 ? "−" : "") + Display.percent(abs(value))
        }
        logName = log.name
        logHref = Paths.eventLog(log.id.rawValue)
        rows = comparison.steps.map { step in
            Row(
                step: step.name,
                cells: [
                    Display.integer(step.cases),
                    time(step.estimatedHandlingMinutes), step.handling.map { time($0.median) } ?? "–",
                    step.handling.map { time($0.percentile80) } ?? "–", deviation(step.handlingDeviation),
                    time(step.estimatedWaitingMinutes), step.waiting.map { time($0.median) } ?? "–",
                    step.waiting.map { time($0.percentile80) } ?? "–", deviation(step.waitingDeviation),
                ], isOff: step.isOff)
        }
        totals = [
            TableRow(
                "Durchlaufzeit",
                numbers: [
                    time(comparison.estimatedLeadTimeMinutes), comparison.leadTime.map { time($0.median) } ?? "–",
                    comparison.leadTime.map { time($0.percentile80) } ?? "–",
                ]),
            TableRow(
                "Übergaben je Fall",
                numbers: [
                    Display.decimal(comparison.estimatedHandoffs),
                    comparison.handoffs.map { Display.decimal($0.median) } ?? "–",
                    comparison.handoffs.map { Display.decimal($0.percentile80) } ?? "–",
                ]),
        ]
        note =
            "Alle Zeiten sind Arbeitszeit. Gemessen wird die Bearbeitung vom Beginn bis zum Ende eines Schritts, die "
            + "Liegezeit vom Ende des vorigen Schritts bis zum Beginn dieses; Liege- und Durchlaufzeiten zählen nur "
            + "Werktage (Montag bis Freitag) zu je \(Display.decimal(hoursPerDay)) Stunden."
            + (comparison.hasStartEvents
                ? ""
                : " Das Protokoll hat keine Start-Ereignisse: Bearbeitungszeiten fehlen, die Liegezeit enthält sie.")
        let confirmed = log.stepMapping != nil
        mappingNote =
            confirmed
            ? "Die Zuordnung der Aktivitäten zu den Schritten ist bestätigt."
            : "Die Aktivitäten sind den Schritten nach Namensähnlichkeit zugeordnet, noch nicht bestätigt."
        unmapped =
            comparison.unmappedActivities.isEmpty
            ? ""
            : comparison.unmappedActivities.prefix(12).joined(separator: ", ")
                + (comparison.unmappedActivities.count > 12 ? " …" : "")
        mappingHref = Paths.eventLogSteps(log.id.rawValue)
        mappingLabel = confirmed ? "Zuordnung ändern" : "Zuordnung prüfen und bestätigen"
        switchHref = Paths.process(processID) + (measuredBasis ? "" : "?basis=measured")
        switchLabel =
            measuredBasis
            ? "Kennzahlen aus den geschätzten Zeiten berechnen" : "Kennzahlen aus den gemessenen Zeiten berechnen"
    }
}
