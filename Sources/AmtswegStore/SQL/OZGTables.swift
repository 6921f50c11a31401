import AmtswegCore
import Foundation
import SQLKit

/// The row layout of the OZG catalogue and the maturity models (schema in ``Migration/ozgSchema``).
enum OZGTables {
    static let topics = SQLTable<OZGTopic>(
        name: "ozg_topics", columns: ["id", "name"], row: { [.integer($0.id), .text($0.name)] },
        decode: { row in
            OZGTopic(
                id: try row.decode(column: "id", as: Int.self), name: try row.decode(column: "name", as: String.self))
        }, orderBy: ["id"])

    static let situations = SQLTable<OZGSituation>(
        name: "ozg_situations", columns: ["id", "name", "topic_id"],
        row: { [.integer($0.id), .text($0.name), .integer($0.topicID)] },
        decode: { row in
            OZGSituation(
                id: try row.decode(column: "id", as: Int.self), name: try row.decode(column: "name", as: String.self),
                topicID: try row.decode(column: "topic_id", as: Int.self))
        }, orderBy: ["id"])

    static let services = SQLTable<OZGService>(
        name: "ozg_services", columns: ["id", "name", "situation_id"],
        row: { [.integer($0.id), .text($0.name), .integer($0.situationID)] },
        decode: { row in
            OZGService(
                id: try row.decode(column: "id", as: Int.self), name: try row.decode(column: "name", as: String.self),
                situationID: try row.decode(column: "situation_id", as: Int.self))
        }, orderBy: ["id"])

    /// Entries in the catalogue's canonical order, numbered: entries without a key have no other identity.
    static let entries = SQLTable<(position: Int, entry: LeiKaEntry)>(
        name: "leika_entries",
        columns: [
            "position", "leika_key", "name", "leika_type", "legal_bases", "laws", "law_abbreviations", "sdg1", "sdg2",
            "ozg_service_id",
        ],
        row: { position, entry in
            [
                .integer(position), SQLValue(entry.key?.rawValue), .text(entry.name), .text(entry.type),
                .text(legalBasesJSON(entry.legalBases)), .text(entry.laws), .text(entry.lawAbbreviations),
                .integer(entry.sdg1 ? 1 : 0), .integer(entry.sdg2 ? 1 : 0), SQLValue(entry.ozgServiceID),
            ]
        },
        decode: { row in
            let keyText = try row.decode(column: "leika_key", as: String?.self)
            let key = try keyText.map { text in
                guard let key = LeiKaKey(text) else {
                    throw StoreError.unavailable("Gespeicherter LeiKa-Schlüssel '\(text)' ist ungültig")
                }
                return key
            }
            let legal = try row.decode(column: "legal_bases", as: String.self)
            return (
                try row.decode(column: "position", as: Int.self),
                LeiKaEntry(
                    key: key, name: try row.decode(column: "name", as: String.self),
                    type: try row.decode(column: "leika_type", as: String.self),
                    legalBases: (try? JSONDecoder().decode([LeiKaEntry.LegalReference].self, from: Data(legal.utf8)))
                        ?? [],
                    laws: try row.decode(column: "laws", as: String.self),
                    lawAbbreviations: try row.decode(column: "law_abbreviations", as: String.self),
                    sdg1: try row.decode(column: "sdg1", as: Int.self) != 0,
                    sdg2: try row.decode(column: "sdg2", as: Int.self) != 0,
                    ozgServiceID: try row.decode(column: "ozg_service_id", as: Int?.self))
            )
        }, orderBy: ["position"])

    static let levels = SQLTable<(version: String, level: MaturityLevel)>(
        name: "maturity_levels", columns: ["version", "number", "name", "description"],
        row: { [.text($0.version), .integer($0.level.number), .text($0.level.name), .text($0.level.description)] },
        decode: { row in
            (
                try row.decode(column: "version", as: String.self),
                MaturityLevel(
                    number: try row.decode(column: "number", as: Int.self),
                    name: try row.decode(column: "name", as: String.self),
                    description: try row.decode(column: "description", as: String.self))
            )
        }, orderBy: ["version", "number"])

    static let criteria = SQLTable<(version: String, position: Int, criterion: MaturityCriterion)>(
        name: "maturity_criteria", columns: ["version", "position", "id", "name", "question", "only_where_needed"],
        row: {
            [
                .text($0.version), .integer($0.position), .text($0.criterion.id), .text($0.criterion.name),
                .text($0.criterion.question), .integer($0.criterion.onlyWhereNeeded ? 1 : 0),
            ]
        },
        decode: { row in
            (
                try row.decode(column: "version", as: String.self), try row.decode(column: "position", as: Int.self),
                MaturityCriterion(
                    id: try row.decode(column: "id", as: String.self),
                    name: try row.decode(column: "name", as: String.self),
                    question: try row.decode(column: "question", as: String.self),
                    onlyWhereNeeded: try row.decode(column: "only_where_needed", as: Int.self) != 0)
            )
        }, orderBy: ["version", "position"])

    static let ratings = SQLTable<(sequence: Int, criterion: String, rating: MaturityRating)>(
        name: "maturity_ratings", columns: ["sequence", "criterion_id", "rating"],
        row: { [.integer($0.sequence), .text($0.criterion), .text($0.rating.key)] },
        decode: { row in
            let text = try row.decode(column: "rating", as: String.self)
            guard let rating = MaturityRating(key: text) else {
                throw StoreError.unavailable("Unbekannte Bewertung '\(text)' in maturity_ratings")
            }
            return (
                try row.decode(column: "sequence", as: Int.self),
                try row.decode(column: "criterion_id", as: String.self), rating
            )
        }, orderBy: ["sequence", "criterion_id"])

    /// Tables holding a tenant's OZG data, children first.
    static let tableNames = [
        "maturity_ratings", "maturity_assessments", "maturity_criteria", "maturity_levels", "maturity_models",
        "leika_entries", "ozg_services", "ozg_situations", "ozg_topics", "ozg_catalogues",
    ]

    static func legalBasesJSON(_ references: [LeiKaEntry.LegalReference]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(references)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }
}
