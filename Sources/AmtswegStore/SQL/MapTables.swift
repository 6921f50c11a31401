import AmtswegCore
import SQLKit

/// The row layout of every Map object (schema in ``Migration/mapSchema``).
enum MapTables {
    static let units = SQLTable<OrgUnit>(
        name: "org_units", columns: ["id", "name", "kind", "parent_id", "office_number"],
        row: {
            [
                .text($0.id.rawValue), .text($0.name), .text($0.kind.rawValue), SQLValue($0.parentID?.rawValue),
                SQLValue($0.officeNumber),
            ]
        },
        decode: { row in
            OrgUnit(
                id: ID(try row.decode(column: "id", as: String.self)),
                name: try row.decode(column: "name", as: String.self),
                kind: try row.decode(enum: "kind", as: OrgUnitKind.self),
                parentID: try row.decode(column: "parent_id", as: String?.self).map { ID($0) },
                officeNumber: try row.decode(column: "office_number", as: String?.self))
        }, orderBy: ["id"])

    static let positions = SQLTable<Position>(
        name: "positions", columns: ["id", "title", "unit_id", "fte", "pay_grade"],
        row: {
            [.text($0.id.rawValue), .text($0.title), .text($0.unitID.rawValue), .real($0.fte), SQLValue($0.payGrade)]
        },
        decode: { row in
            Position(
                id: ID(try row.decode(column: "id", as: String.self)),
                title: try row.decode(column: "title", as: String.self),
                unitID: ID(try row.decode(column: "unit_id", as: String.self)),
                fte: try row.decode(column: "fte", as: Double.self),
                payGrade: try row.decode(column: "pay_grade", as: String?.self))
        }, orderBy: ["id"])

    static let roles = SQLTable<Role>(
        name: "roles", columns: ["id", "name"],
        row: { [.text($0.id.rawValue), .text($0.name)] },
        decode: { row in
            Role(
                id: ID(try row.decode(column: "id", as: String.self)),
                name: try row.decode(column: "name", as: String.self))
        }, orderBy: ["id"])

    /// Membership of positions in roles, one row per pair.
    static let rolePositions = SQLTable<(role: ID<Role>, position: ID<Position>)>(
        name: "role_positions", columns: ["role_id", "position_id"],
        row: { [.text($0.role.rawValue), .text($0.position.rawValue)] },
        decode: { row in
            (
                ID(try row.decode(column: "role_id", as: String.self)),
                ID(try row.decode(column: "position_id", as: String.self))
            )
        }, orderBy: ["role_id", "position_id"])

    static let duties = SQLTable<Duty>(
        name: "tasks", columns: ["id", "name", "unit_id", "task_group", "product_area"],
        row: {
            [
                .text($0.id.rawValue), .text($0.name), .text($0.unitID.rawValue), SQLValue($0.taskGroup),
                SQLValue($0.productArea),
            ]
        },
        decode: { row in
            Duty(
                id: ID(try row.decode(column: "id", as: String.self)),
                name: try row.decode(column: "name", as: String.self),
                unitID: ID(try row.decode(column: "unit_id", as: String.self)),
                taskGroup: try row.decode(column: "task_group", as: Int?.self),
                productArea: try row.decode(column: "product_area", as: String?.self))
        }, orderBy: ["id"])

    static let services = SQLTable<Service>(
        name: "services", columns: ["id", "name", "leika_key", "unit_id", "cases_per_year"],
        row: {
            [
                .text($0.id.rawValue), .text($0.name), .text($0.leikaKey.rawValue), .text($0.unitID.rawValue),
                SQLValue($0.casesPerYear),
            ]
        },
        decode: { row in
            let key = try row.decode(column: "leika_key", as: String.self)
            guard let leikaKey = LeiKaKey(key) else {
                throw StoreError.unavailable("Gespeicherter LeiKa-Schlüssel '\(key)' ist ungültig")
            }
            return Service(
                id: ID(try row.decode(column: "id", as: String.self)),
                name: try row.decode(column: "name", as: String.self), leikaKey: leikaKey,
                unitID: ID(try row.decode(column: "unit_id", as: String.self)),
                casesPerYear: try row.decode(column: "cases_per_year", as: Int?.self))
        }, orderBy: ["id"])

    static let informationObjects = SQLTable<InformationObject>(
        name: "information_objects", columns: ["id", "name"],
        row: { [.text($0.id.rawValue), .text($0.name)] },
        decode: { row in
            InformationObject(
                id: ID(try row.decode(column: "id", as: String.self)),
                name: try row.decode(column: "name", as: String.self))
        }, orderBy: ["id"])

    static let externalParties = SQLTable<ExternalParty>(
        name: "external_parties", columns: ["id", "name", "kind"],
        row: { [.text($0.id.rawValue), .text($0.name), .text($0.kind.rawValue)] },
        decode: { row in
            ExternalParty(
                id: ID(try row.decode(column: "id", as: String.self)),
                name: try row.decode(column: "name", as: String.self),
                kind: try row.decode(enum: "kind", as: ExternalParty.Kind.self))
        }, orderBy: ["id"])

