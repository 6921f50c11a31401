import Foundation

/// What changed in the organisation model between two of its versions, object by object and field by field,
/// in words: "Organisationseinheit „Bürgerbüro“: Name „Bürgerbüro“ → „Bürgerservice“". Objects are matched by
/// their id (those without one — who knows whose tasks, who is responsible for what — by their whole content,
/// so they are only added or removed).
public struct MapDelta: Hashable, Sendable {
    public struct Field: Hashable, Sendable {
        public var label: String
        public var old: String
        public var new: String
    }

    public struct Change: Hashable, Sendable {
        public enum Kind: String, Hashable, Sendable {
            case added, removed, changed
        }
        public var kind: Kind
        /// "Organisationseinheit", "Informationsfluss", …
        public var entity: String
        /// The object's name as people know it.
        public var name: String
        /// The fields that differ (changed objects only).
        public var fields: [Field]

        /// The change as one sentence.
        public var text: String {
            switch kind {
            case .added: "\(entity) „\(name)“ hinzugefügt"
            case .removed: "\(entity) „\(name)“ entfernt"
            case .changed:
                "\(entity) „\(name)“: "
                    + fields.map { "\($0.label) \($0.old) → \($0.new)" }.joined(separator: "; ")
            }
        }
    }

    public var changes: [Change]

    public var isEmpty: Bool { changes.isEmpty }

    public init(from old: TenantMap, to new: TenantMap) {
        let oldIndex = MapIndex(old), newIndex = MapIndex(new)
        var changes: [Change] = []
        func compare<T: Encodable & Equatable>(
            _ entity: String, _ path: KeyPath<TenantMap, [T]>, name: (T, MapIndex) -> String
        ) {
            // Comparing field by field goes through JSON; a collection nobody touched costs one comparison.
            guard old[keyPath: path] != new[keyPath: path] else { return }
            let before = Self.objects(old[keyPath: path]), after = Self.objects(new[keyPath: path])
            let oldByKey = Dictionary(before.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
            let newByKey = Dictionary(after.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
            for object in before where newByKey[object.key] == nil {
                changes.append(
                    Change(
                        kind: .removed, entity: entity, name: name(old[keyPath: path][object.offset], oldIndex),
                        fields: []))
            }
            for object in after {
                let label = name(new[keyPath: path][object.offset], newIndex)
                guard let previous = oldByKey[object.key] else {
                    changes.append(Change(kind: .added, entity: entity, name: label, fields: []))
                    continue
                }
                let fields = Self.fields(previous.fields, object.fields, oldIndex: oldIndex, newIndex: newIndex)
                if !fields.isEmpty {
                    changes.append(Change(kind: .changed, entity: entity, name: label, fields: fields))
                }
            }
        }
        if old.tenant != new.tenant {
            let fields = Self.fields(
                Self.dictionary(old.tenant), Self.dictionary(new.tenant), oldIndex: oldIndex, newIndex: newIndex)
            changes.append(Change(kind: .changed, entity: "Kommune", name: new.tenant.name, fields: fields))
        }
        compare("Organisationseinheit", \.units) { unit, _ in unit.name }
        compare("Stelle", \.positions) { position, index in
            "\(position.title) (\(index.unitName(position.unitID)))"
        }
        compare("Rolle", \.roles) { role, _ in role.name }
        compare("Aufgabe", \.duties) { duty, index in "\(duty.name) (\(index.unitName(duty.unitID)))" }
        compare("Leistung", \.services) { service, _ in service.name }
        compare("Information", \.informationObjects) { object, _ in object.name }
        compare("Externe Stelle", \.externalParties) { party, _ in party.name }
        compare("Informationsfluss", \.flows) { flow, index in
            "\(index.name(of: flow.from)) an \(index.name(of: flow.to))"
                + (index.objectName(flow.objectID).map { ": \($0)" } ?? "")
        }
        compare("Eingang", \.entryPoints) { entry, index in
            "\(index.unitName(entry.unitID)), \(entry.channel.label)"
        }
        compare("Zuständigkeit", \.responsibilities) { responsibility, index in
            let duty = index.map.duties.first { $0.id == responsibility.dutyID }?.name ?? responsibility.dutyID.rawValue
            return "\(duty): \(responsibility.kind.label)"
        }
        compare("Kenntnis", \.awareness) { awareness, index in
            "\(index.unitName(awareness.unitID)) kennt \(index.unitName(awareness.knownUnitID))"
        }
        compare("Befund", \.findings) { finding, _ in
            finding.text.count > 80 ? String(finding.text.prefix(79)) + "…" : finding.text
        }
        self.changes = changes
    }

    // MARK: - Comparing objects as their stored fields

    private struct Object {
        var key: String
        var offset: Int
        var fields: [String: Any]
    }

    private static func objects<T: Encodable>(_ values: [T]) -> [Object] {
        values.enumerated().map { offset, value in
            let fields = dictionary(value)
            let key = (fields["id"] as? String).map { "id:" + $0 } ?? "content:" + canonical(fields)
            return Object(key: key, offset: offset, fields: fields)
        }
    }

    private static func dictionary<T: Encodable>(_ value: T) -> [String: Any] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        guard let data = try? encoder.encode(value),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [:] }
        return object
    }

