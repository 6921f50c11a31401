public import AmtswegCore
public import Foundation

/// One CSV file to import: what it holds, where it came from (for messages), and its bytes.
public struct CSVFile: Sendable {
    public var kind: CSVKind
    public var name: String
    public var data: Data

    public init(kind: CSVKind, name: String, data: Data) {
        self.kind = kind
        self.name = name
        self.data = data
    }
}

/// Everything wrong with a set of CSV files, each problem with file, line and cause.
public struct CSVImportError: Error, Sendable, CustomStringConvertible {
    public var problems: [InterchangeError]

    public var description: String {
        "Import abgebrochen, nichts wurde gespeichert (\(problems.count) Fehler):\n"
            + problems.map { "  \($0)" }.joined(separator: "\n")
    }
}

/// Merges CSV exports of org units, positions, tasks, services, external parties and flows into a map.
///
/// All or nothing: every file is read and every row checked, all problems are reported together, and the
/// caller gets a merged map only when there are none. Rows whose id already exists in the map replace the
/// stored object (a newer HR export updates the old one); the same id twice within the import is an error.
public enum CSVImporter {
    /// The largest CSV file accepted: far above any real organisation export, far below exhausting memory.
    public static let defaultMaxBytes = 256 << 20

    public static func merge(
        _ files: [CSVFile], into map: TenantMap, maxBytesPerFile: Int = defaultMaxBytes
    ) throws(CSVImportError) -> TenantMap {
        let oversized = files.filter { $0.data.count > maxBytesPerFile }
        guard oversized.isEmpty else {
            throw CSVImportError(
                problems: oversized.map {
                    InterchangeError(
                        file: $0.name, line: nil,
                        message:
                            "Die Datei ist mit \($0.data.count) Bytes größer als erlaubt (\(maxBytesPerFile) Bytes).")
                })
        }
        var merger = Merger(map: map)
        // Referenced kinds first, so that rows of later files can point at objects of earlier ones.
        let order: [CSVKind] = [.units, .externals, .positions, .tasks, .services, .flows]
        for kind in order {
            for file in files where file.kind == kind {
                merger.read(file)
            }
        }
        merger.validateMerged()
        guard merger.problems.isEmpty else { throw CSVImportError(problems: merger.problems) }
        return merger.map
    }
}

/// The state of one import run.
private struct Merger {
    var map: TenantMap
    var problems: [InterchangeError] = []
    /// Where each imported object came from, to point validation findings at a line.
    var origin: [String: (file: String, line: Int)] = [:]

    /// Rows refused for their own problems, keyed "entityKind/id".
    var rejected = Set<String>()
    /// Whether a file could not be decoded or its header was unusable.
    var fileLevelFailure = false
    /// Index of each object in its collection of `map`, keyed "Type/id".
    var slots: [String: Int] = [:]
    var objectsByName: [String: ID<InformationObject>] = [:]

    init(map: TenantMap) {
        self.map = map
        func index<T: MapEntity>(_ items: [T]) {
            for (offset, item) in items.enumerated() { slots["\(T.self)/\(item.id.rawValue)"] = offset }
        }
        index(map.units)
        index(map.positions)
        index(map.duties)
        index(map.services)
        index(map.externalParties)
        index(map.flows)
        index(map.informationObjects)
        for object in map.informationObjects { objectsByName[object.name] = object.id }
    }

    private func contains<T: MapEntity>(_ type: T.Type, _ id: String) -> Bool { slots["\(T.self)/\(id)"] != nil }

