import AmtswegCore
import AmtswegReports
import AmtswegStore
import ArgumentParser
import Foundation

/// Workshop rounds of the Ist-Analyse on the command line: open a round for units with a deadline, see each
/// unit's progress, and export a round's answers with their decisions — the same as on the round's pages,
/// written as the local user.
struct WorkshopCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workshop", abstract: "Workshop-Runden der Ist-Analyse: eröffnen, Stand, Export.",
        subcommands: [Open.self, Status.self, Export.self])

    struct Open: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "open", abstract: "Eröffnet eine Runde für Organisationseinheiten mit Frist.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "Titel der Runde, z. B. \"Ist-Analyse 2027\".") var title: String
        @Option(help: "Frist (JJJJ-MM-TT oder TT.MM.JJJJ).") var deadline: String
        @Option(name: .customLong("unit"), help: "Kennung einer beteiligten Organisationseinheit (mehrfach).")
        var units: [String] = []

        func run() async throws {
            try await reportingErrors {
                let repository = try await store.repository()
                let tenant = try await store.tenantID(in: repository)
                guard let day = Day(deadline) else { throw CLIError("--deadline ist kein Datum: '\(deadline)'.") }
                let today = Day(Date())
                guard day >= today else { throw CLIError("Die Frist \(day) liegt in der Vergangenheit.") }
                let map = try await repository.loadMap(of: tenant)
                let unknown = units.filter { id in !map.units.contains { $0.id.rawValue == id } }
                guard !units.isEmpty, unknown.isEmpty else {
                    throw CLIError(
                        units.isEmpty
                            ? "Bitte mindestens eine Organisationseinheit mit --unit angeben."
                            : "Diese Organisationseinheiten gibt es nicht: \(unknown.joined(separator: ", ")).")
                }
                let taken = try await repository.workshopRounds(of: tenant).map(\.id.rawValue)
                var number = taken.count + 1
                while taken.contains("runde-\(number)") { number += 1 }
                let round = WorkshopRound(
                    id: ID("runde-\(number)"), title: title, unitIDs: units.map { ID($0) }, deadline: day,
                    openedOn: today, openedBy: .local)
                try await repository.openWorkshopRound(round, of: tenant)
                print("Runde '\(round.id)' eröffnet: \(title), \(units.count) Organisationseinheiten, Frist \(day).")
            }
        }
    }

    /// The round named, or the newest when none is.
    static func round(_ id: String?, in repository: SQLMapRepository, tenant: ID<Tenant>) async throws
        -> WorkshopRound
    {
        let rounds = try await repository.workshopRounds(of: tenant)
        guard let round = id.map({ id in rounds.first { $0.id.rawValue == id } }) ?? rounds.last else {
            throw CLIError(
                rounds.isEmpty
                    ? "Die Kommune hat noch keine Workshop-Runde; mit 'amtsweg workshop open' eine eröffnen."
                    : "Eine Runde '\(id ?? "")' gibt es nicht: \(rounds.map(\.id.rawValue).joined(separator: ", ")).")
        }
        return round
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status", abstract: "Stand je Organisationseinheit: beantwortet, offen, überfällig.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "Kennung der Runde (ohne: die neueste).") var round: String?
        @Flag(help: "Ausgabe als JSON.") var json = false

        func run() async throws {
            try await reportingErrors {
                let repository = try await store.repository()
                let tenant = try await store.tenantID(in: repository)
                let round = try await WorkshopCommand.round(self.round, in: repository, tenant: tenant)
                let answers = try await repository.workshopAnswers(of: tenant).filter { $0.roundID == round.id }
                let index = MapIndex(try await repository.loadMap(of: tenant))
                let progress = round.progress(answers, today: Day(Date()))
                struct Row: Encodable {
                    var unit, name, state: String
                    var answered, open: [Int]
                }
                if json {
                    return try printJSON(
                        progress.map {
                            Row(
                                unit: $0.unitID.rawValue, name: index.unitName($0.unitID), state: $0.state.rawValue,
                                answered: $0.answered.sorted().map(\.rawValue), open: $0.open.map(\.rawValue))
                        })
                }
                print(
                    "\(round.title) (\(round.id)), Frist \(round.deadline), \(round.isOpen ? "offen" : "geschlossen")")
                print(
                    TextTable(
                        headers: ["Organisationseinheit", "Beantwortet", "Offene Fragen", "Stand"],
                        rows: progress.map {
                            [
                                index.unitName($0.unitID), "\($0.answered.count) von \(IstQuestion.allCases.count)",
                                $0.open.map { String($0.rawValue) }.joined(separator: ", "),
                                $0.state.label,
                            ]
                        }
                    ).render())
                let waiting = answers.filter { $0.decision == nil && $0.change != .confirmed }.count
                print("\(waiting) Antworten warten auf eine Entscheidung.")
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Eine Runde mit allen Antworten, Entscheidungen und Widersprüchen als JSON.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "Kennung der Runde (ohne: die neueste).") var round: String?
        @Option(name: .shortAndLong, help: "Zieldatei (ohne: Standardausgabe).") var output = "-"

        func run() async throws {
            try await reportingErrors {
                let repository = try await store.repository()
                let tenant = try await store.tenantID(in: repository)
                let round = try await WorkshopCommand.round(self.round, in: repository, tenant: tenant)
                let answers = try await repository.workshopAnswers(of: tenant).filter { $0.roundID == round.id }
                let map = try await repository.loadMap(of: tenant)
                let index = MapIndex(map)
                struct Answer: Encodable {
                    var id, unit, kind, description, answeredBy: String
                    var question: Int
                    var answeredAt: Date
                    /// The object the answer would add (a task, flow, entry point, awareness or finding); none for
                    /// "nothing to add".
                    var change: ChangeObject
                    var decision: String?
                    /// The reason of a rejection, or the corrected change in words.
                    var decisionNote: String?
                    var decidedBy: String?
                }
                struct Output: Encodable {
                    var round: WorkshopRound
                    var answers: [Answer]
                    var contradictions: [String]
                    var findings: [WorkshopFinding]
                }
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                encoder.dateEncodingStrategy = .iso8601
                let data = try encoder.encode(
                    Output(
                        round: round,
                        answers: answers.map {
                            Answer(
                                id: $0.id.rawValue, unit: $0.unitID.rawValue, kind: $0.change.kind,
                                description: $0.change.description(in: index),
                                answeredBy: $0.answeredBy.displayName, question: $0.question.rawValue,
                                answeredAt: $0.answeredAt, change: ChangeObject(change: $0.change),
                                decision: $0.decision.map(Self.decisionName),
                                decisionNote: $0.decision.flatMap { Self.decisionNote($0, index: index) },
                                decidedBy: $0.decidedBy?.displayName)
                        },
                        contradictions: WorkshopContradiction.find(in: answers, round: round, map: map).map {
                            $0.finding(id: "-", map: map, round: round.id, on: Day(Date())).text
                        }, findings: map.findings.filter { $0.roundID == round.id }))
                try write(data + Data("\n".utf8), to: output)
                if output != "-" {
                    print("\(answers.count) Antworten der Runde '\(round.id)' nach \(output) geschrieben.")
                }
            }
        }

        static func decisionName(_ decision: WorkshopAnswer.Decision) -> String {
            switch decision {
            case .accepted: "accepted"
            case .edited: "edited"
            case .rejected: "rejected"
            }
        }

        static func decisionNote(_ decision: WorkshopAnswer.Decision, index: MapIndex) -> String? {
            switch decision {
            case .accepted: nil
            case .edited(let change): change.description(in: index)
            case .rejected(let reason): reason
            }
        }

        /// A change written as the object it adds, as the map's own export writes it.
        struct ChangeObject: Encodable {
            var change: WorkshopAnswer.Change

            func encode(to encoder: any Encoder) throws {
                var container = encoder.singleValueContainer()
                switch change {
                case .duty(let duty): try container.encode(duty)
                case .flow(let flow): try container.encode(flow)
                case .entryPoint(let entry): try container.encode(entry)
                case .awareness(let awareness): try container.encode(awareness)
                case .finding(let finding): try container.encode(finding)
                case .confirmed: try container.encodeNil()
                }
            }
        }
    }
}
