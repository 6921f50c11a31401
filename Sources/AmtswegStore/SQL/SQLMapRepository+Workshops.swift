public import AmtswegCore
import Foundation
import SQLKit

extension SQLMapRepository: WorkshopRepository {
    public func workshopRounds(of tenantID: ID<Tenant>) async throws -> [WorkshopRound] {
        try await run { db in
            try await db.select().columns(Self.roundColumns.map { SQLIdentifier($0) }).from("workshop_rounds")
                .where("tenant_id", .equal, tenantID.rawValue).orderBy("opened_on").orderBy("id").all()
                .map(Self.round)
        }
    }

    public func openWorkshopRound(_ round: WorkshopRound, of tenantID: ID<Tenant>) async throws {
        let at = now()
        try await runInTransaction { db in
            try await Self.requireTenant(tenantID, in: db)
            let taken = try await db.select().column("id").from("workshop_rounds")
                .where("tenant_id", .equal, tenantID.rawValue).where("id", .equal, round.id.rawValue).first()
            guard taken == nil else { throw StoreError.conflict("Eine Workshop-Runde „\(round.id)“ gibt es schon.") }
            try await db.insert(into: "workshop_rounds").columns(Self.roundColumns + ["tenant_id"])
                .values(
                    round.id.rawValue, round.title, round.unitIDs.map(\.rawValue).joined(separator: "\n"),
                    round.deadline.description, round.openedOn.description, round.openedBy.id,
                    round.openedBy.displayName, round.closedOn?.description, tenantID.rawValue
                ).run()
            try await Self.log(
                ChangeRecord(
                    tenantID: tenantID, at: at, author: round.openedBy, action: "openWorkshopRound",
                    summary: "Workshop-Runde eröffnet: \(round.title) (\(round.unitIDs.count) Organisationseinheiten, "
                        + "bis \(round.deadline))", object: "workshop:\(round.id)"), in: db)
        }
    }

    public func closeWorkshopRound(
        _ id: ID<WorkshopRound>, on day: Day, of tenantID: ID<Tenant>, by author: Author
    ) async throws {
        let at = now()
        try await runInTransaction { db in
            let round = try await Self.round(id, of: tenantID, in: db)
            guard round.isOpen else { throw StoreError.conflict("Die Runde „\(round.title)“ ist schon geschlossen.") }
            try await db.update("workshop_rounds").set("closed_on", to: day.description)
                .where("tenant_id", .equal, tenantID.rawValue).where("id", .equal, id.rawValue).run()
            try await Self.log(
                ChangeRecord(
                    tenantID: tenantID, at: at, author: author, action: "closeWorkshopRound",
                    summary: "Workshop-Runde geschlossen: \(round.title)", object: "workshop:\(id)"), in: db)
        }
    }

    public func workshopAnswers(of tenantID: ID<Tenant>) async throws -> [WorkshopAnswer] {
        try await run { db in
            try await db.select().columns(Self.answerColumns.map { SQLIdentifier($0) }).from("workshop_answers")
                .where("tenant_id", .equal, tenantID.rawValue).orderBy("answered_at").orderBy("id").all()
                .map(Self.answer)
        }
    }

    public func saveWorkshopAnswer(_ answer: WorkshopAnswer, of tenantID: ID<Tenant>) async throws {
        try await runInTransaction { db in
            let round = try await Self.round(answer.roundID, of: tenantID, in: db)
            guard round.isOpen else { throw StoreError.conflict("Die Runde „\(round.title)“ ist geschlossen.") }
            guard round.unitIDs.contains(answer.unitID) else {
                throw StoreError.conflict("Die Organisationseinheit „\(answer.unitID)“ gehört nicht zur Runde.")
            }
            let existing = try await db.select().column("decision").from("workshop_answers")
                .where("tenant_id", .equal, tenantID.rawValue).where("id", .equal, answer.id.rawValue).first()
            if let existing {
                guard try existing.decode(column: "decision", as: String?.self) == nil else {
                    throw StoreError.conflict("Über diese Antwort ist schon entschieden.")
                }
                try await db.delete(from: "workshop_answers").where("tenant_id", .equal, tenantID.rawValue)
                    .where("id", .equal, answer.id.rawValue).run()
            }
            var undecided = answer
            undecided.decision = nil
            undecided.decidedBy = nil
            try await Self.insert(undecided, of: tenantID, in: db)
            try await Self.log(
                ChangeRecord(
                    tenantID: tenantID, at: answer.answeredAt, author: answer.answeredBy, action: "answerWorkshop",
                    summary: "Antwort von \(answer.unitID) auf Frage \(answer.question.rawValue) in „\(round.title)“",
                    object: "workshop-answer:\(answer.id)"), in: db)
        }
    }