    static let flows = SQLTable<InformationFlow>(
        name: "information_flows",
        columns: [
            "id", "from_unit_id", "from_position_id", "from_external_id", "to_unit_id", "to_position_id",
            "to_external_id", "object_id", "channel", "medium", "frequency_per_year", "service_id", "note",
        ],
        row: { flow in
            [.text(flow.id.rawValue)] + endpointColumns(flow.from) + endpointColumns(flow.to)
                + [
                    SQLValue(flow.objectID?.rawValue), .text(flow.channel.rawValue), .text(flow.medium.rawValue),
                    .integer(flow.frequencyPerYear), SQLValue(flow.serviceID?.rawValue), SQLValue(flow.note),
                ]
        },
        decode: { row in
            InformationFlow(
                id: ID(try row.decode(column: "id", as: String.self)),
                from: try endpoint(row, prefix: "from"), to: try endpoint(row, prefix: "to"),
                objectID: try row.decode(column: "object_id", as: String?.self).map { ID($0) },
                channel: try row.decode(enum: "channel", as: Channel.self),
                medium: try row.decode(enum: "medium", as: Medium.self),
                frequencyPerYear: try row.decode(column: "frequency_per_year", as: Int.self),
                serviceID: try row.decode(column: "service_id", as: String?.self).map { ID($0) },
                note: try row.decode(column: "note", as: String?.self))
        }, orderBy: ["id"])

    static let entryPoints = SQLTable<EntryPoint>(
        name: "entry_points", columns: ["id", "unit_id", "channel", "volume_per_year", "service_id"],
        row: {
            [
                .text($0.id.rawValue), .text($0.unitID.rawValue), .text($0.channel.rawValue),
                .integer($0.volumePerYear),
                SQLValue($0.serviceID?.rawValue),
            ]
        },
        decode: { row in
            EntryPoint(
                id: ID(try row.decode(column: "id", as: String.self)),
                unitID: ID(try row.decode(column: "unit_id", as: String.self)),
                channel: try row.decode(enum: "channel", as: Channel.self),
                volumePerYear: try row.decode(column: "volume_per_year", as: Int.self),
                serviceID: try row.decode(column: "service_id", as: String?.self).map { ID($0) })
        }, orderBy: ["id"])

    static let responsibilities = SQLTable<Responsibility>(
        name: "responsibilities", columns: ["task_id", "kind", "assignee"],
        row: { [.text($0.dutyID.rawValue), .text($0.kind.rawValue), .text($0.assignee.description)] },
        decode: { row in
            let assignee = try row.decode(column: "assignee", as: String.self)
            guard let parsed = Responsibility.Assignee(reference: assignee) else {
                throw StoreError.unavailable("Gespeicherte Zuständigkeit '\(assignee)' ist ungültig")
            }
            return Responsibility(
                dutyID: ID(try row.decode(column: "task_id", as: String.self)), assignee: parsed,
                kind: try row.decode(enum: "kind", as: Responsibility.Kind.self))
        }, orderBy: ["task_id", "kind", "assignee"])

    static let awareness = SQLTable<UnitAwareness>(
        name: "unit_awareness", columns: ["unit_id", "known_unit_id"],
        row: { [.text($0.unitID.rawValue), .text($0.knownUnitID.rawValue)] },
        decode: { row in
            UnitAwareness(
                unitID: ID(try row.decode(column: "unit_id", as: String.self)),
                knownUnitID: ID(try row.decode(column: "known_unit_id", as: String.self)))
        }, orderBy: ["unit_id", "known_unit_id"])

    static let findings = SQLTable<WorkshopFinding>(
        name: "workshop_findings", columns: ["id", "question", "text", "author", "recorded_on", "unit_id", "round_id"],
        row: {
            [
                .text($0.id.rawValue), .integer($0.question.rawValue), .text($0.text), .text($0.author),
                .text($0.recordedOn.description), SQLValue($0.unitID?.rawValue), SQLValue($0.roundID?.rawValue),
            ]
        },
        decode: { row in
            let day = try row.decode(column: "recorded_on", as: String.self)
            guard let recordedOn = Day(day) else {
                throw StoreError.unavailable("Gespeichertes Datum '\(day)' ist ungültig")
            }
            return WorkshopFinding(
                id: ID(try row.decode(column: "id", as: String.self)),
                question: try row.decode(enum: "question", as: IstQuestion.self),
                text: try row.decode(column: "text", as: String.self),
                author: try row.decode(column: "author", as: String.self), recordedOn: recordedOn,
                unitID: try row.decode(column: "unit_id", as: String?.self).map { ID($0) },
                roundID: try row.decode(column: "round_id", as: String?.self).map { ID($0) })
        }, orderBy: ["id"])

    private static func endpointColumns(_ endpoint: FlowEndpoint) -> [SQLValue] {
        switch endpoint {
        case .unit(let id): [.text(id.rawValue), .null, .null]
        case .position(let id): [.null, .text(id.rawValue), .null]
        case .external(let id): [.null, .null, .text(id.rawValue)]
        }
    }

    private static func endpoint(_ row: any SQLRow, prefix: String) throws -> FlowEndpoint {
        if let unit = try row.decode(column: "\(prefix)_unit_id", as: String?.self) { return .unit(ID(unit)) }
        if let position = try row.decode(column: "\(prefix)_position_id", as: String?.self) {
            return .position(ID(position))
        }
        if let external = try row.decode(column: "\(prefix)_external_id", as: String?.self) {
            return .external(ID(external))
        }
        throw StoreError.unavailable("Informationsfluss ohne Endpunkt '\(prefix)'")
    }
}
