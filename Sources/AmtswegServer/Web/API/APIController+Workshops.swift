import AmtswegCore
import AmtswegStore
import Foundation
import Hummingbird

/// Workshop rounds, as on their pages: the rounds with each unit's progress, one round with its answers and
/// contradictions, opening and closing a round, a unit's answer, and the facilitator's decision on one.
extension APIController {
    func addWorkshopRoutes(to routes: RouteTable) {
        let api = Paths.api + "/"
        routes.get(api + "workshops", .read) { request, context in try await workshopRounds(request, context) }
        routes.post(api + "workshops", .review) { request, context in try await openWorkshopRound(request, context) }
        routes.get(api + "workshops/:id", .read) { request, context in
            Self.roundDetail(try await WorkshopPages.load(context, pages: pages))
        }
        routes.post(api + "workshops/:id/close", .review) { request, context in
            let loaded = try await WorkshopPages.load(context, pages: pages)
            try await pages.workspace.closeWorkshopRound(
                loaded.round.id, on: Day(Date()), of: loaded.snapshot.map.tenant.id, by: context.author)
            return Self.roundDetail(try await WorkshopPages.load(context, pages: pages))
        }
        routes.post(api + "workshops/:id/units/:unit/answers", .editMap, scope: .unit(parameter: "unit")) {
            request, context in try await answerWorkshop(request, context)
        }
        routes.post(api + "workshops/:id/answers/:answer/decide", .review) { request, context in
            try await decideWorkshopAnswer(request, context)
        }
    }

    struct UnitProgress: Encodable, Sendable {
        var unit: String
        var unitName: String
        var answered: [Int]
        var open: [Int]
        /// `complete`, `open`, `overdue` or `notStarted`.
        var state: String
    }

    struct WorkshopRoundSummary: ResponseEncodable, Sendable {
        var id: String
        var title: String
        var deadline: Day
        var openedOn: Day
        var openedBy: String
        var closedOn: Day?
        var units: [UnitProgress]
        var links: [String: String]
    }

    struct WorkshopAnswerSummary: Encodable, Sendable {
        var id: String
        var unit: String
        var question: Int
        /// `duty`, `flow`, `finding`, `entryPoint`, `awareness` or `confirmed`.
        var kind: String
        var description: String
        var answeredBy: String
        var answeredAt: Date
        /// `accepted`, `edited`, `rejected`, or `null` while undecided.
        var decision: String?
        /// The reason of a rejection, or the corrected change in words.
        var decisionNote: String?
        var decidedBy: String?
    }

    struct ContradictionSummary: Encodable, Sendable {
        var answer: String
        var claimingUnit: String
        var silentUnit: String
        var text: String
        var recorded: Bool
    }

    struct WorkshopRoundDetail: ResponseEncodable, Sendable {
        var round: WorkshopRoundSummary
        var answers: [WorkshopAnswerSummary]
        var contradictions: [ContradictionSummary]
    }

    static func roundSummary(_ round: WorkshopRound, answers: [WorkshopAnswer], map: TenantMap)
        -> WorkshopRoundSummary
    {
        let index = MapIndex(map)
        return WorkshopRoundSummary(
            id: round.id.rawValue, title: round.title, deadline: round.deadline, openedOn: round.openedOn,
            openedBy: round.openedBy.displayName, closedOn: round.closedOn,
            units: round.progress(answers, today: Day(Date())).map { progress in
                UnitProgress(
                    unit: progress.unitID.rawValue, unitName: index.unitName(progress.unitID),
                    answered: progress.answered.sorted().map(\.rawValue), open: progress.open.map(\.rawValue),
                    state: progress.state.rawValue)
            },
            links: ["self": Paths.apiWorkshop(round.id), "page": Paths.workshop(round.id)])
    }

    static func roundDetail(_ loaded: WorkshopPages.Loaded) -> WorkshopRoundDetail {
        let map = loaded.snapshot.map
        let index = MapIndex(map)
        return WorkshopRoundDetail(
            round: roundSummary(loaded.round, answers: loaded.answers, map: map),
            answers: loaded.answers.map { answer in
                let (decision, note): (String?, String?) =
                    switch answer.decision {
                    case .accepted: ("accepted", nil)
                    case .edited(let change): ("edited", change.description(in: index))
                    case .rejected(let reason): ("rejected", reason)
                    case nil: (nil, nil)
                    }
                return WorkshopAnswerSummary(
                    id: answer.id.rawValue, unit: answer.unitID.rawValue, question: answer.question.rawValue,
                    kind: answer.change.kind, description: answer.change.description(in: index),
                    answeredBy: answer.answeredBy.displayName, answeredAt: answer.answeredAt, decision: decision,
                    decisionNote: note, decidedBy: answer.decidedBy?.displayName)
            },
            contradictions: loaded.contradictions.map { contradiction in
                let id = WorkshopPages.findingID(of: contradiction)
                return ContradictionSummary(
                    answer: contradiction.answerID.rawValue, claimingUnit: contradiction.claimingUnit.rawValue,
                    silentUnit: contradiction.silentUnit.rawValue,
                    text: contradiction.finding(id: id, map: map, round: loaded.round.id, on: Day(Date())).text,
                    recorded: map.findings.contains { $0.id == id })
            })
    }

    func workshopRounds(_ request: Request, _ context: AppRequestContext) async throws -> Page<WorkshopRoundSummary> {
        let snapshot = try await pages.snapshot(context)
        let tenant = snapshot.map.tenant.id
        let answers = try await pages.workspace.workshopAnswers(of: tenant)
        return try Self.paginate(
            try await pages.workspace.workshopRounds(of: tenant).map {
                Self.roundSummary($0, answers: answers, map: snapshot.map)
            }, request)
    }

