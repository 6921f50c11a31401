public import AmtswegCore
public import AmtswegInterchange
public import Foundation

/// Everything wrong with the files of an OZG catalogue, each problem with file, line and cause.
public struct OZGCatalogueError: Error, Sendable, CustomStringConvertible {
    public var problems: [InterchangeError]

    public var description: String {
        "OZG-Katalog nicht eingelesen, nichts wurde gespeichert (\(problems.count) Fehler):\n"
            + problems.prefix(50).map { "  \($0)" }.joined(separator: "\n")
            + (problems.count > 50 ? "\n  … und \(problems.count - 50) weitere" : "")
    }
}

/// Reads the OZG catalogue from its four CSV files (as the OZG-Datenbank of the KDN publishes the
/// OZG-Umsetzungskatalog): Themenfelder, Lagen, OZG-Leistungen and the LeiKa services mapped to them.
///
/// All or nothing: every row of every file is checked and all problems are reported together; a catalogue is
/// returned only when there are none.
public enum OZGCatalogueReader {
    /// The files of a catalogue directory and the columns each must have.
    public enum File: String, CaseIterable, Sendable {
        case topics = "ozg_themenfelder.csv"
        case situations = "ozg_lagen.csv"
        case services = "ozg_leistungen.csv"
        case entries = "leika_leistungen_ozg_mapping.csv"

        var requiredColumns: [String] {
            switch self {
            case .topics: ["themenfeld_id", "themenfeld"]
            case .situations: ["lage_id", "lage", "themenfeld_id"]
            case .services: ["ozg_id", "ozg_leistung", "lage_id"]
            case .entries:
                [
                    "leistungsschluessel", "leistungsbezeichnung", "leika_typ", "rechtsgrundlagen", "gesetze",
                    "gesetz_kuerzel", "sdg1_relevant", "sdg2_relevant", "ozg_id",
                ]
            }
        }
    }

    /// Far above the real catalogue (about 2 MB, 5,249 rows in its largest file).
    public static let maxBytesPerFile = 64 << 20
    public static let maxRowsPerFile = 200_000

    /// Reads the four files from a directory.
    public static func read(directory: URL, snapshot: OZGCatalogue.Snapshot) throws(OZGCatalogueError)
        -> OZGCatalogue
    {
        var files: [File: Data] = [:]
        var problems: [InterchangeError] = []
        for file in File.allCases {
            let url = directory.appendingPathComponent(file.rawValue)
            let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? nil
            guard let size else {
                problems.append(InterchangeError(file: url.path, line: nil, message: "Die Datei fehlt."))
                continue
            }
            guard size <= maxBytesPerFile else {
                problems.append(tooLarge(url.path, size))
                continue
            }
            do {
                files[file] = try Data(contentsOf: url)
            } catch {
                problems.append(InterchangeError(file: url.path, line: nil, message: "Nicht lesbar: \(error)"))
            }
        }
        guard problems.isEmpty else { throw OZGCatalogueError(problems: problems) }
        return try read(files, snapshot: snapshot)
    }