    private static func canonical(_ value: Any) -> String {
        guard JSONSerialization.isValidJSONObject([value]),
            let data = try? JSONSerialization.data(withJSONObject: [value], options: [.sortedKeys])
        else { return "\(value)" }
        return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
    }

    private static func fields(
        _ old: [String: Any], _ new: [String: Any], oldIndex: MapIndex, newIndex: MapIndex
    ) -> [Field] {
        Set(old.keys).union(new.keys).sorted().compactMap { key in
            let before = old[key].map(canonical), after = new[key].map(canonical)
            guard before != after else { return nil }
            return Field(
                label: label(key), old: show(old[key], key: key, index: oldIndex),
                new: show(new[key], key: key, index: newIndex))
        }
    }

    /// A stored value as people read it: text in quotes, a unit by its name, nothing as "–".
    private static func show(_ value: Any?, key: String, index: MapIndex) -> String {
        switch value {
        case nil, is NSNull: return "–"
        case let text as String:
            if ["unitID", "parentID", "knownUnitID"].contains(key) { return "„\(index.unitName(ID(text)))“" }
            if key == "channel", let channel = Channel(rawValue: text) { return channel.label }
            if key == "medium", let medium = Medium(rawValue: text) { return medium.label }
            return "„\(text)“"
        case let number as NSNumber:
            let double = number.doubleValue
            return double == double.rounded() && abs(double) < 1e15
                ? GermanFormat.integer(Int(double)) : GermanFormat.decimal(double)
        default:
            if key == "from" || key == "to", let endpoint = endpoint(value) { return index.name(of: endpoint) }
            return canonical(value!)
        }
    }

    private static func endpoint(_ value: Any?) -> FlowEndpoint? {
        guard let value, JSONSerialization.isValidJSONObject([value]),
            let data = try? JSONSerialization.data(withJSONObject: value)
        else { return nil }
        return try? JSONDecoder().decode(FlowEndpoint.self, from: data)
    }

    private static let labels: [String: String] = [
        "name": "Name", "title": "Bezeichnung", "unitID": "Organisationseinheit", "parentID": "übergeordnet",
        "kind": "Art", "officeNumber": "Amtsnummer", "fte": "Vollzeitäquivalente", "payGrade": "Besoldung/Entgelt",
        "positionIDs": "Stellen", "taskGroup": "Aufgabengruppe", "productArea": "Produktbereich",
        "leikaKey": "LeiKa-Schlüssel", "casesPerYear": "Fälle im Jahr", "from": "von", "to": "an",
        "objectID": "Information", "channel": "Kanal", "medium": "Medium", "frequencyPerYear": "Anzahl im Jahr",
        "serviceID": "Leistung", "note": "Bemerkung", "volumePerYear": "Anfragen im Jahr", "text": "Text",
        "author": "eingebracht von", "recordedOn": "Datum", "question": "Frage", "population": "Einwohner",
        "ags": "Gemeindeschlüssel", "knownUnitID": "kennt", "roundID": "Workshop-Runde",
    ]

    private static func label(_ key: String) -> String { labels[key] ?? key }
}