    struct NewWorkshopRound: Decodable, Sendable {
        var title: String
        /// Read as text: a day the calendar does not have (31 February) is the caller's content error, 422.
        var deadline: String
        var units: [String]
    }

    func openWorkshopRound(_ request: Request, _ context: AppRequestContext) async throws
        -> EditedResponse<WorkshopRoundSummary>
    {
        let input = try await request.decode(as: NewWorkshopRound.self, context: context)
        let snapshot = try await pages.snapshot(context)
        let title = input.title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty, title.count <= 200 else {
            throw HTTPError(.unprocessableContent, message: "„title“ hat 1 bis 200 Zeichen.")
        }
        guard let deadline = Day(input.deadline), input.deadline.utf8.count == 10 else {
            throw HTTPError(.unprocessableContent, message: "„deadline“ ist kein Tag des Kalenders (JJJJ-MM-TT).")
        }
        guard deadline >= Day(Date()) else {
            throw HTTPError(.unprocessableContent, message: "Die Frist liegt in der Vergangenheit.")
        }
        let units = Array(Set(input.units)).sorted()
        guard !units.isEmpty, units.count <= 1_000, units.allSatisfy({ snapshot.unit($0) != nil }) else {
            throw HTTPError(
                .unprocessableContent, message: "„units“ nennt mindestens eine Organisationseinheit, die es gibt.")
        }
        let rounds = try await pages.workspace.workshopRounds(of: snapshot.map.tenant.id)
        let round = WorkshopRound(
            id: ID(RoadmapSettingsPages.nextID("runde-", rounds.map(\.id.rawValue), digits: 1)), title: title,
            unitIDs: units.map { ID($0) }, deadline: deadline, openedOn: Day(Date()), openedBy: context.author)
        try await pages.workspace.openWorkshopRound(round, of: snapshot.map.tenant.id)
        return EditedResponse(
            status: .created, headers: [.location: Paths.apiWorkshop(round.id)],
            response: Self.roundSummary(round, answers: [], map: snapshot.map))
    }

    struct NewWorkshopAnswer: Decodable, Sendable {
        var question: Int
        /// "Nothing to add": the unit confirms what is recorded.
        var confirmed: Bool?
        var name: String?
        var text: String?
        var direction: String?
        var partner: String?
        var object: String?
        var channel: String?
        var medium: String?
        var frequencyPerYear: Int?
        var volumePerYear: Int?
        var known: [String]?
    }

    func answerWorkshop(_ request: Request, _ context: AppRequestContext) async throws
        -> EditedResponse<WorkshopRoundDetail>
    {
        let loaded = try await WorkshopPages.load(context, pages: pages)
        let input = try await request.decode(as: NewWorkshopAnswer.self, context: context)
        let unitID = try context.parameters.require("unit")
        guard let unit = loaded.snapshot.unit(unitID), loaded.round.unitIDs.contains(unit.id) else {
            throw HTTPError(.notFound, message: "Die Organisationseinheit „\(unitID)“ gehört nicht zu dieser Runde.")
        }
        guard let question = IstQuestion(rawValue: input.question) else {
            throw HTTPError(.unprocessableContent, message: "„question“ ist eine Zahl von 1 bis 7.")
        }
        guard loaded.round.isOpen else {
            throw HTTPError(.conflict, message: "Die Runde „\(loaded.round.title)“ ist geschlossen.")
        }
        let form = WorkshopQuestionPage.Form(
            name: input.name ?? "", text: input.text ?? "", direction: input.direction ?? "in",
            partner: input.partner ?? "", object: input.object ?? "", channel: input.channel ?? "",
            medium: input.medium ?? "", frequency: input.frequencyPerYear.map(String.init) ?? "",
            volume: input.volumePerYear.map(String.init) ?? "", known: Set(input.known ?? []))
        let changes: [WorkshopAnswer.Change]
        if input.confirmed == true {
            changes = [.confirmed]
        } else {
            do {
                changes = try WorkshopQuestionPage.changes(
                    from: form, question: question, unit: unit.id, round: loaded.round.id, map: loaded.snapshot.map,
                    author: context.author)
            } catch let problem as WorkshopQuestionPage.AnswerProblem {
                throw HTTPError(.unprocessableContent, message: problem.messages.joined(separator: " "))
            }
        }
        try await WorkshopQuestionPage(pages: pages).record(
            changes, of: unit.id, on: question, in: loaded, by: context.author)
        return EditedResponse(
            status: .created, headers: [.location: Paths.apiWorkshop(loaded.round.id)],
            response: Self.roundDetail(try await WorkshopPages.load(context, pages: pages)))
    }

    struct WorkshopDecision: Decodable, Sendable {
        var decision: String
        var note: String?
    }

    func decideWorkshopAnswer(_ request: Request, _ context: AppRequestContext) async throws -> WorkshopRoundDetail {
        // An unknown round or answer is 404 before the body is looked at.
        let loaded = try await WorkshopPages.load(context, pages: pages)
        let id = try context.parameters.require("answer")
        guard let answer = loaded.answers.first(where: { $0.id.rawValue == id }) else {
            throw HTTPError(.notFound, message: "Eine Antwort „\(id)“ gibt es in dieser Runde nicht.")
        }
        let input = try await request.decode(as: WorkshopDecision.self, context: context)
        let decision = try WorkshopPages.decision(input.decision, note: input.note ?? "", on: answer)
        try await pages.workspace.decideWorkshopAnswer(
            answer.id, decision, of: loaded.snapshot.map.tenant.id, by: context.author)
        return Self.roundDetail(try await WorkshopPages.load(context, pages: pages))
    }
}
