public import AmtswegCore
import FIM

extension Musterstadt {
    /// The maturity model the demo rates on: the one shipped with Amtsweg (OZG 1.1).
    public static func maturityModel() -> MaturityModel { MaturityModelReader.builtIn() }

    /// Musterstadt's maturity assessments: a first round in autumn 2025 and a second in autumn 2026 for the
    /// services whose online offer changed, four services never assessed. Each service's weakest criterion sets
    /// its level: the Bürgerbüro's services are online but ask for papers again (Once-Only), the building
    /// permit lacks a digital notice, passports need the visit in person.
    public static func maturityAssessments() -> [MaturityAssessment] {
        let model = maturityModel()
        func ratings(_ base: Int, _ exceptions: [String: MaturityRating]) -> [String: MaturityRating] {
            Dictionary(uniqueKeysWithValues: model.criteria.map { ($0.id, exceptions[$0.id] ?? .level(base)) })
        }
        func assess(
            _ service: String, on day: String, by: String, target: Int, base: Int,
            _ exceptions: [String: MaturityRating] = [:], note: String = ""
        ) -> MaturityAssessment {
            MaturityAssessment(
                serviceID: ID(service), modelVersion: model.version, ratings: ratings(base, exceptions),
                targetLevel: target, assessedOn: Day(day)!, assessedBy: by, note: note)
        }
        let process = "Miriam Aydın (Prozessmanagement)"
        let autumn2025 = "2025-10-15", autumn2026 = "2026-09-30"
        return [
            // First round, 2025.
            assess(
                "gewerbe-anmeldung", on: autumn2025, by: process, target: 4, base: 3,
                ["status": .level(2), "once-only": .level(2)], note: "Online-Formular ohne Statusauskunft"),
            assess(
                "baugenehmigung", on: autumn2025, by: process, target: 3, base: 2,
                ["bescheid": .level(1), "antrag": .level(1)]),
            assess(
                "hundesteuer", on: autumn2025, by: process, target: 3, base: 2,
                ["antrag": .level(1), "bezahlung": .notNeeded]),
            assess("wohnsitz-anmeldung", on: autumn2025, by: process, target: 3, base: 3, ["nachweise": .level(2)]),
            assess("meldebestaetigung", on: autumn2025, by: process, target: 4, base: 4, ["once-only": .level(2)]),
            assess(
                "personalausweis", on: autumn2025, by: process, target: 2, base: 2,
                ["antrag": .level(1), "unterschrift": .level(1)], note: "Antrag nur mit persönlichem Erscheinen"),
            assess("reisepass", on: autumn2025, by: process, target: 2, base: 2, ["antrag": .level(1)]),
            assess(
                "fundsachen", on: autumn2025, by: process, target: 3, base: 3,
                ["status": .level(2), "bezahlung": .notNeeded]),
            assess("geburtsurkunde", on: autumn2025, by: process, target: 4, base: 3, ["once-only": .level(2)]),
            assess("sterbeurkunde", on: autumn2025, by: process, target: 3, base: 3, ["bezahlung": .level(2)]),
            assess("eheschliessung", on: autumn2025, by: process, target: 2, base: 2, ["antrag": .level(1)]),
            assess("gaststaette", on: autumn2025, by: process, target: 3, base: 2, ["antrag": .level(1)]),
            assess(
                "abbruchgenehmigung", on: autumn2025, by: process, target: 3, base: 2,
                ["antrag": .level(1), "nachweise": .level(1)]),
            assess("sondernutzung", on: autumn2025, by: process, target: 3, base: 2, ["bescheid": .level(1)]),
            assess(
                "kita-platz", on: autumn2025, by: process, target: 3, base: 3,
                ["status": .level(2), "bezahlung": .notNeeded]),
            assess(
                "fuehrungszeugnis", on: autumn2025, by: process, target: 3, base: 4,
                ["once-only": .level(3), "bezahlung": .level(3)]),
            // Second round, 2026: what changed.
            assess(
                "gewerbe-anmeldung", on: autumn2026, by: process, target: 4, base: 4, ["once-only": .level(3)],
                note: "Statusauskunft im Portal freigeschaltet"),
            assess("gewerbe-abmeldung", on: autumn2026, by: process, target: 4, base: 4, ["once-only": .level(3)]),
            assess(
                "baugenehmigung", on: autumn2026, by: "Bauordnungsamt, Sachgebietsleitung", target: 3, base: 3,
                ["bescheid": .level(2), "unterschrift": .level(2)], note: "Bauantrag online, Bescheid noch per Post"),
            assess(
                "hundesteuer", on: autumn2026, by: process, target: 3, base: 3,
                ["status": .level(2), "bezahlung": .notNeeded]),
        ]
    }
}
