import AmtswegCore
import SQLKit

/// The row layout of the roadmap (schema in ``Migration/roadmapSchema``).
enum RoadmapTables {
    static let goals = SQLTable<Goal>(
        name: "roadmap_goals",
        columns: [
            "id", "title", "indicator", "baseline_value", "baseline_day", "target_value", "target_day", "direction",
        ],
        row: {
            [
                .text($0.id.rawValue), .text($0.title), .text($0.indicator.key), .real($0.baseline.value),
                .text($0.baseline.day.description), .real($0.target.value), .text($0.target.day.description),
                .text($0.direction.rawValue),
            ]
        },
        decode: { row in
            let key = try row.decode(column: "indicator", as: String.self)
            guard let indicator = Indicator(key: key) else {
                throw StoreError.unavailable("Unbekannte Kennzahl '\(key)' in roadmap_goals")
            }
            return Goal(
                id: ID(try row.decode(column: "id", as: String.self)),
                title: try row.decode(column: "title", as: String.self), indicator: indicator,
                baseline: .init(
                    value: try row.decode(column: "baseline_value", as: Double.self),
                    day: try row.decodeDay("baseline_day")),
                target: .init(
                    value: try row.decode(column: "target_value", as: Double.self), day: try row.decodeDay("target_day")
                ),
                direction: try row.decode(enum: "direction", as: Goal.Direction.self))
        }, orderBy: ["id"])

    static let fields = SQLTable<FieldOfAction>(
        name: "roadmap_fields", columns: ["id", "name", "kind", "description"],
        row: { [.text($0.id.rawValue), .text($0.name), .text($0.kind.rawValue), .text($0.description)] },
        decode: { row in
            FieldOfAction(
                id: ID(try row.decode(column: "id", as: String.self)),
                name: try row.decode(column: "name", as: String.self),
                kind: try row.decode(enum: "kind", as: FieldOfAction.Kind.self),
                description: try row.decode(column: "description", as: String.self))
        }, orderBy: ["id"])

    static let initiatives = SQLTable<Initiative>(
        name: "roadmap_initiatives",
        columns: [
            "id", "title", "description", "field_id", "ist_process_id", "soll_process_id", "owner_unit_id", "cost",
            "risk", "duration_quarters", "earliest_start", "fixed_start", "deadline", "status", "rejection_reason",
            "source_finding_id",
        ],
        row: {
            [
                .text($0.id.rawValue), .text($0.title), .text($0.description), SQLValue($0.fieldID?.rawValue),
                SQLValue($0.processPair?.ist.rawValue), SQLValue($0.processPair?.soll.rawValue),
                SQLValue($0.ownerUnitID?.rawValue), .real($0.cost), .integer($0.risk), .integer($0.durationQuarters),
                SQLValue($0.earliestStart?.description), SQLValue($0.fixedStart?.description),
                SQLValue($0.deadline?.description), .text($0.status.rawValue), .text($0.rejectionReason),
                SQLValue($0.sourceFindingID?.rawValue),
            ]
        },
        decode: { row in
            let ist = try row.decode(column: "ist_process_id", as: String?.self)
            let soll = try row.decode(column: "soll_process_id", as: String?.self)
            return Initiative(
                id: ID(try row.decode(column: "id", as: String.self)),
                title: try row.decode(column: "title", as: String.self),
                description: try row.decode(column: "description", as: String.self),
                fieldID: try row.decode(column: "field_id", as: String?.self).map { ID($0) },
                processPair: ist.flatMap { ist in soll.map { .init(ist: ID(ist), soll: ID($0)) } },
                ownerUnitID: try row.decode(column: "owner_unit_id", as: String?.self).map { ID($0) },
                cost: try row.decode(column: "cost", as: Double.self),
                risk: try row.decode(column: "risk", as: Int.self),
                durationQuarters: try row.decode(column: "duration_quarters", as: Int.self),
                earliestStart: try row.decodeQuarter("earliest_start"),
                fixedStart: try row.decodeQuarter("fixed_start"),
                deadline: try row.decode(column: "deadline", as: String?.self).flatMap { Day($0) },
                status: try row.decode(enum: "status", as: InitiativeStatus.self),
                rejectionReason: try row.decode(column: "rejection_reason", as: String.self),
                sourceFindingID: try row.decode(column: "source_finding_id", as: String?.self).map { ID($0) })
        }, orderBy: ["id"])

