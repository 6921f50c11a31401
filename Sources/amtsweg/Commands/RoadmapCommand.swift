import AmtswegCore
import AmtswegReports
import AmtswegServer
import AmtswegStore
import ArgumentParser
import Foundation

/// The roadmap on the command line: show it, list its schedule, export it.
struct RoadmapCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roadmap",
        abstract: "Zeigt den Fahrplan, seinen Zeitplan oder gibt ihn aus (PDF, CSV, iCalendar).",
        subcommands: [Show.self, Schedule.self, Export.self])

    /// The plan of the chosen tenant for today.
    static func plan(_ store: StoreOptions) async throws -> (RoadmapPlan, TenantMap, ID<Tenant>) {
        let repository = try await store.repository()
        let tenant = try await store.tenantID(in: repository)
        let workspace = Workspace(repository: repository)
        let plan = try await RoadmapPlan.make(workspace: workspace, tenant: tenant, today: Day(Date()))
        return (plan, try await repository.loadMap(of: tenant), tenant)
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Zielbild, Ziele mit aktuellem Wert und Maßnahmen.")
        @Flag(help: "Als JSON ausgeben.") var json = false
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await reportingErrors {
                let (plan, _, _) = try await RoadmapCommand.plan(store)
                if json { return try printJSON(plan.roadmap) }
                if let vision = plan.roadmap.vision { print("Zielbild: \(vision.statement)\n") }
                print(
                    TextTable(
                        headers: ["Ziel", "Kennzahl", "Ausgangswert", "Zielwert", "Aktuell"],
                        rows: plan.roadmap.goals.map { goal in
                            [
                                "\(goal.id) \(goal.title)", goal.indicator.kind.label,
                                GermanFormat.decimal(goal.baseline.value), GermanFormat.decimal(goal.target.value),
                                plan.currentValues[goal.indicator.key].map { GermanFormat.decimal($0) } ?? "–",
                            ]
                        }
                    ).render())
                print()
                print(
                    TextTable(
                        headers: ["Maßnahme", "Stand", "Punkte"],
                        rows: plan.roadmap.initiatives.map { initiative in
                            [
                                "\(initiative.id) \(initiative.title)", initiative.status.label,
                                plan.score(of: initiative.id).map { GermanFormat.decimal($0.score, digits: 1) } ?? "–",
                            ]
                        }
                    ).render())
            }
        }
    }

    struct Schedule: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Plant die offenen Maßnahmen in Quartale ein und nennt die Konflikte.")
        @Flag(help: "Als JSON ausgeben.") var json = false
        @OptionGroup var store: StoreOptions

        struct Line: Encodable {
            var id: String
            var title: String
            var start: String
            var end: String
            var fixed: Bool
        }

        struct Output: Encodable {
            var start: String
            var placements: [Line]
            var conflicts: [ScheduleConflict]
        }

        func run() async throws {
            try await reportingErrors {
                let (plan, map, _) = try await RoadmapCommand.plan(store)
                guard let schedule = plan.schedule else { throw CLIError(plan.scheduleError ?? "Kein Zeitplan.") }
                let lines = schedule.order.compactMap { id -> Line? in
                    guard let placed = schedule.placements[id], let initiative = plan.roadmap.initiative(id) else {
                        return nil
                    }
                    return Line(
                        id: id.rawValue, title: initiative.title, start: placed.start.description,
                        end: placed.end.description, fixed: placed.isFixed)
                }
                if json {
                    return try printJSON(
                        Output(start: Quarter(plan.today).description, placements: lines, conflicts: schedule.conflicts)
                    )
                }
                print(
                    TextTable(
                        headers: ["Maßnahme", "Beginn", "Ende", "fest"],
                        rows: lines.map { ["\($0.id) \($0.title)", $0.start, $0.end, $0.fixed ? "ja" : ""] }
                    ).render())
                for conflict in schedule.conflicts {
                    print("Konflikt: " + RoadmapExport.describe(conflict, plan: plan, map: map))
                }
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Gibt den Fahrplan als PDF (Druckfassung), CSV der Maßnahmen oder iCalendar der Meilensteine aus."
        )
        enum Format: String, ExpressibleByArgument, CaseIterable { case pdf, csv, ics, html }
        @Option(help: "pdf, csv, ics oder html.") var format: Format
        @Option(name: .shortAndLong, help: "Zieldatei.") var output: String
        @Option(help: "Chromium für die PDF-Ausgabe.") var chromium = "chromium"
        @Option(help: "Sprache der Druckfassung: de oder en.") var language: PrintLanguage = .de
        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await reportingErrors {
                let (plan, map, tenant) = try await RoadmapCommand.plan(store)
                let target = URL(fileURLWithPath: output)
                switch format {
                case .csv: try Data(RoadmapExport.csv(plan, map: map).utf8).write(to: target)
                case .ics: try Data(RoadmapExport.calendar(plan, tenant: tenant, now: Date()).utf8).write(to: target)
                case .html, .pdf:
                    let resources = ServerConfiguration.bundled
                    let stylesheet = resources.appendingPathComponent("static/amtsweg.css").absoluteString
                    let html = try await RoadmapExport.printHTML(
                        plan, map: map, stylesheet: stylesheet, resources: resources,
                        language: language.language)
                    if format == .html {
                        try Data(html.utf8).write(to: target)
                    } else {
                        try ChromiumPDF.print(html, to: target, chromium: chromium)
                    }
                }
                let repository = try await store.repository()
                try await repository.audit(
                    ChangeRecord(
                        tenantID: tenant, at: Date(), author: .local, action: "exportRoadmap",
                        summary: "Fahrplan als \(format.rawValue.uppercased()) ausgegeben (Kommandozeile)",
                        object: "roadmap"))
                print("Fahrplan geschrieben: \(output)")
            }
        }
    }
}

/// `amtsweg measure`: records a measurement point of every goal's indicator.
struct MeasureCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measure", abstract: "Erfasst einen Messpunkt: alle Kennzahlen der Ziele mit heutigem Datum.")
    @Flag(help: "Einen heute schon erfassten Messpunkt ersetzen.") var force = false
    @Flag(help: "Als JSON ausgeben.") var json = false
    @OptionGroup var store: StoreOptions

    func run() async throws {
        try await reportingErrors {
            let repository = try await store.repository()
            let tenant = try await store.tenantID(in: repository)
            let outcome = try await RoadmapMeasurement.run(
                workspace: Workspace(repository: repository), tenant: tenant, day: Day(Date()), force: force,
                by: .local)
            if json { return try printJSON(outcome.values) }
            print(
                outcome.recorded
                    ? "Messpunkt vom \(GermanFormat.date(outcome.day)) erfasst: \(outcome.values.count) Kennzahlen."
                    : "Für den \(GermanFormat.date(outcome.day)) gibt es schon einen Messpunkt; --force ersetzt ihn.")
            for title in outcome.missing { print("Nicht messbar: \(title)") }
        }
    }
}
