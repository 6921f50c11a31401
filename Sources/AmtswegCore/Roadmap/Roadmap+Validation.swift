import Foundation

extension Roadmap {
    /// Every problem of the roadmap against the map and the processes it refers to, each naming the object and
    /// the value; empty when it may be saved.
    public func problems(map: TenantMap, processIDs: Set<ID<ProcessModel>>) -> [String] {
        var problems: [String] = []
        let units = Set(map.units.map(\.id))
        let services = Set(map.services.map(\.id))
        let goalIDs = Set(goals.map(\.id))
        let fieldIDs = Set(fields.map(\.id))
        let initiativeIDs = Set(initiatives.map(\.id))
        func duplicates<T: Hashable>(_ ids: [T]) -> [T] {
            var seen: Set<T> = [], twice: [T] = []
            for id in ids where !seen.insert(id).inserted { twice.append(id) }
            return twice
        }
        for id in duplicates(goals.map(\.id)) { problems.append("Das Ziel „\(id)“ ist doppelt vorhanden.") }
        for id in duplicates(fields.map(\.id)) { problems.append("Das Handlungsfeld „\(id)“ ist doppelt vorhanden.") }
        for id in duplicates(initiatives.map(\.id)) { problems.append("Die Maßnahme „\(id)“ ist doppelt vorhanden.") }

        if let vision { problems += vision.problems(findings: map.findings) }
        if !weights.isValid {
            problems.append(
                "Die Gewichte der Priorisierung dürfen nicht negativ sein, und mindestens eines muss größer als 0 sein."
            )
        }
        if !(1...Self.maxHorizonQuarters).contains(horizonQuarters) {
            problems.append("Der Planungszeitraum muss zwischen 1 und \(Self.maxHorizonQuarters) Quartalen liegen.")
        }
        for goal in goals {
            let name = "Ziel „\(goal.title)“"
            if goal.title.trimmingSpaces.isEmpty { problems.append("Das Ziel „\(goal.id)“ hat keinen Titel.") }
            if !goal.indicator.kind.allows(goal.indicator.scope) {
                problems.append(
                    "\(name): Die Kennzahl „\(goal.indicator.kind.label)“ lässt sich nicht auf „\(goal.indicator.scope.key)“ beziehen."
                )
            }
            switch goal.indicator.scope {
            case .unit(let id) where !units.contains(id):
                problems.append("\(name): Die Organisationseinheit „\(id)“ gibt es nicht.")
            case .service(let id) where !services.contains(id):
                problems.append("\(name): Die Leistung „\(id)“ gibt es nicht.")
            case .process(let id) where !processIDs.contains(id):
                problems.append("\(name): Den Prozess „\(id)“ gibt es nicht.")
            default: break
            }
            if goal.target.day <= goal.baseline.day {
                problems.append(
                    "\(name): Das Zieldatum \(goal.target.day) liegt nicht nach dem Ausgangsdatum \(goal.baseline.day)."
                )
            }
            if !goal.baseline.value.isFinite || !goal.target.value.isFinite {
                problems.append("\(name): Ausgangs- und Zielwert müssen Zahlen sein.")
            }
        }
        for field in fields {
            if field.name.trimmingSpaces.isEmpty {
                problems.append("Das Handlungsfeld „\(field.id)“ hat keinen Namen.")
            }
            for goal in field.goalIDs where !goalIDs.contains(goal) {
                problems.append("Handlungsfeld „\(field.name)“: Das Ziel „\(goal)“ gibt es nicht.")
            }
        }
        for initiative in initiatives {
            let name = "Maßnahme „\(initiative.title)“"
            if initiative.title.trimmingSpaces.isEmpty {
                problems.append("Die Maßnahme „\(initiative.id)“ hat keinen Titel.")
            }
            if let field = initiative.fieldID, !fieldIDs.contains(field) {
                problems.append("\(name): Das Handlungsfeld „\(field)“ gibt es nicht.")
            }
            for goal in initiative.goalIDs where !goalIDs.contains(goal) {
                problems.append("\(name): Das Ziel „\(goal)“ gibt es nicht.")
            }
            for service in initiative.serviceIDs where !services.contains(service) {
                problems.append("\(name): Die Leistung „\(service)“ gibt es nicht.")
            }
            let processes =
                initiative.processIDs + [initiative.processPair?.ist, initiative.processPair?.soll].compactMap { $0 }
            for process in processes where !processIDs.contains(process) {
                problems.append("\(name): Den Prozess „\(process)“ gibt es nicht.")
            }
            if let owner = initiative.ownerUnitID, !units.contains(owner) {
                problems.append("\(name): Die Organisationseinheit „\(owner)“ gibt es nicht.")
            }
            for effort in initiative.efforts {
                if !units.contains(effort.unitID) {
                    problems.append("\(name): Die Organisationseinheit „\(effort.unitID)“ gibt es nicht.")
                }
                if !(effort.personDays >= 0) || !effort.personDays.isFinite {
                    problems.append(
                        "\(name): Der Aufwand muss 0 oder mehr Personentage sein, nicht \(effort.personDays).")
                }
            }
            if !(initiative.cost >= 0) || !initiative.cost.isFinite {
                problems.append("\(name): Die Kosten dürfen nicht negativ sein.")
            }
            if !(1...5).contains(initiative.risk) {
                problems.append("\(name): Das Risiko muss zwischen 1 und 5 liegen.")
            }
            if !(1...Self.maxHorizonQuarters).contains(initiative.durationQuarters) {
                problems.append("\(name): Die Dauer muss zwischen 1 und \(Self.maxHorizonQuarters) Quartalen liegen.")
            }
            if let start = initiative.fixedStart ?? initiative.earliestStart, let deadline = initiative.deadline,
                deadline < start.firstDay
            {
                problems.append("\(name): Die Frist \(deadline) liegt vor dem Beginn \(start.label).")
            }
            for dependency in initiative.dependencies {
                if dependency == initiative.id {
                    problems.append("\(name): Eine Maßnahme kann nicht von sich selbst abhängen.")
                } else if !initiativeIDs.contains(dependency) {
                    problems.append("\(name): Die Maßnahme „\(dependency)“, von der sie abhängt, gibt es nicht.")
                }
            }
            if initiative.status == .rejected, initiative.rejectionReason.trimmingSpaces.isEmpty {
                problems.append("\(name): Eine verworfene Maßnahme braucht eine Begründung.")
            }
        }
        if let cycle = RoadmapScheduler.cycle(
            in: initiatives.map { initiative in
                var copy = initiative
                copy.dependencies.removeAll { $0 == initiative.id }
                return copy
            })
        {
            let names = cycle.map { id in initiative(id).map { "„\($0.title)“" } ?? id.rawValue }
            problems.append("Die Abhängigkeiten bilden einen Kreis: \(names.joined(separator: " → ")).")
        }
        problems += limitProblems()
        for capacity in capacities {
            if !units.contains(capacity.unitID) {
                problems.append("Kapazität: Die Organisationseinheit „\(capacity.unitID)“ gibt es nicht.")
            }
            if !(capacity.personDaysPerQuarter >= 0) || capacity.exceptions.values.contains(where: { !($0 >= 0) }) {
                problems.append("Kapazität von „\(capacity.unitID)“: Personentage dürfen nicht negativ sein.")
            }
        }
        for id in duplicates(capacities.map(\.unitID)) {
            problems.append("Die Kapazität von „\(id)“ ist doppelt angegeben.")
        }
        return problems
    }
}

extension String {
    var trimmingSpaces: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
