public import Foundation

/// Which organisational unit each resource works in — in the tenant's terms resource → position → unit —
/// so that hand-overs can be shown between departments instead of between people.
public struct ResourceUnits: Sendable, Hashable {
    public var unitOfResource: [String: String]

    public init(_ unitOfResource: [String: String]) { self.unitOfResource = unitOfResource }

    public func unit(of resource: String) -> String? { unitOfResource[resource] }

    /// The same assignment for logs whose resources were pseudonymised with `pseudonymizer`.
    public func pseudonymised(with pseudonymizer: ResourcePseudonymizer) -> ResourceUnits {
        ResourceUnits(
            Dictionary(unitOfResource.map { (pseudonymizer.pseudonym(for: $0), $1) }, uniquingKeysWith: { a, _ in a }))
    }

    /// Reads a CSV file with a header and two columns, resource and unit (delimiter and encoding detected as
    /// for event logs). A resource listed twice with different units is an error naming both lines.
    public static func read(contentsOf url: URL) throws(MiningError) -> ResourceUnits {
        try read(try MiningError.contents(of: url), file: url.path)
    }

    public static func read(_ data: Data, file: String) throws(MiningError) -> ResourceUnits {
        let bytes = CSVLogReader.utf8Bytes(data)
        var parser = CSVRecordParser(bytes: bytes, delimiter: CSVLogReader.detectDelimiter(bytes))
        guard let header = try parser.next(file: file), header.count >= 2 else {
            throw MiningError(
                file: file, line: 1, message: "Erwartet wird eine Kopfzeile mit zwei Spalten: Ressource und Einheit.")
        }
        var units: [String: (unit: String, line: Int)] = [:]
        while let fields = try parser.next(file: file) {
            let line = parser.recordLine
            guard fields.count >= 2 else {
                if fields.count == 1 && parser.isEmpty(fields[0]) { continue }
                throw MiningError(file: file, line: line, message: "Die Zeile hat keine zweite Spalte (Einheit).")
            }
            let resource = parser.string(fields[0]).trimmingCharacters(in: .whitespaces)
            let unit = parser.string(fields[1]).trimmingCharacters(in: .whitespaces)
            guard !resource.isEmpty, !unit.isEmpty else {
                throw MiningError(file: file, line: line, message: "Ressource und Einheit dürfen nicht leer sein.")
            }
            if let known = units[resource], known.unit != unit {
                throw MiningError(
                    file: file, line: line,
                    message: "„\(resource)“ steht schon in Zeile \(known.line) bei „\(known.unit)“, hier bei „\(unit)“."
                )
            }
            units[resource] = (unit, line)
        }
        return ResourceUnits(units.mapValues(\.unit))
    }
}
