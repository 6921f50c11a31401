import SQLKit

/// A table as the database itself describes it: its columns with their kinds, its primary key, and the tables
/// its foreign keys point to. Read from the database rather than from the migrations, so a copy takes exactly
/// what is there.
public struct TableShape: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case text, integer, real, blob

        /// The kind of a declared column type, as SQLite (`BIGINT`, `DOUBLE PRECISION`, `BLOB`) or PostgreSQL's
        /// information schema (`bigint`, `double precision`, `bytea`) names it.
        init(declared: String) {
            let type = declared.uppercased()
            if type.contains("INT") {
                self = .integer
            } else if ["DOUBLE", "REAL", "FLOAT", "NUMERIC"].contains(where: type.contains) {
                self = .real
            } else if type.contains("BLOB") || type.contains("BYTEA") {
                self = .blob
            } else {
                self = .text
            }
        }
    }

    public struct Column: Sendable, Equatable {
        public var name: String
        public var kind: Kind
    }

    public var name: String
    public var columns: [Column]
    /// The primary key's columns in key order; empty when the table has none.
    public var primaryKey: [String]
    /// The other tables this one's foreign keys reference.
    public var references: Set<String>

    /// Tables in an order where every table comes after those it references, so rows can be inserted table by
    /// table with foreign keys checked; by name where the order is free, so it is the same on every engine.
    static func dependencyOrder(_ tables: [TableShape]) throws -> [TableShape] {
        var remaining = tables.sorted { $0.name < $1.name }
        var placed: Set<String> = []
        var ordered: [TableShape] = []
        let names = Set(tables.map(\.name))
        while !remaining.isEmpty {
            guard
                let next = remaining.firstIndex(where: {
                    $0.references.subtracting([$0.name]).intersection(names).isSubset(of: placed)
                })
            else {
                throw StoreError.unavailable(
                    "Die Tabellen \(remaining.map(\.name).joined(separator: ", ")) verweisen im Kreis aufeinander.")
            }
            placed.insert(remaining[next].name)
            ordered.append(remaining.remove(at: next))
        }
        return ordered
    }
}