    /// Reads the four files from their bytes.
    public static func read(_ files: [File: Data], snapshot: OZGCatalogue.Snapshot) throws(OZGCatalogueError)
        -> OZGCatalogue
    {
        var reader = Rows()
        var tables: [File: [[String: String]]] = [:]
        var lines: [File: [Int]] = [:]
        for file in File.allCases {
            guard let data = files[file] else {
                reader.problems.append(InterchangeError(file: file.rawValue, line: nil, message: "Die Datei fehlt."))
                continue
            }
            guard data.count <= maxBytesPerFile else {
                reader.problems.append(tooLarge(file.rawValue, data.count))
                continue
            }
            if let (rows, rowLines) = reader.table(data, file: file) {
                tables[file] = rows
                lines[file] = rowLines
            }
        }
        guard reader.problems.isEmpty else { throw OZGCatalogueError(problems: reader.problems) }
        var catalogue = OZGCatalogue(snapshot: snapshot)
        func each(_ file: File, _ body: (inout Rows.Row) -> Void) {
            for (row, line) in zip(tables[file] ?? [], lines[file] ?? []) {
                var current = Rows.Row(file: file.rawValue, line: line, values: row)
                body(&current)
                reader.problems += current.problems
            }
        }
        each(.topics) { row in
            if let id = row.integer("themenfeld_id") {
                catalogue.topics.append(OZGTopic(id: id, name: row.text("themenfeld")))
            }
        }
        each(.situations) { row in
            if let id = row.integer("lage_id"), let topic = row.integer("themenfeld_id") {
                catalogue.situations.append(OZGSituation(id: id, name: row.text("lage"), topicID: topic))
            }
        }
        each(.services) { row in
            if let id = row.integer("ozg_id"), let situation = row.integer("lage_id") {
                catalogue.services.append(OZGService(id: id, name: row.text("ozg_leistung"), situationID: situation))
            }
        }
        each(.entries) { row in
            let keyText = row.values["leistungsschluessel", default: ""]
            let key = LeiKaKey(keyText)
            if key == nil, !keyText.isEmpty {
                row.fail("„\(keyText)“ ist kein LeiKa-Schlüssel (14 Ziffern, beginnend mit 99)")
                return
            }
            let ozg = row.values["ozg_id", default: ""].isEmpty ? nil : row.integer("ozg_id")
            if ozg == nil, !row.values["ozg_id", default: ""].isEmpty { return }
            guard let sdg1 = row.flag("sdg1_relevant"), let sdg2 = row.flag("sdg2_relevant") else { return }
            catalogue.entries.append(
                LeiKaEntry(
                    key: key, name: row.text("leistungsbezeichnung"), type: row.values["leika_typ", default: ""],
                    legalBases: LeiKaEntry.legalReferences(in: row.values["rechtsgrundlagen", default: ""]),
                    laws: row.values["gesetze", default: ""],
                    lawAbbreviations: row.values["gesetz_kuerzel", default: ""],
                    sdg1: sdg1, sdg2: sdg2, ozgServiceID: ozg))
        }
        reader.problems += catalogue.problems().map {
            InterchangeError(file: File.entries.rawValue, line: nil, message: $0)
        }
        guard reader.problems.isEmpty else { throw OZGCatalogueError(problems: reader.problems) }
        return catalogue.sorted()
    }

    private static func tooLarge(_ file: String, _ size: Int) -> InterchangeError {
        InterchangeError(
            file: file, line: nil, message: "Die Datei ist mit \(size) Bytes größer als erlaubt (\(maxBytesPerFile)).")
    }
}

/// The rows of the catalogue's files and the problems found in them.
private struct Rows {
    struct Row {
        var file: String
        var line: Int
        var values: [String: String]
        var problems: [InterchangeError] = []

        mutating func fail(_ message: String) {
            problems.append(InterchangeError(file: file, line: line, message: message))
        }

        mutating func integer(_ column: String) -> Int? {
            let text = values[column, default: ""]
            guard let value = Int(text) else {
                fail("Spalte „\(column)“: „\(text)“ ist keine ganze Zahl")
                return nil
            }
            return value
        }

        mutating func text(_ column: String) -> String {
            let text = values[column, default: ""].trimmingCharacters(in: .whitespaces)
            if text.isEmpty { fail("Spalte „\(column)“ ist leer") }
            return text
        }

        mutating func flag(_ column: String) -> Bool? {
            switch values[column, default: ""] {
            case "1": return true
            case "0", "": return false
            case let text:
                fail("Spalte „\(column)“: „\(text)“ ist weder 0 noch 1")
                return nil
            }
        }
    }

    var problems: [InterchangeError] = []

    mutating func table(_ data: Data, file: OZGCatalogueReader.File) -> ([[String: String]], [Int])? {
        let table: CSVTable
        do {
            table = try CSVTable.read(data, file: file.rawValue)
        } catch {
            problems.append(error)
            return nil
        }
        let header = table.header.map { $0.trimmingCharacters(in: .whitespaces) }
        let missing = file.requiredColumns.filter { !header.contains($0) }
        guard missing.isEmpty else {
            problems.append(
                InterchangeError(
                    file: file.rawValue, line: 1,
                    message:
                        "Spalten fehlen: \(missing.joined(separator: ", ")) (vorhanden: \(header.joined(separator: ", ")))"
                ))
            return nil
        }
        guard table.records.count <= OZGCatalogueReader.maxRowsPerFile else {
            problems.append(
                InterchangeError(
                    file: file.rawValue, line: nil,
                    message: "Mehr als \(OZGCatalogueReader.maxRowsPerFile) Zeilen: das ist kein OZG-Katalog."))
            return nil
        }
        var rows: [[String: String]] = []
        var lines: [Int] = []
        for record in table.records {
            guard record.fields.count == header.count else {
                problems.append(
                    InterchangeError(
                        file: file.rawValue, line: record.line,
                        message: "\(record.fields.count) Felder statt \(header.count) wie in der Kopfzeile"))
                continue
            }
            rows.append(Dictionary(zip(header, record.fields), uniquingKeysWith: { first, _ in first }))
            lines.append(record.line)
        }
        return (rows, lines)
    }
}