    mutating func read(_ file: CSVFile) {
        let text: String
        do {
            text = try TextDecoding.decode(file.data)
        } catch {
            problems.append(InterchangeError(error, file: file.name))
            fileLevelFailure = true
            return
        }
        let table: CSVTable
        do {
            table = try CSVTable(parsing: text)
        } catch {
            problems.append(InterchangeError(error, file: file.name))
            fileLevelFailure = true
            return
        }
        let problemsBefore = problems.count
        var keys: [String?] = []
        for header in table.header {
            let key = file.kind.columnKey(forHeader: header)
            if key == nil {
                let known = file.kind.columns.map(\.key).joined(separator: ", ")
                problems.append(
                    InterchangeError(
                        file: file.name, line: 1,
                        message: "Unbekannte Spalte '\(header)' (erwartet für \(file.kind.label): \(known))."))
            } else if keys.contains(key) {
                problems.append(
                    InterchangeError(file: file.name, line: 1, message: "Die Spalte '\(header)' kommt doppelt vor."))
            }
            keys.append(key)
        }
        for column in file.kind.columns where column.required && !keys.contains(column.key) {
            problems.append(
                InterchangeError(file: file.name, line: 1, message: "Die Pflichtspalte '\(column.key)' fehlt."))
        }
        // A file with a broken header has no rows worth checking; other files still are.
        guard problems.count == problemsBefore else {
            fileLevelFailure = true
            return
        }
        for record in table.records {
            guard record.fields.count == keys.count else {
                problems.append(
                    InterchangeError(
                        file: file.name, line: record.line,
                        message:
                            "Die Zeile hat \(record.fields.count) Felder, die Kopfzeile \(keys.count) (Trennzeichen '\(table.delimiter)')."
                    ))
                continue
            }
            var row = CSVRow(file: file.name, line: record.line)
            for (key, value) in zip(keys, record.fields) {
                let trimmed = value.trimmingCharacters(in: .whitespaces)
                if let key, !trimmed.isEmpty { row.values[key] = trimmed }
            }
            for column in file.kind.columns where column.required && row.values[column.key] == nil {
                row.fail("Das Pflichtfeld '\(column.key)' ist leer.")
            }
            if row.problems.isEmpty {
                add(row, as: file.kind)
            } else {
                problems += row.problems
                rejected.insert("\(file.kind.entityKind.rawValue)/\(row["id"])")
            }
        }
    }

    // MARK: - Rows to objects

    private mutating func add(_ row: CSVRow, as kind: CSVKind) {
        var row = row
        let id = row["id"]
        switch kind {
        case .units:
            guard
                let unitKind = row.enumValue(
                    "kind", OrgUnitKind.self,
                    spell: { text in
                        OrgUnitKind.allCases.first {
                            $0.rawValue == text.lowercased() || $0.label.lowercased() == text.lowercased()
                        }
                    })
            else { break }
            record(row, kind: .unit, id: id)
            upsert(
                \.units,
                OrgUnit(
                    id: ID(id), name: row["name"], kind: unitKind, parentID: row.optional("parent").map { ID($0) },
                    officeNumber: row.optional("office_number")))
        case .externals:
            guard
                let partyKind = row.enumValue(
                    "kind", ExternalParty.Kind.self,
                    spell: { text in
                        switch text.lowercased() {
                        case "citizen", "bürger", "buerger", "bürgerinnen und bürger", "bürger/in", "person": .citizen
                        case "business", "unternehmen", "wirtschaft", "firma": .business
                        case "authority", "behörde", "behoerde", "andere behörde": .authority
                        default: nil
                        }
                    })
            else { break }
            record(row, kind: .externalParty, id: id)
            upsert(\.externalParties, ExternalParty(id: ID(id), name: row["name"], kind: partyKind))
        case .positions:
            let fte = row.optional("fte").map { text in row.decimal(text, field: "fte") } ?? 1
            guard let fte, row.problems.isEmpty else { break }
            record(row, kind: .position, id: id)
            upsert(
                \.positions,
                Position(
                    id: ID(id), title: row["title"], unitID: ID(row["unit"]), fte: fte,
                    payGrade: row.optional("pay_grade")))
            if let roleName = row.optional("role") { assign(position: ID(id), toRole: roleName) }
        case .tasks:
            let group = row.optional("task_group").map { row.integer($0, field: "task_group") }
            guard row.problems.isEmpty else { break }
            record(row, kind: .task, id: id)
            upsert(
                \.duties,
                Duty(
                    id: ID(id), name: row["name"], unitID: ID(row["unit"]), taskGroup: group ?? nil,
                    productArea: row.optional("product_area").map(Self.twoDigits)))
        case .services:
            guard let key = LeiKaKey(row["leika"]) else {
                row.fail("'\(row["leika"])' ist kein LeiKa-Schlüssel (14 Ziffern, beginnend mit 99).")
                break
            }
            let cases = row.optional("cases").map { row.integer($0, field: "cases") }
            guard row.problems.isEmpty else { break }
            record(row, kind: .service, id: id)
            upsert(
                \.services,
                Service(
                    id: ID(id), name: row["name"], leikaKey: key, unitID: ID(row["unit"]), casesPerYear: cases ?? nil))
        case .flows:
            let from = resolveEndpoint(row["from"], field: "from", row: &row)
            let to = resolveEndpoint(row["to"], field: "to", row: &row)
            let channel = row.enumValue("channel", Channel.self, spell: Channel.init(spelling:))
            let medium = row.enumValue("medium", Medium.self, spell: Medium.init(spelling:))
            let frequency = row.integer(row["frequency"], field: "frequency")
            guard let from, let to, let channel, let medium, let frequency, row.problems.isEmpty else { break }
            record(row, kind: .flow, id: id)
            let objectID = row.optional("object").map { informationObject(named: $0) }
            upsert(
                \.flows,
                InformationFlow(
                    id: ID(id), from: from, to: to, objectID: objectID, channel: channel,
                    medium: medium, frequencyPerYear: frequency,
                    serviceID: row.optional("service").map { ID($0) }, note: row.optional("note")))
        }
        problems += row.problems
        if !row.problems.isEmpty { rejected.insert("\(kind.entityKind.rawValue)/\(id)") }
    }

