/// The bounds of every text, list and number of a roadmap. The page, the API and an import all pass through
/// ``Roadmap/problems(map:processIDs:)``, which includes these, so nothing larger is stored by any way in; the
/// OpenAPI document states the same bounds.
extension Roadmap {
    public enum Limits {
        public static let title = 500
        public static let text = 20_000
        public static let reason = 5_000
        public static let references = 500
        public static let notes = 1_000
        /// Goal values, baseline and target.
        public static let value = 1e12
        public static let cost = 1e12
        public static let personDays = 1e6
        public static let weight = 1_000.0
    }

    func limitProblems() -> [String] {
        var problems: [String] = []
        func text(_ value: String, _ limit: Int, _ what: @autoclosure () -> String) {
            if value.count > limit { problems.append("\(what()) ist länger als \(limit) Zeichen.") }
        }
        func list(_ count: Int, _ what: @autoclosure () -> String, limit: Int = Limits.references) {
            if count > limit { problems.append("\(what()): mehr als \(limit) Einträge.") }
        }
        if let vision { problems += vision.limitProblems() }
        let weights = [
            weights.saving, weights.goals, weights.citizens, weights.deadline, weights.effort, weights.risk,
        ]
        if weights.contains(where: { $0 > Limits.weight }) {
            problems.append("Ein Gewicht darf höchstens \(Int(Limits.weight)) sein.")
        }
        for goal in goals {
            text(goal.title, Limits.title, "Der Titel des Ziels „\(goal.id)“")
            if [goal.baseline.value, goal.target.value].contains(where: { abs($0) > Limits.value }) {
                problems.append("Ziel „\(goal.id)“: Ausgangs- und Zielwert müssen zwischen −10¹² und 10¹² liegen.")
            }
        }
        for field in fields {
            text(field.name, Limits.title, "Der Name des Handlungsfelds „\(field.id)“")
            text(field.description, Limits.text, "Die Beschreibung des Handlungsfelds „\(field.id)“")
            list(field.goalIDs.count, "Handlungsfeld „\(field.id)“, Ziele")
        }
        for initiative in initiatives {
            let id = initiative.id
            text(initiative.title, Limits.title, "Der Titel der Maßnahme „\(id)“")
            text(initiative.description, Limits.text, "Die Beschreibung der Maßnahme „\(id)“")
            text(initiative.rejectionReason, Limits.reason, "Die Begründung der Maßnahme „\(id)“")
            for (what, count) in [
                ("Ziele", initiative.goalIDs.count), ("Schwachstellen", initiative.problemSpotKeys.count),
                ("Prozesse", initiative.processIDs.count), ("Leistungen", initiative.serviceIDs.count),
                ("Aufwände", initiative.efforts.count), ("Abhängigkeiten", initiative.dependencies.count),
            ] {
                list(count, "Maßnahme „\(id)“, \(what)")
            }
            list(initiative.notes.count, "Maßnahme „\(id)“, Fortschrittsnotizen", limit: Limits.notes)
            for note in initiative.notes {
                text(note.text, Limits.text, "Eine Fortschrittsnotiz der Maßnahme „\(id)“")
            }
            if initiative.cost > Limits.cost { problems.append("Maßnahme „\(id)“: Die Kosten sind zu hoch.") }
            if initiative.efforts.contains(where: { $0.personDays > Limits.personDays }) {
                problems.append(
                    "Maßnahme „\(id)“: Mehr als \(Int(Limits.personDays)) Personentage je Einheit sind nicht planbar.")
            }
        }
        for capacity in capacities {
            if capacity.personDaysPerQuarter > Limits.personDays
                || capacity.exceptions.values.contains(where: { $0 > Limits.personDays })
            {
                problems.append(
                    "Kapazität von „\(capacity.unitID)“: höchstens \(Int(Limits.personDays)) Personentage je Quartal.")
            }
            list(capacity.exceptions.count, "Kapazität von „\(capacity.unitID)“, Ausnahmen", limit: 200)
        }
        list(capacities.count, "Kapazitäten", limit: 1_000)
        return problems
    }
}
