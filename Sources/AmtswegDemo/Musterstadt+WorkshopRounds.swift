public import AmtswegCore
import Foundation

extension Musterstadt {
    /// A workshop round of the demo as it is written into the store: opened, answered, decided, perhaps closed.
    public struct DemoWorkshopRound: Sendable {
        public var round: WorkshopRound
        public var answers: [WorkshopAnswer]
        /// Decisions, in order, on answers of the round.
        public var decisions: [(answer: ID<WorkshopAnswer>, decision: WorkshopAnswer.Decision)]
        /// Set for a finished round; it is closed after the decisions.
        public var closedOn: Day?
    }

    /// The facilitator of both rounds.
    public static let facilitator = Author(
        id: "demo:prozessmanagement", displayName: "Miriam Aydın (Prozessmanagement)")

    /// Two rounds of the Ist-Analyse: last year's, finished (five units, every answer decided, one change
    /// rejected), and this year's, running until three weeks after `today` — some units done, some half-way,
    /// two not yet begun (among them Straßenverkehr, whose demo account can answer), with answers waiting for
    /// a decision and one contradiction: Gewerbe says it sends trade notices to the Bürgerbüro, the Bürgerbüro
    /// lists no such exchange.
    public static func workshopRounds(today: Day) -> [DemoWorkshopRound] {
        [lastYearsRound(), runningRound(today: today)]
    }

    private static func answers(
        _ round: ID<WorkshopRound>, _ rows: [(unit: String, question: IstQuestion, change: WorkshopAnswer.Change)],
        from start: Date
    ) -> [WorkshopAnswer] {
        let people: [String: Author] = [
            "10.2": Author(id: "demo:poststelle", displayName: "Uwe Hartmann (Zentrale Dienste)"),
            "22": Author(id: "demo:steueramt", displayName: "Petra Schulz (Steueramt)"),
            "32.1": Author(id: "demo:gewerbe", displayName: "Tobias Lang (Gewerbe)"),
            "33": Author(id: "demo:buergerbuero", displayName: "Aylin Demir (Bürgerbüro)"),
            "63": Author(id: "demo:bauordnung", displayName: "Sabine Krüger (Bauordnungsamt)"),
        ]
        return rows.enumerated().map { offset, row in
            WorkshopAnswer(
                id: ID("\(round.rawValue)-a\(offset + 1)"), roundID: round, unitID: ID(row.unit),
                question: row.question, change: row.change,
                answeredBy: people[row.unit] ?? Author(id: "demo:\(row.unit)", displayName: row.unit),
                answeredAt: start.addingTimeInterval(Double(offset) * 5_400))
        }
    }

    /// Every question the unit did not answer otherwise, confirmed.
    private static func confirming(
        _ unit: String, except answered: [IstQuestion]
    ) -> [(unit: String, question: IstQuestion, change: WorkshopAnswer.Change)] {
        IstQuestion.allCases.filter { !answered.contains($0) }.map { (unit, $0, .confirmed) }
    }

