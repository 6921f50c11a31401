public import AmtswegCore
public import Foundation

/// The JSON exchange format of a whole tenant: `amtsweg export` writes it, `amtsweg import` reads it.
///
/// Output is canonical — keys sorted, collections in id order, fixed indentation — so that exporting,
/// importing and exporting again gives the same bytes, and two exports can be compared with `diff`.
public enum TenantDocument {
    /// The format marker written into every document.
    public static let format = "amtsweg.tenant"
    /// Version 2 added the roadmap and its measurement points; an older Amtsweg refuses such a file instead of
    /// importing it without them.
    public static let version = 2

    private struct Envelope: Codable {
        var format: String
        var version: Int
        var map: TenantMap
        /// Absent in documents written before processes existed.
        var processes: [ProcessRecord]?
        /// Absent in documents of version 1.
        var roadmap: Roadmap?
        var measurements: [IndicatorMeasurement]?
    }

    public static func encode(_ contents: TenantContents) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let contents = contents.sorted()
        var data = try encoder.encode(
            Envelope(
                format: format, version: version, map: contents.map, processes: contents.processes,
                roadmap: contents.roadmap, measurements: contents.measurements))
        data.append(0x0A)
        return data
    }

    /// A tenant without roadmap: its map and processes.
    public static func encode(_ map: TenantMap, processes: [ProcessRecord] = []) throws -> Data {
        try encode(TenantContents(map: map, processes: processes))
    }

    /// Reads a document's map. Errors name the file and, for syntax errors, the position.
    public static func decode(_ data: Data, file: String) throws(InterchangeError) -> TenantMap {
        try decodeContents(data, file: file).map
    }

    /// Reads a whole document.
    public static func decodeContents(_ data: Data, file: String) throws(InterchangeError) -> TenantContents {
        let envelope: Envelope
        do {
            envelope = try JSONDecoder().decode(Envelope.self, from: data)
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
                throw syntaxError(in: data, file: file)
            }
            throw InterchangeError(file: file, line: nil, message: describe(error))
        } catch {
            throw InterchangeError(file: file, line: nil, message: "Die Datei ist kein gültiges JSON: \(error)")
        }
        guard envelope.format == format else {
            throw InterchangeError(
                file: file, line: nil, message: "Das ist keine Amtsweg-Exportdatei (format '\(envelope.format)').")
        }
        guard envelope.version <= version else {
            throw InterchangeError(
                file: file, line: nil,
                message:
                    "Die Datei hat Version \(envelope.version); diese Amtsweg-Version liest bis Version \(version).")
        }
        return TenantContents(
            map: envelope.map, processes: envelope.processes ?? [], roadmap: envelope.roadmap ?? Roadmap(),
            measurements: envelope.measurements ?? [])
    }

    /// JSONDecoder does not say where the syntax breaks; JSONSerialization does ("around character 15"),
    /// so a broken file is parsed once more to turn that into a line for the user.
    private static func syntaxError(in data: Data, file: String) -> InterchangeError {
        let bytes = [UInt8](data)
        func line(at offset: Int) -> Int { 1 + bytes.prefix(offset).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
        do {
            _ = try JSONSerialization.jsonObject(with: data)
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? ""
            if let range = detail.range(of: "character "),
                let offset = Int(detail[range.upperBound...].prefix { $0.isNumber })
            {
                return InterchangeError(
                    file: file, line: line(at: offset),
                    message: "Die Datei ist kein gültiges JSON: unerwartetes Zeichen an Stelle \(offset).")
            }
            if detail.contains("end of file") || detail.contains("Unexpected end") {
                return InterchangeError(
                    file: file, line: line(at: bytes.count),
                    message: "Die Datei ist kein gültiges JSON: sie endet mitten im Inhalt (abgeschnitten?).")
            }
        }
        return InterchangeError(file: file, line: nil, message: "Die Datei ist kein gültiges JSON (UTF-8 erwartet).")
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty
                ? "Die Datei ist kein gültiges JSON (\(context.underlyingError.map { "\($0)" } ?? context.debugDescription))."
                : "Ungültiger Wert bei \(path(context)): \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            return "Bei \(path(context)) fehlt das Feld '\(key.stringValue)'."
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "Falscher Typ bei \(path(context)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
