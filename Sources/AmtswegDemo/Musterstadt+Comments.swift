public import AmtswegCore
import Foundation

extension Musterstadt {
    /// Comments of the demo's staff on the building permit and the trade registration — questions on single
    /// steps with answers, one thread settled, one naming an address on the web — and on a unit and an
    /// initiative, so that a newcomer sees the participation at once.
    public static func comments() -> [Comment] {
        let sachbearbeitung = Author(id: "demo:bauordnung", displayName: "Sabine Krüger (Bauordnungsamt)")
        let poststelle = Author(id: "demo:poststelle", displayName: "Jonas Weber (Poststelle)")
        let prozess = Author(id: "demo:prozessmanagement", displayName: "Miriam Aydın (Prozessmanagement)")
        let gewerbe = Author(id: "demo:gewerbe", displayName: "Tobias Lang (Gewerbe)")
        let start = Date(timeIntervalSince1970: 1_795_600_000)  // November 2026
        func at(_ hours: Double) -> Date { start.addingTimeInterval(hours * 3_600) }
        let bau = ID<ProcessModel>("baugenehmigung-ist"), gewerbeIst = ID<ProcessModel>("gewerbe-anmeldung-ist")
        func comment(
            _ id: String, _ subject: CommentSubject, _ author: Author, _ hours: Double, _ text: String,
            answering: String? = nil, settledBy: Author? = nil
        ) -> Comment {
            Comment(
                id: ID(id), subject: subject, replyTo: answering.map { ID($0) }, author: author, text: text,
                writtenAt: at(hours), resolution: settledBy.map { .init(by: $0, at: at(hours + 48)) })
        }
        return [
            comment(
                "demo-1", .step(process: bau, step: "Eingang"), poststelle, 0,
                "Wir scannen jeden Bauantrag vollständig, auch die großformatigen Pläne. Das dauert pro Antrag oft länger als die angesetzten zehn Minuten."
            ),
            comment(
                "demo-2", .step(process: bau, step: "Eingang"), sachbearbeitung, 5,
                "Die Pläne brauchen wir im Amt ohnehin im Original. Reicht es, nur das Antragsformular und die Baubeschreibung zu scannen?",
                answering: "demo-1"),
            comment(
                "demo-3", .step(process: bau, step: "Eingang"), prozess, 26,
                "Gute Frage für den Soll-Prozess: Mit dem digitalen Bauantrag entfällt das Scannen ganz. Ich nehme es in die Maßnahme auf.",
                answering: "demo-1"),
            comment(
                "demo-4", .step(process: bau, step: "Vollstaendigkeit"), sachbearbeitung, 30,
                "Fehlende Unterlagen fordern wir per Brief nach; bis die Antwort da ist, vergehen im Schnitt drei Wochen."
            ),
            comment(
                "demo-5", .step(process: bau, step: "Vollstaendigkeit"), prozess, 34,
                "Die Landesplattform bietet dafür eine Nachforderung im Portal: https://bauportal.nrw – können wir das nutzen?",
                answering: "demo-4"),
            comment(
                "demo-6", .process(bau), prozess, 50,
                "Stand der Ist-Aufnahme: Die Schritte sind mit dem Bauordnungsamt abgestimmt, die Liegezeiten geschätzt. Bitte bis Monatsende prüfen.",
                settledBy: sachbearbeitung),
            comment(
                "demo-7", .process(bau), sachbearbeitung, 60, "Geprüft, die Liegezeiten passen so.", answering: "demo-6"
            ),
            comment(
                "demo-8", .process(bau), poststelle, 70,
                "Gehört die Vergabe des Aktenzeichens zum Eingang oder zur Vollständigkeitsprüfung? Bei uns macht das mal die Poststelle, mal das Amt."
            ),
            comment(
                "demo-9", .step(process: gewerbeIst, step: "Eingang"), gewerbe, 80,
                "Rund die Hälfte der Anzeigen kommt schon online, wird aber ausgedruckt und wie Papier behandelt."),
            comment(
                "demo-10", .step(process: gewerbeIst, step: "Eingang"), prozess, 82,
                "Das zeigt auch das Ereignisprotokoll: Die Liegezeit vor der Prüfung ist bei Online-Anzeigen nicht kürzer.",
                answering: "demo-9"),
            comment(
                "demo-11", .process(gewerbeIst), gewerbe, 90,
                "Können Finanzamt und IHK die Meldung direkt aus dem Fachverfahren bekommen? Heute geht sie per Post."),
            comment(
                "demo-12", .process(gewerbeIst), prozess, 95,
                "Das ist Teil der Maßnahme zur elektronischen Weiterleitung; ich verlinke sie im Fahrplan.",
                answering: "demo-11"),
            comment(
                "demo-13", .unit("33"), prozess, 100,
                "Wer im Bürgerbüro kennt die Aufgaben des Fundbüros? Für den Workshop brauchen wir eine Vertretung."),
            comment(
                "demo-14", .initiative("M05"), sachbearbeitung, 105,
                "Die Bautechnik schlägt vor, die Rückfragen in einem Schreiben zu bündeln; wir probieren es ab Januar."),
        ]
    }
}
