public import AmtswegCore

extension Musterstadt {
    /// The day the demo's roadmap was agreed and its first measurement taken.
    static let roadmapDay = Day(year: 2026, month: 3, day: 26)!

    /// Musterstadt's roadmap: a Zielbild from the workshop, goals on indicators from the map, the process models
    /// and the event log, two operational and two strategic fields of action, and initiatives made from the
    /// problem spots and Ist/Soll pairs the analyses find in the demo data. Capacities are tight enough that the
    /// Bürgerbüro is over capacity in one quarter (two initiatives already under way there).
    public static func roadmap(map: TenantMap, processes: [ProcessModel]) -> Roadmap {
        let found = ProblemFinder(map: map).findAll(in: processes)
        func spots(_ rule: ProblemRule, process: String) -> [String] {
            var seen: Set<String> = []
            return found.filter { spot in
                spot.rule == rule && spot.links.contains { $0.processID == process || $0.id == process }
            }.map(\.key).filter { seen.insert($0).inserted }
        }
        func effort(_ pairs: (String, Double)...) -> [Initiative.Effort] {
            pairs.map { .init(unitID: ID($0.0), personDays: $0.1) }
        }
        func pair(_ name: String) -> Initiative.ProcessPair { .init(ist: ID(name + "-ist"), soll: ID(name + "-soll")) }
        let q = { (year: Int, number: Int) in Quarter(year: year, number: number)! }
        let agreed = roadmapDay
        // Baselines and targets start from what the demo data shows today: the goals were agreed in March, and
        // the town has improved a little since (see ``measurementHistory(for:)``).
        let evaluator = IndicatorEvaluator(map: map, processes: processes, maturity: maturityOverview(map: map))
        func goal(
            _ id: String, _ title: String, _ indicator: Indicator, target: (Double) -> Double, by day: Day,
            fallback: Double
        ) -> Goal {
            let now = evaluator.value(of: indicator) ?? fallback
            let lowerIsBetter = indicator.kind.lowerIsBetter
            // Where it stood in March: a quarter worse than today (shares: eight points lower).
            let baseline =
                indicator.kind.unit == "%"
                ? max(0, now - 8) : lowerIsBetter ? (now * 1.25 * 10).rounded() / 10 : (now * 0.8 * 10).rounded() / 10
            return Goal(
                id: ID(id), title: title, indicator: indicator, baseline: .init(value: baseline, day: agreed),
                target: .init(value: (target(now) * 10).rounded() / 10, day: day),
                direction: lowerIsBetter ? .decrease : .increase)
        }
        let end2027 = Day(year: 2027, month: 12, day: 31)!, end2028 = Day(year: 2028, month: 12, day: 31)!
        let goals = [
            goal(
                "Z1", "Mehr Anliegen kommen digital an", Indicator(.digitalEntryShare), target: { min(100, $0 + 25) },
                by: end2028, fallback: 25),
            goal(
                "Z2", "Weniger Übergaben je Bürgeranliegen", Indicator(.handoffsPerRequest), target: { $0 * 0.6 },
                by: end2028, fallback: 2),
            goal(
                "Z3", "Keine Medienbrüche mehr in der Gewerbeanmeldung",
                Indicator(.openProblemSpots, scope: .process("gewerbe-anmeldung-ist"), rule: .mediaBreak),
                target: { _ in 0 }, by: end2027, fallback: 4),
            // Measured from the Gewerbe log once one is uploaded; until then the recorded points carry the trend.
            goal(
                "Z4", "Gewerbeanmeldungen in höchstens fünf Tagen erledigt",
                Indicator(.leadTimeMedian, scope: .process("gewerbe-anmeldung-ist")), target: { _ in 5 }, by: end2027,
                fallback: 9.6),
            goal(
                "Z5", "Klare Verantwortung für jede Aufgabe", Indicator(.raciCompleteness), target: { _ in 100 },
                by: Day(year: 2027, month: 6, day: 30)!, fallback: 80),
            goal(
                "Z6", "Mehr Leistungen OZG-konform online", Indicator(.maturityShare, level: 3),
                target: { min(100, $0 + 30) }, by: end2028, fallback: 20),
        ]
        let fields = [
            FieldOfAction(
                id: "H1", name: "Zusammenarbeit der Ämter", kind: .operational,
                description: "Übergaben klären, Rückfragen vermeiden, Zuständigkeiten festlegen – jetzt, im Alltag.",
                goalIDs: ["Z2", "Z5"]),
            FieldOfAction(
                id: "H2", name: "Medienbrüche beseitigen", kind: .operational,
                description: "Papier und Doppelerfassung aus den Abläufen nehmen, die es schon digital gibt.",
                goalIDs: ["Z3", "Z4"]),
            FieldOfAction(
                id: "H3", name: "Online-Dienste nach OZG", kind: .strategic,
                description: "Die wichtigsten Leistungen Ende-zu-Ende digital anbieten.", goalIDs: ["Z1", "Z4", "Z6"]),
            FieldOfAction(
                id: "H4", name: "Digitale Verwaltung im Haus", kind: .strategic,
                description: "E-Akte und Schnittstellen zwischen den Fachverfahren.", goalIDs: ["Z2", "Z3"]),
        ]
        let initiatives = [
            Initiative(
                id: "M01", title: "Gewerbeanzeige online mit E-Akte",
                description: "Online-Anzeige über das Portal, Übernahme ins Gewerbeverfahren, Ablage in der E-Akte.",
                fieldID: "H3", goalIDs: ["Z1", "Z3", "Z4"],
                problemSpotKeys: spots(.mediaBreak, process: "gewerbe-anmeldung-ist"),
                processPair: pair("gewerbe-anmeldung"), serviceIDs: ["gewerbe-anmeldung"], ownerUnitID: "32.1",
                efforts: effort(("32.1", 30), ("10.1", 20)), cost: 18_000, risk: 2, durationQuarters: 2,
                dependencies: ["M09"], status: .planned),
            Initiative(
                id: "M02", title: "Doppelerfassung Gewerbe–Steuer beenden",
                description: "Schnittstelle Gewerbeverfahren → Finanzverfahren statt zweimal tippen.",
                fieldID: "H2", goalIDs: ["Z3"], problemSpotKeys: spots(.doubleEntry, process: "gewerbe-anmeldung-ist"),
                processIDs: ["gewerbe-anmeldung-ist"], ownerUnitID: "22",
                efforts: effort(("22", 10), ("10.1", 15)), cost: 6_000, risk: 2, status: .planned),
            Initiative(
                id: "M03", title: "Elektronische Wohnsitzanmeldung",
                description: "Die eWA des Landes anbinden; Schalterbesuche nur noch für Ausnahmen.",
                fieldID: "H3", goalIDs: ["Z1", "Z2"], processPair: pair("wohnsitz-anmeldung"),
                serviceIDs: ["wohnsitz-anmeldung"], ownerUnitID: "33", efforts: effort(("33", 25), ("10.1", 15)),
                cost: 12_000, risk: 3, durationQuarters: 2, fixedStart: q(2026, 4), status: .inProgress,
                notes: [
                    .init(
                        day: Day(year: 2026, month: 11, day: 4)!, author: "Leitung Bürgerbüro",
                        text: "Testzugang zum Landesportal steht.")
                ]),
            Initiative(
                id: "M04", title: "Digitaler Bauantrag",
                description: "Bauantrag online, Beteiligung der Fachstellen parallel im Fachverfahren.",
                fieldID: "H3", goalIDs: ["Z1", "Z2", "Z4"],
                problemSpotKeys: spots(.tooManyDesks, process: "baugenehmigung-ist"),
                processPair: pair("baugenehmigung"), serviceIDs: ["baugenehmigung"], ownerUnitID: "63",
                efforts: effort(("63", 60), ("10.1", 30), ("61", 10)), cost: 45_000, risk: 4, durationQuarters: 3,
                deadline: Day(year: 2028, month: 12, day: 31), dependencies: ["M09"], status: .planned),
            Initiative(
                id: "M05", title: "Rückfragen der Bautechnik bündeln",
                description: "Eine gemeinsame Prüfliste statt Ping-Pong zwischen Sachbearbeitung und Technik.",
                fieldID: "H1", goalIDs: ["Z2"], problemSpotKeys: spots(.pingPong, process: "baugenehmigung-ist"),
                processIDs: ["baugenehmigung-ist"], ownerUnitID: "63", efforts: effort(("63", 8)), risk: 1,
                status: .planned),
            Initiative(
                id: "M06", title: "Hundesteuer online anmelden",
                fieldID: "H3", goalIDs: ["Z1"], processPair: pair("hundesteuer"), serviceIDs: ["hundesteuer"],
                ownerUnitID: "22", efforts: effort(("22", 12), ("10.1", 8)), cost: 4_000, risk: 1,
                dependencies: ["M02"], status: .idea),
            Initiative(
                id: "M07", title: "Gemeinsames Kita-Vergabeverfahren mit den Trägern",
                fieldID: "H1", goalIDs: ["Z2"], problemSpotKeys: spots(.longWait, process: "kita-platz-ist"),
                processPair: pair("kita-platz"), serviceIDs: ["kita-platz"], ownerUnitID: "51.1",
                efforts: effort(("51.1", 30), ("10.1", 10)), cost: 9_000, risk: 3, durationQuarters: 2,
                earliestStart: q(2027, 2), deadline: Day(year: 2027, month: 12, day: 31), status: .planned),
            Initiative(
                id: "M08", title: "Gesamtverantwortung im Baugenehmigungsverfahren klären",
                fieldID: "H1", goalIDs: ["Z5"],
                problemSpotKeys: spots(.severalAccountables, process: "baugenehmigung-ist"),
                processIDs: ["baugenehmigung-ist"], ownerUnitID: "63", efforts: effort(("63", 3), ("10.1", 2)), risk: 1,
                status: .planned),
            Initiative(
                id: "M09", title: "E-Akte für die Fachämter einführen",
                description: "Grundlage für Online-Dienste: elektronische Ablage statt Papierakte.",
                fieldID: "H4", goalIDs: ["Z3"], ownerUnitID: "10.1", efforts: effort(("10.1", 40), ("10.2", 15)),
                cost: 60_000, risk: 3, durationQuarters: 2, fixedStart: q(2026, 4), status: .inProgress,
                notes: [
                    .init(
                        day: Day(year: 2026, month: 10, day: 15)!, author: "Organisation und IT",
                        text: "Ausschreibung vergeben.")
                ]),
            Initiative(
                id: "M10", title: "Bewohnerparkausweis ohne Rückfrage beim Melderegister",
                fieldID: "H2", goalIDs: ["Z2", "Z3"],
                problemSpotKeys: spots(.mediaBreak, process: "bewohnerparken-ist"),
                processIDs: ["bewohnerparken-ist"], serviceIDs: ["bewohnerparken"], ownerUnitID: "32.2",
                efforts: effort(("32.2", 6), ("33", 20)), risk: 1, fixedStart: q(2026, 4), status: .inProgress),
            Initiative(
                id: "M11", title: "Wohngeld: Nachweise digital anfordern",
                fieldID: "H2", goalIDs: ["Z4"], problemSpotKeys: spots(.longWait, process: "wohngeld-ist"),
                processIDs: ["wohngeld-ist"], serviceIDs: ["wohngeld"], ownerUnitID: "50",
                efforts: effort(("50", 15), ("10.1", 5)), risk: 2, durationQuarters: 2, dependencies: ["M09"],
                status: .idea),
            Initiative(
                id: "M12", title: "Urkunden online bestellen",
                fieldID: "H3", goalIDs: ["Z1"], problemSpotKeys: spots(.mediaBreak, process: "geburtsurkunde-ist"),
                processIDs: ["geburtsurkunde-ist"], serviceIDs: ["geburtsurkunde"], ownerUnitID: "34",
                efforts: effort(("34", 10), ("10.1", 10)), risk: 2, status: .idea),
            Initiative(
                id: "M13", title: "Papier-Gebührenbescheide abschaffen",
                fieldID: "H2", goalIDs: ["Z3"],
                problemSpotKeys: spots(.paperDespiteApplication, process: "baugenehmigung-ist"),
                processIDs: ["baugenehmigung-ist"], ownerUnitID: "21", efforts: effort(("21", 10), ("10.1", 5)),
                risk: 2, status: .rejected, rejectionReason: "Wird mit dem digitalen Bauantrag (M04) erledigt."),
        ]
        let capacities = [
            UnitCapacity(unitID: "10.1", personDaysPerQuarter: 45),
            UnitCapacity(unitID: "10.2", personDaysPerQuarter: 20),
            UnitCapacity(unitID: "21", personDaysPerQuarter: 10),
            UnitCapacity(unitID: "22", personDaysPerQuarter: 15),
            UnitCapacity(unitID: "32.1", personDaysPerQuarter: 20),
            UnitCapacity(unitID: "32.2", personDaysPerQuarter: 10),
            // Two initiatives under way need 32.5 person-days of the Bürgerbüro in 2026-Q4: over capacity.
            UnitCapacity(unitID: "33", personDaysPerQuarter: 25),
            UnitCapacity(unitID: "34", personDaysPerQuarter: 10),
            UnitCapacity(unitID: "50", personDaysPerQuarter: 10),
            UnitCapacity(unitID: "51.1", personDaysPerQuarter: 20),
            UnitCapacity(unitID: "61", personDaysPerQuarter: 10),
            UnitCapacity(unitID: "63", personDaysPerQuarter: 25, exceptions: [q(2027, 3): 10]),
        ]
        return Roadmap(
            vision: Vision(
                statement: "Musterstadt 2030: Jedes Anliegen kommt digital an, wird ohne Umwege an einer Stelle "
                    + "verantwortet und ist für Bürgerinnen, Bürger und Beschäftigte jederzeit nachvollziehbar.",
                agreedOn: agreed, agreedBy: "Verwaltungsvorstand mit allen Amtsleitungen",
                // The finding the Zielbild answers first: requests on paper wait at the post office.
                sourceFindingID: "W-1"),
            goals: goals, fields: fields, initiatives: initiatives, capacities: capacities,
            weights: .standard, horizonQuarters: 12)
    }