    @discardableResult
    public func decideWorkshopAnswer(
        _ id: ID<WorkshopAnswer>, _ decision: WorkshopAnswer.Decision, of tenantID: ID<Tenant>, by author: Author
    ) async throws -> WorkshopAnswer {
        let engine = engine
        let at = now()
        return try await runInTransaction { db in
            let row = try await db.select().columns(Self.answerColumns.map { SQLIdentifier($0) })
                .from("workshop_answers").where("tenant_id", .equal, tenantID.rawValue)
                .where("id", .equal, id.rawValue).first()
            guard let row else { throw StoreError.notFound(kind: .workshopAnswer, id: id.rawValue) }
            var answer = try Self.answer(row)
            guard answer.decision == nil else { throw StoreError.conflict("Über diese Antwort ist schon entschieden.") }
            answer.decision = decision
            answer.decidedBy = author
            if answer.mergedChange != nil {
                let previous = try await Self.readMap(tenantID, in: db)
                let map = previous.merging([answer])
                let issues = map.validate()
                guard issues.isEmpty else { throw StoreError.invalid(issues) }
                try await Self.recordMapVersion(
                    map.sorted(), replacing: previous, of: tenantID, by: author, at: at,
                    comment:
                        "Workshop-Antwort von \(previous.units.first { $0.id == answer.unitID }?.name ?? answer.unitID.rawValue) übernommen",
                    in: db, engine: engine)
                try await Self.write(map.sorted(), into: db, engine: engine)
            }
            try await db.update("workshop_answers").set("decision", to: try Self.json(decision))
                .set("decided_by_id", to: author.id).set("decided_by_name", to: author.displayName)
                .where("tenant_id", .equal, tenantID.rawValue).where("id", .equal, id.rawValue).run()
            let (action, verb) =
                switch decision {
                case .accepted: ("acceptWorkshopAnswer", "übernommen")
                case .edited: ("editWorkshopAnswer", "geändert übernommen")
                case .rejected: ("rejectWorkshopAnswer", "abgelehnt")
                }
            try await Self.log(
                ChangeRecord(
                    tenantID: tenantID, at: at, author: author, action: action,
                    summary: "Workshop-Antwort von \(answer.unitID) zu Frage \(answer.question.rawValue) \(verb)",
                    object: "workshop-answer:\(id)"), in: db)
            return answer
        }
    }

    public func recordContradiction(_ finding: WorkshopFinding, of tenantID: ID<Tenant>, by author: Author)
        async throws
    {
        let engine = engine
        let at = now()
        try await runInTransaction { db in
            let previous = try await Self.readMap(tenantID, in: db)
            var map = previous
            guard !map.findings.contains(where: { $0.id == finding.id }) else {
                throw StoreError.conflict("Den Befund „\(finding.id)“ gibt es schon.")
            }
            map.findings.append(finding)
            let issues = map.validate()
            guard issues.isEmpty else { throw StoreError.invalid(issues) }
            try await Self.recordMapVersion(
                map.sorted(), replacing: previous, of: tenantID, by: author, at: at,
                comment: "Widerspruch als Befund erfasst", in: db, engine: engine)
            try await Self.write(map.sorted(), into: db, engine: engine)
            try await Self.log(
                ChangeRecord(
                    tenantID: tenantID, at: at, author: author, action: "recordContradiction",
                    summary: "Widerspruch als Befund erfasst: \(Self.excerpt(finding.text))",
                    object: "finding:\(finding.id)"), in: db)
        }
    }

