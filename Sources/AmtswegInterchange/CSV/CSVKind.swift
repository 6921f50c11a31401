import AmtswegCore
import Foundation

/// The kinds of CSV file the importer reads, and the columns each may have.
///
/// Headers are matched case-insensitively against English names and the German words HR and Excel
/// exports use; an unknown column is an error rather than silently ignored data.
public enum CSVKind: String, CaseIterable, Sendable, Codable {
    case units, positions, tasks, services, externals, flows

    struct Column {
        var key: String
        var aliases: [String]
        var required: Bool
    }

    var columns: [Column] {
        switch self {
        case .units:
            [
                Column(key: "id", aliases: ["kennung", "oe-nummer", "oe_nummer", "nummer", "nr"], required: true),
                Column(key: "name", aliases: ["bezeichnung", "organisationseinheit"], required: true),
                Column(key: "kind", aliases: ["art", "typ", "ebene"], required: true),
                Column(
                    key: "parent", aliases: ["parent_id", "übergeordnet", "uebergeordnet", "übergeordnete einheit"],
                    required: false),
                Column(key: "office_number", aliases: ["amtsnummer", "kgst-nummer", "kgst_nummer"], required: false),
            ]
        case .positions:
            [
                Column(key: "id", aliases: ["stellennummer", "stelle", "kennung"], required: true),
                Column(key: "title", aliases: ["name", "bezeichnung", "stellenbezeichnung"], required: true),
                Column(key: "unit", aliases: ["unit_id", "einheit", "organisationseinheit", "oe"], required: true),
                Column(key: "fte", aliases: ["vzä", "vzae", "stellenanteil", "vollzeitäquivalente"], required: false),
                Column(
                    key: "pay_grade", aliases: ["entgeltgruppe", "besoldungsgruppe", "eg", "bewertung"], required: false
                ),
                Column(key: "role", aliases: ["rolle"], required: false),
            ]
        case .tasks:
            [
                Column(key: "id", aliases: ["kennung", "aufgabennummer", "nr"], required: true),
                Column(key: "name", aliases: ["bezeichnung", "aufgabe"], required: true),
                Column(key: "unit", aliases: ["unit_id", "einheit", "organisationseinheit", "oe"], required: true),
                Column(key: "task_group", aliases: ["aufgabenhauptgruppe", "ahg"], required: false),
                Column(key: "product_area", aliases: ["produktbereich"], required: false),
            ]
        case .services:
            [
                Column(key: "id", aliases: ["kennung"], required: true),
                Column(key: "name", aliases: ["bezeichnung", "leistung"], required: true),
                Column(
                    key: "leika",
                    aliases: ["leika_key", "leika-schlüssel", "leistungsschlüssel", "leistungsschluessel"],
                    required: true),
                Column(
                    key: "unit", aliases: ["unit_id", "einheit", "zuständig", "organisationseinheit"], required: true),
                Column(
                    key: "cases", aliases: ["cases_per_year", "fallzahl", "fälle", "faelle", "fälle pro jahr"],
                    required: false),
            ]
        case .externals:
            [
                Column(key: "id", aliases: ["kennung"], required: true),
                Column(key: "name", aliases: ["bezeichnung"], required: true),
                Column(key: "kind", aliases: ["art", "typ"], required: true),
            ]
        case .flows:
            [
                Column(key: "id", aliases: ["kennung", "nr"], required: true),
                Column(key: "from", aliases: ["von", "absender", "sender"], required: true),
                Column(key: "to", aliases: ["an", "empfänger", "empfaenger"], required: true),
                Column(key: "object", aliases: ["informationsobjekt", "information", "was"], required: false),
                Column(key: "channel", aliases: ["kanal", "weg"], required: true),
                Column(key: "medium", aliases: ["träger", "format"], required: true),
                Column(
                    key: "frequency",
                    aliases: ["häufigkeit", "haeufigkeit", "anzahl pro jahr", "anzahl_pro_jahr", "fälle pro jahr"],
                    required: true),
                Column(key: "service", aliases: ["leistung"], required: false),
                Column(key: "note", aliases: ["bemerkung", "notiz", "hinweis"], required: false),
            ]
        }
    }

    /// The canonical column key for a header cell, or `nil` if the kind has no such column.
    func columnKey(forHeader header: String) -> String? {
        let normalised = header.trimmingCharacters(in: .whitespaces).lowercased()
        return columns.first { $0.key == normalised || $0.aliases.contains(normalised) }?.key
    }

    /// The kind of object a row of this file becomes.
    var entityKind: EntityKind {
        switch self {
        case .units: .unit
        case .positions: .position
        case .tasks: .task
        case .services: .service
        case .externals: .externalParty
        case .flows: .flow
        }
    }

    public var label: String {
        switch self {
        case .units: "Organisationseinheiten"
        case .positions: "Stellen"
        case .tasks: "Aufgaben"
        case .services: "Leistungen"
        case .externals: "externe Stellen"
        case .flows: "Informationsflüsse"
        }
    }
}