    /// The roadmap over the demo's own processes.
    public static func roadmap(for map: TenantMap) -> Roadmap {
        roadmap(map: map, processes: processes().map { $0.processModel(laneName: map.name(of:)) })
    }

    /// Three earlier measurement points of the demo's indicators, so that trends are not flat: from the baseline
    /// in March towards today's value, in June and September.
    public static func measurementHistory(for roadmap: Roadmap, map: TenantMap) -> [IndicatorMeasurement] {
        let processes = processes().map { $0.processModel(laneName: map.name(of:)) }
        let evaluator = IndicatorEvaluator(map: map, processes: processes, maturity: maturityOverview(map: map))
        let days = [roadmapDay, Day(year: 2026, month: 6, day: 30)!, Day(year: 2026, month: 9, day: 30)!]
        return roadmap.goals.flatMap { goal in
            // Event-log indicators have no log in the demo: they continue along the planned path.
            let now = evaluator.value(of: goal.indicator) ?? (goal.baseline.value + goal.target.value) / 2
            return days.enumerated().map { step, day in
                let value = goal.baseline.value + (now - goal.baseline.value) * Double(step) / 3
                return IndicatorMeasurement(
                    indicatorKey: goal.indicator.key, day: day, value: (value * 100).rounded() / 100)
            }
        }
    }

    /// The OZG state of the demo's services from its catalogue excerpt and assessments.
    static func maturityOverview(map: TenantMap) -> OZGOverview {
        OZGOverview(
            map: map, catalogue: ozgCatalogue(), models: [maturityModel()], assessments: maturityAssessments())
    }
}