    private static func lastYearsRound() -> DemoWorkshopRound {
        let id = ID<WorkshopRound>("runde-1")
        let opened = Day(year: 2025, month: 9, day: 15)!
        let round = WorkshopRound(
            id: id, title: "Ist-Analyse 2025", unitIDs: ["10.2", "22", "32.1", "33", "63"],
            deadline: Day(year: 2025, month: 10, day: 31)!, openedOn: opened, openedBy: facilitator)
        let rows: [(unit: String, question: IstQuestion, change: WorkshopAnswer.Change)] =
            [
                (
                    "10.2", .internalInterfaces,
                    .finding(
                        WorkshopFinding(
                            id: "befund-2025-1", question: .internalInterfaces,
                            text:
                                "Die Hauspost wird nur einmal am Tag verteilt; eilige Vorgänge liegen bis zum nächsten Morgen.",
                            author: "Uwe Hartmann (Zentrale Dienste)", recordedOn: Day(year: 2025, month: 10, day: 2)!,
                            unitID: "10.2", roundID: id))
                ),
                (
                    "32.1", .whoWithWhom,
                    .duty(Duty(id: "aufgabe-2025-1", name: "Schaustellergenehmigungen", unitID: "32.1"))
                ),
                (
                    "63", .responsibilities,
                    .finding(
                        WorkshopFinding(
                            id: "befund-2025-2", question: .responsibilities,
                            text: "Keiner weiß, wer die Stellungnahmen nachhält.",
                            author: "Sabine Krüger (Bauordnungsamt)", recordedOn: Day(year: 2025, month: 10, day: 6)!,
                            unitID: "63", roundID: id))
                ),
                (
                    "22", .entryPoints,
                    .entryPoint(EntryPoint(id: "eingang-2025-1", unitID: "22", channel: .phone, volumePerYear: 300))
                ),
            ]
            + confirming("10.2", except: [.internalInterfaces]) + confirming("32.1", except: [.whoWithWhom])
            + confirming("63", except: [.responsibilities]) + confirming("22", except: [.entryPoints])
            + confirming("33", except: [])
        let answers = answers(id, rows, from: Date(timeIntervalSince1970: 1_758_000_000))
        let corrected = WorkshopFinding(
            id: "befund-2025-2", question: .responsibilities,
            text:
                "Nicht geregelt ist, wer die Stellungnahmen der Fachämter zum Bauantrag nachhält und bei Verzug erinnert.",
            author: "Sabine Krüger (Bauordnungsamt)", recordedOn: Day(year: 2025, month: 10, day: 6)!, unitID: "63",
            roundID: id)
        return DemoWorkshopRound(
            round: round, answers: answers,
            decisions: [
                (answers[0].id, .accepted), (answers[1].id, .accepted), (answers[2].id, .edited(.finding(corrected))),
                (
                    answers[3].id,
                    .rejected(
                        reason:
                            "Diese Anrufe sind im Eingang „Telefon“ der Stadtkasse schon gezählt; sie kommen dort an.")
                ),
            ], closedOn: Day(year: 2025, month: 11, day: 14)!)
    }

    private static func runningRound(today: Day) -> DemoWorkshopRound {
        let id = ID<WorkshopRound>("runde-2")
        let round = WorkshopRound(
            id: id, title: "Ist-Analyse 2026", unitIDs: ["10.2", "22", "32.1", "32.2", "33", "63"],
            deadline: today.adding(days: 21), openedOn: Day(year: 2026, month: 11, day: 2)!, openedBy: facilitator)
        let rows: [(unit: String, question: IstQuestion, change: WorkshopAnswer.Change)] =
            [
                (
                    "10.2", .entryPoints,
                    .entryPoint(EntryPoint(id: "eingang-2026-1", unitID: "10.2", channel: .email, volumePerYear: 2_400))
                ),
                (
                    "33", .informationNeeds,
                    .flow(
                        InformationFlow(
                            id: "fluss-2026-1", from: .unit("33"), to: .unit("50"), objectID: "Meldebestätigung",
                            channel: .email, medium: .email, frequencyPerYear: 180))
                ),
                ("32.1", .whoWithWhom, .duty(Duty(id: "aufgabe-2026-1", name: "Marktfestsetzungen", unitID: "32.1"))),
                (
                    "32.1", .informationNeeds,
                    .flow(
                        InformationFlow(
                            id: "fluss-2026-2", from: .unit("32.1"), to: .unit("33"), objectID: "Gewerbeanzeige",
                            channel: .post, medium: .paper, frequencyPerYear: 120))
                ),
                (
                    "63", .responsibilities,
                    .finding(
                        WorkshopFinding(
                            id: "befund-2026-1", question: .responsibilities,
                            text:
                                "Bei Bauvoranfragen ist offen, ob das Stadtplanungsamt oder wir den Bescheid schreiben.",
                            author: "Sabine Krüger (Bauordnungsamt)", recordedOn: Day(year: 2026, month: 11, day: 10)!,
                            unitID: "63", roundID: id))
                ),
            ]
            + confirming("10.2", except: [.entryPoints]) + confirming("33", except: [.informationNeeds])
            + [
                ("32.1", .internalInterfaces, .confirmed), ("63", .whoWithWhom, .confirmed),
                ("63", .informationNeeds, .confirmed),
            ]
        return DemoWorkshopRound(
            round: round, answers: answers(id, rows, from: Date(timeIntervalSince1970: 1_794_000_000)), decisions: [],
            closedOn: nil)
    }
}