    // MARK: - Rows

    private static let roundColumns = [
        "id", "title", "unit_ids", "deadline", "opened_on", "opened_by_id", "opened_by_name", "closed_on",
    ]
    private static let answerColumns = [
        "id", "round_id", "unit_id", "question", "change", "answered_by_id", "answered_by_name", "answered_at",
        "decision", "decided_by_id", "decided_by_name",
    ]

    private static func round(_ id: ID<WorkshopRound>, of tenantID: ID<Tenant>, in db: any SQLDatabase) async throws
        -> WorkshopRound
    {
        let row = try await db.select().columns(roundColumns.map { SQLIdentifier($0) }).from("workshop_rounds")
            .where("tenant_id", .equal, tenantID.rawValue).where("id", .equal, id.rawValue).first()
        guard let row else { throw StoreError.notFound(kind: .workshopRound, id: id.rawValue) }
        return try round(row)
    }

    private static func round(_ row: any SQLRow) throws -> WorkshopRound {
        func day(_ column: String) throws -> Day {
            let text = try row.decode(column: column, as: String.self)
            guard let day = Day(text) else { throw StoreError.unavailable("Unlesbarer Tag '\(text)' in '\(column)'") }
            return day
        }
        return WorkshopRound(
            id: ID(try row.decode(column: "id", as: String.self)),
            title: try row.decode(column: "title", as: String.self),
            unitIDs: try row.decode(column: "unit_ids", as: String.self).split(separator: "\n").map { ID(String($0)) },
            deadline: try day("deadline"), openedOn: try day("opened_on"),
            openedBy: Author(
                id: try row.decode(column: "opened_by_id", as: String.self),
                displayName: try row.decode(column: "opened_by_name", as: String.self)),
            closedOn: try row.decode(column: "closed_on", as: String?.self).flatMap { Day($0) })
    }

    private static func insert(_ answer: WorkshopAnswer, of tenantID: ID<Tenant>, in db: any SQLDatabase) async throws {
        try await db.insert(into: "workshop_answers").columns(answerColumns + ["tenant_id"])
            .values(
                answer.id.rawValue, answer.roundID.rawValue, answer.unitID.rawValue, answer.question.rawValue,
                try json(answer.change), answer.answeredBy.id, answer.answeredBy.displayName,
                answer.answeredAt.formatted(.iso8601), try answer.decision.map(json), answer.decidedBy?.id,
                answer.decidedBy?.displayName, tenantID.rawValue
            ).run()
    }

    private static func answer(_ row: any SQLRow) throws -> WorkshopAnswer {
        let decoder = JSONDecoder()
        guard let question = IstQuestion(rawValue: try row.decode(column: "question", as: Int.self)) else {
            throw StoreError.unavailable("Unbekannte Frage in 'workshop_answers'")
        }
        let decidedBy = try row.decode(column: "decided_by_id", as: String?.self).map {
            Author(id: $0, displayName: (try? row.decode(column: "decided_by_name", as: String?.self) ?? $0) ?? $0)
        }
        return WorkshopAnswer(
            id: ID(try row.decode(column: "id", as: String.self)),
            roundID: ID(try row.decode(column: "round_id", as: String.self)),
            unitID: ID(try row.decode(column: "unit_id", as: String.self)), question: question,
            change: try decoder.decode(
                WorkshopAnswer.Change.self, from: Data(try row.decode(column: "change", as: String.self).utf8)),
            answeredBy: Author(
                id: try row.decode(column: "answered_by_id", as: String.self),
                displayName: try row.decode(column: "answered_by_name", as: String.self)),
            answeredAt: try moment(row, "answered_at"),
            decision: try row.decode(column: "decision", as: String?.self).map {
                try decoder.decode(WorkshopAnswer.Decision.self, from: Data($0.utf8))
            }, decidedBy: decidedBy)
    }

    private static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
