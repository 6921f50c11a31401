public import AmtswegCore
import Foundation

extension Musterstadt {
    /// Six improvement proposals of the demo's staff, one in each state and one more new: one anonymous, one
    /// accepted as the roadmap's initiative M05, one rejected with the reason its proposer reads.
    public static func proposals() -> [Proposal] {
        let bautechnik = Author(id: "demo:bautechnik", displayName: "Karl Neumann (Bautechnik)")
        let sachbearbeitung = Author(id: "demo:bauordnung", displayName: "Sabine Krüger (Bauordnungsamt)")
        // The anonymous proposal's author writes nothing else in the demo: a test looks for the name everywhere.
        let poststelle = Author(id: "demo:poststelle-2", displayName: "Greta Sommer (Poststelle)")
        let gewerbe = Author(id: "demo:gewerbe", displayName: "Tobias Lang (Gewerbe)")
        let buergerbuero = Author(id: "demo:buergerbuero", displayName: "Aylin Demir (Bürgerbüro)")
        let start = Date(timeIntervalSince1970: 1_795_000_000)  // late October 2026
        func day(_ n: Double) -> Date { start.addingTimeInterval(n * 86_400) }
        let bau = ID<ProcessModel>("baugenehmigung-ist")
        return [
            Proposal(
                id: "demo-v1", subject: .step(process: bau, step: "Vollstaendigkeit"),
                title: "Rückfragen der Bautechnik in einem Schreiben bündeln",
                problem:
                    "Die Bautechnik fragt einzeln nach, jede Rückfrage geht über die Sachbearbeitung und die Post.",
                change: "Alle Rückfragen zu einem Antrag sammeln und in einem Schreiben stellen.",
                benefit: "Weniger Schreiben, kürzere Liegezeit.", hoursPerYear: 260, author: bautechnik,
                submittedAt: day(0), status: .accepted, initiativeID: "M05",
                votes: ["demo-1", "demo-2", "demo-3", "demo-4", "demo-5"]),
            Proposal(
                id: "demo-v2", subject: .step(process: bau, step: "Eingang"),
                title: "Bauanträge nicht mehr kopieren",
                problem: "Jeder Bauantrag wird für drei Stellen kopiert und in drei Akten abgelegt.",
                change: "Den Antrag einmal scannen und alle beteiligten Stellen auf dieselbe E-Akte schauen lassen.",
                benefit: "Kein Kopieren, alle sehen denselben Stand.", hoursPerYear: 180, author: poststelle,
                isAnonymous: true, submittedAt: day(3), status: .new, votes: ["demo-1", "demo-2", "demo-6"]),
            Proposal(
                id: "demo-v3", subject: .process("gewerbe-anmeldung-ist"),
                title: "Gewerbeanzeige direkt an das Steueramt übermitteln",
                problem: "Das Steueramt tippt jede Gewerbeanzeige ein zweites Mal ab.",
                change: "Die Daten aus dem Fachverfahren elektronisch an das Steueramt geben.",
                benefit: "Keine Doppelerfassung, weniger Tippfehler.", hoursPerYear: 90, author: gewerbe,
                submittedAt: day(6), status: .inReview, votes: ["demo-3", "demo-7"]),
            Proposal(
                id: "demo-v4", subject: .unit("33"), title: "Terminbuchung auch samstags",
                problem: "Berufstätige bekommen unter der Woche schwer einen Termin im Bürgerbüro.",
                change: "Einmal im Monat samstags Termine anbieten.",
                benefit: "Mehr Zufriedenheit, weniger Nachfragen am Telefon.", author: buergerbuero,
                submittedAt: day(9),
                status: .rejected,
                rejectionReason:
                    "Dafür fehlen 2027 die Stellen; wir prüfen es mit der Online-Terminvergabe im Fahrplan erneut.",
                votes: ["demo-8"]),
            Proposal(
                id: "demo-v5", subject: .step(process: bau, step: "Planung"),
                title: "Stellungnahmen per E-Mail statt per Hauspost",
                problem: "Stellungnahmen der Fachämter liegen tagelang in der Hauspost.",
                change: "Stellungnahmen als PDF per E-Mail an ein Funktionspostfach senden.",
                benefit: "Zwei bis drei Tage weniger Liegezeit.", author: sachbearbeitung, submittedAt: day(12),
                status: .withdrawn),
            Proposal(
                id: "demo-v6", subject: .process("wohnsitz-anmeldung-ist"),
                title: "Wohnungsgeberbestätigung vorab hochladen lassen",
                problem: "Am Schalter fehlt oft die Wohnungsgeberbestätigung; die Leute kommen ein zweites Mal.",
                change: "Beim Buchen des Termins die Bestätigung hochladen lassen und vorher prüfen.",
                benefit: "Weniger zweite Termine.", hoursPerYear: 120, author: buergerbuero, submittedAt: day(15),
                status: .new, votes: ["demo-4"]),
        ]
    }
}