    /// Remembers where an object came from; a second row with the same id in this import is an error.
    private mutating func record(_ row: CSVRow, kind: EntityKind, id: String) {
        let key = "\(kind.rawValue)/\(id)"
        if let first = origin[key] {
            problems.append(
                InterchangeError(
                    file: row.file, line: row.line,
                    message: "Die Kennung '\(id)' kommt doppelt vor (zuerst in \(first.file), Zeile \(first.line))."))
        } else {
            origin[key] = (row.file, row.line)
        }
    }

    /// Replaces the object with the same id or appends it; positions are indexed so large files stay linear.
    private mutating func upsert<T: MapEntity>(_ collection: WritableKeyPath<TenantMap, [T]>, _ item: T) {
        let key = "\(T.self)/\(item.id.rawValue)"
        if let index = slots[key] {
            map[keyPath: collection][index] = item
        } else {
            slots[key] = map[keyPath: collection].count
            map[keyPath: collection].append(item)
        }
    }

    private mutating func assign(position: ID<Position>, toRole name: String) {
        let roleID = ID<Role>(name)
        if let index = map.roles.firstIndex(where: { $0.id == roleID || $0.name == name }) {
            if !map.roles[index].positionIDs.contains(position) { map.roles[index].positionIDs.append(position) }
        } else {
            map.roles.append(Role(id: roleID, name: name, positionIDs: [position]))
        }
    }

    /// Information objects are named in flow files; an unknown name creates the object.
    private mutating func informationObject(named name: String) -> ID<InformationObject> {
        if contains(InformationObject.self, name) { return ID(name) }
        if let existing = objectsByName[name] { return existing }
        let object = InformationObject(id: ID(name), name: name)
        upsert(\.informationObjects, object)
        objectsByName[name] = object.id
        return object.id
    }

    /// "unit:32", "position:32-1", "external:finanzamt" (or German "oe:", "stelle:", "extern:"), or a bare id
    /// that names exactly one unit, position or external party.
    private func resolveEndpoint(_ text: String, field: String, row: inout CSVRow) -> FlowEndpoint? {
        let prefixes = ["oe": "unit", "einheit": "unit", "stelle": "position", "extern": "external"]
        if let (kind, id) = PrefixedReference.split(text),
            let canonical = prefixes[kind.lowercased()]
                ?? (["unit", "position", "external"].contains(kind) ? kind : nil)
        {
            return FlowEndpoint(reference: "\(canonical):\(id)")
        }
        var matches: [FlowEndpoint] = []
        if contains(OrgUnit.self, text) { matches.append(.unit(ID(text))) }
        if contains(Position.self, text) { matches.append(.position(ID(text))) }
        if contains(ExternalParty.self, text) { matches.append(.external(ID(text))) }
        switch matches.count {
        case 1: return matches[0]
        case 0:
            row.fail(
                "'\(field)' verweist auf '\(text)': keine Organisationseinheit, Stelle oder externe Stelle mit dieser Kennung."
            )
        default:
            row.fail("'\(field)' = '\(text)' ist mehrdeutig; schreiben Sie z. B. 'oe:\(text)' oder 'stelle:\(text)'.")
        }
        return nil
    }

    private static func twoDigits(_ text: String) -> String {
        text.count == 1 && text.allSatisfy(\.isNumber) ? "0" + text : text
    }

    // MARK: - Whole-map checks

    /// Validates the merged map and points each finding at the line its object came from.
    mutating func validateMerged() {
        // A file that could not be read at all leaves nothing to check references against.
        guard !fileLevelFailure else { return }
        for issue in map.validate() {
            // References to rows refused above would only repeat those errors.
            if case .unknownReference(_, let kind, let id) = issue.cause, rejected.contains("\(kind.rawValue)/\(id)") {
                continue
            }
            let kindKey =
                issue.kind == .responsibility || issue.kind == .awareness ? nil : "\(issue.kind.rawValue)/\(issue.id)"
            if let kindKey, let (file, line) = origin[kindKey] {
                problems.append(InterchangeError(file: file, line: line, message: issue.message))
            } else {
                problems.append(
                    InterchangeError(file: "(gespeicherter Bestand)", line: nil, message: issue.description))
            }
        }
    }

}
