import AmtswegCore
import SQLKit

/// The row layout of the Enrich catalogues and process settings (schema in ``Migration/enrichSchema``).
enum EnrichTables {
    static let settings = SQLTable<ProcessSettings>(
        name: "process_settings",
        columns: [
            "net_annual_working_hours", "hourly_cost", "max_desks", "long_wait_days", "hours_per_working_day",
            "person_level_figures",
        ],
        row: {
            [
                .real($0.netAnnualWorkingHours), .real($0.hourlyCost), .integer($0.maxDesks), .real($0.longWaitDays),
                .real($0.hoursPerWorkingDay), .integer($0.personLevelFigures ? 1 : 0),
            ]
        },
        decode: { row in
            ProcessSettings(
                netAnnualWorkingHours: try row.decode(column: "net_annual_working_hours", as: Double.self),
                hourlyCost: try row.decode(column: "hourly_cost", as: Double.self),
                maxDesks: try row.decode(column: "max_desks", as: Int.self),
                longWaitDays: try row.decode(column: "long_wait_days", as: Double.self),
                hoursPerWorkingDay: try row.decode(column: "hours_per_working_day", as: Double.self),
                personLevelFigures: try row.decode(column: "person_level_figures", as: Int.self) != 0)
        }, orderBy: [])

    static let applications = SQLTable<Application>(
        name: "applications", columns: ["id", "name", "vendor", "standards"],
        row: {
            [.text($0.id.rawValue), .text($0.name), SQLValue($0.vendor), .text($0.standards.joined(separator: "\n"))]
        },
        decode: { row in
            Application(
                id: ID(try row.decode(column: "id", as: String.self)),
                name: try row.decode(column: "name", as: String.self),
                vendor: try row.decode(column: "vendor", as: String?.self),
                standards: try row.decode(column: "standards", as: String.self).split(separator: "\n").map(String.init))
        }, orderBy: ["id"])

    static let applicationUnits = SQLTable<(application: ID<Application>, unit: ID<OrgUnit>)>(
        name: "application_units", columns: ["application_id", "unit_id"],
        row: { [.text($0.application.rawValue), .text($0.unit.rawValue)] },
        decode: { row in
            (
                ID(try row.decode(column: "application_id", as: String.self)),
                ID(try row.decode(column: "unit_id", as: String.self))
            )
        }, orderBy: ["application_id", "unit_id"])

    static let documents = SQLTable<Document>(
        name: "documents", columns: ["id", "name", "kind", "information_object_id"],
        row: {
            [
                .text($0.id.rawValue), .text($0.name), .text($0.kind.rawValue),
                SQLValue($0.informationObjectID?.rawValue),
            ]
        },
        decode: { row in
            Document(
                id: ID(try row.decode(column: "id", as: String.self)),
                name: try row.decode(column: "name", as: String.self),
                kind: try row.decode(enum: "kind", as: Document.Kind.self),
                informationObjectID: try row.decode(column: "information_object_id", as: String?.self).map { ID($0) })
        }, orderBy: ["id"])

    static let legalBases = SQLTable<LegalBasis>(
        name: "legal_bases", columns: ["id", "law", "paragraph", "url"],
        row: { [.text($0.id.rawValue), .text($0.law), .text($0.paragraph), SQLValue($0.url)] },
        decode: { row in
            LegalBasis(
                id: ID(try row.decode(column: "id", as: String.self)),
                law: try row.decode(column: "law", as: String.self),
                paragraph: try row.decode(column: "paragraph", as: String.self),
                url: try row.decode(column: "url", as: String?.self))
        }, orderBy: ["id"])

    static let skills = SQLTable<Skill>(
        name: "skills", columns: ["id", "name"],
        row: { [.text($0.id.rawValue), .text($0.name)] },
        decode: { row in
            Skill(
                id: ID(try row.decode(column: "id", as: String.self)),
                name: try row.decode(column: "name", as: String.self))
        }, orderBy: ["id"])

    static let skillHoldings = SQLTable<SkillHolding>(
        name: "skill_holdings", columns: ["position_id", "skill_id", "level"],
        row: { [.text($0.positionID.rawValue), .text($0.skillID.rawValue), .integer($0.level.rawValue)] },
        decode: { row in
            let level = try row.decode(column: "level", as: Int.self)
            guard let skillLevel = SkillLevel(rawValue: level) else {
                throw StoreError.unavailable("Unbekannte Kompetenzstufe \(level)")
            }
            return SkillHolding(
                positionID: ID(try row.decode(column: "position_id", as: String.self)),
                skillID: ID(try row.decode(column: "skill_id", as: String.self)), level: skillLevel)
        }, orderBy: ["skill_id", "position_id"])

    static let buildingBlocks = SQLTable<BuildingBlock>(
        name: "building_blocks", columns: ["key", "label", "task_type", "explanation"],
        row: { [.text($0.key.rawValue), .text($0.label), .text($0.taskType.rawValue), .text($0.explanation)] },
        decode: { row in
            BuildingBlock(
                key: ID(try row.decode(column: "key", as: String.self)),
                label: try row.decode(column: "label", as: String.self),
                taskType: try row.decode(enum: "task_type", as: BuildingBlock.TaskType.self),
                explanation: try row.decode(column: "explanation", as: String.self))
        }, orderBy: ["key"])

    static let processes = SQLTable<ProcessRecord>(
        name: "processes", columns: ["id", "name", "service_id", "owner_unit_id", "state", "ist_id", "bpmn"],
        row: {
            [
                .text($0.id.rawValue), .text($0.name), SQLValue($0.serviceID?.rawValue),
                SQLValue($0.ownerUnitID?.rawValue), .text($0.state.rawValue), SQLValue($0.istID?.rawValue),
                .text($0.bpmn),
            ]
        },
        decode: { row in
            ProcessRecord(
                id: ID(try row.decode(column: "id", as: String.self)),
                name: try row.decode(column: "name", as: String.self),
                serviceID: try row.decode(column: "service_id", as: String?.self).map { ID($0) },
                ownerUnitID: try row.decode(column: "owner_unit_id", as: String?.self).map { ID($0) },
                state: try row.decode(enum: "state", as: ProcessState.self),
                istID: try row.decode(column: "ist_id", as: String?.self).map { ID($0) },
                bpmn: try row.decode(column: "bpmn", as: String.self))
        }, orderBy: ["id"])
}