    /// A link of an initiative or a field to something else, in its list's order.
    struct Link: Sendable {
        enum Kind: String, Sendable {
            case goal, fieldGoal, problemSpot, process, service, dependency
        }
        var owner: String
        var kind: Kind
        var position: Int
        var target: String
    }

    static let links = SQLTable<Link>(
        name: "roadmap_links", columns: ["owner_id", "kind", "position", "target"],
        row: { [.text($0.owner), .text($0.kind.rawValue), .integer($0.position), .text($0.target)] },
        decode: { row in
            Link(
                owner: try row.decode(column: "owner_id", as: String.self),
                kind: try row.decode(enum: "kind", as: Link.Kind.self),
                position: try row.decode(column: "position", as: Int.self),
                target: try row.decode(column: "target", as: String.self))
        }, orderBy: ["owner_id", "kind", "position"])

    static let efforts = SQLTable<(initiative: ID<Initiative>, position: Int, effort: Initiative.Effort)>(
        name: "roadmap_efforts", columns: ["initiative_id", "position", "unit_id", "person_days"],
        row: {
            [
                .text($0.initiative.rawValue), .integer($0.position), .text($0.effort.unitID.rawValue),
                .real($0.effort.personDays),
            ]
        },
        decode: { row in
            (
                ID(try row.decode(column: "initiative_id", as: String.self)),
                try row.decode(column: "position", as: Int.self),
                Initiative.Effort(
                    unitID: ID(try row.decode(column: "unit_id", as: String.self)),
                    personDays: try row.decode(column: "person_days", as: Double.self))
            )
        }, orderBy: ["initiative_id", "position"])

    static let notes = SQLTable<(initiative: ID<Initiative>, position: Int, note: Initiative.ProgressNote)>(
        name: "roadmap_notes", columns: ["initiative_id", "position", "day", "author", "text"],
        row: {
            [
                .text($0.initiative.rawValue), .integer($0.position), .text($0.note.day.description),
                .text($0.note.author), .text($0.note.text),
            ]
        },
        decode: { row in
            (
                ID(try row.decode(column: "initiative_id", as: String.self)),
                try row.decode(column: "position", as: Int.self),
                Initiative.ProgressNote(
                    day: try row.decodeDay("day"), author: try row.decode(column: "author", as: String.self),
                    text: try row.decode(column: "text", as: String.self))
            )
        }, orderBy: ["initiative_id", "position"])

    /// One row per unit and quarter; quarter "" is the usual capacity.
    static let capacities = SQLTable<(unit: ID<OrgUnit>, quarter: String, personDays: Double)>(
        name: "roadmap_capacities", columns: ["unit_id", "quarter", "person_days"],
        row: { [.text($0.unit.rawValue), .text($0.quarter), .real($0.personDays)] },
        decode: { row in
            (
                ID(try row.decode(column: "unit_id", as: String.self)),
                try row.decode(column: "quarter", as: String.self),
                try row.decode(column: "person_days", as: Double.self)
            )
        }, orderBy: ["unit_id", "quarter"])

    static let measurements = SQLTable<IndicatorMeasurement>(
        name: "indicator_measurements", columns: ["indicator", "day", "value"],
        row: { [.text($0.indicatorKey), .text($0.day.description), .real($0.value)] },
        decode: { row in
            IndicatorMeasurement(
                indicatorKey: try row.decode(column: "indicator", as: String.self), day: try row.decodeDay("day"),
                value: try row.decode(column: "value", as: Double.self))
        }, orderBy: ["day", "indicator"])

    /// The tables of the roadmap itself (not the measurements), for replacing and deleting it.
    static let tableNames = [
        "roadmap_settings", "roadmap_goals", "roadmap_fields", "roadmap_initiatives", "roadmap_links",
        "roadmap_efforts", "roadmap_notes", "roadmap_capacities",
    ]
}

extension SQLRow {
    func decodeDay(_ column: String) throws -> Day {
        let text = try decode(column: column, as: String.self)
        guard let day = Day(text) else { throw StoreError.unavailable("Unlesbares Datum '\(text)' in '\(column)'") }
        return day
    }

    func decodeQuarter(_ column: String) throws -> Quarter? {
        guard let text = try decode(column: column, as: String?.self) else { return nil }
        guard let quarter = Quarter(text) else {
            throw StoreError.unavailable("Unlesbares Quartal '\(text)' in '\(column)'")
        }
        return quarter
    }
}
