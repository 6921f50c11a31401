import Crypto
import Foundation
import SQLKit

/// Copies a whole store — every tenant, account, audit entry, event log and version — from one engine to an
/// empty store on another (or the same kind): what `amtsweg migrate`, `backup` and `restore` do.
///
/// The source is read in one snapshot, so a store in use is copied as it stood at one moment, and the target is
/// written in one transaction, so a copy that fails leaves it empty. Before committing, the copy reads back
/// what it wrote and compares a digest of every table with the digest of what it read; only equal digests commit.
public enum StoreCopy {
    /// What was copied, table by table, with each table's digest (equal in source and target).
    public struct Report: Sendable {
        public struct Table: Sendable {
            public var name: String
            public var rows: Int
            /// SHA-256 over the table's rows, independent of their order and of the engine.
            public var digest: String
        }

        public var tables: [Table]
        public var rows: Int { tables.reduce(0) { $0 + $1.rows } }
    }

    /// Rows that belong to a store, not to its data: the schema's history (each store has its own from being
    /// migrated) and the change feed (each store records its own writes).
    static let storeOwnTables: Set<String> = ["schema_migrations", "store_change_feed"]

    /// Rows read per query: small enough that a table of large event logs does not fill the memory.
    static let pageSize = 200

    /// Copies everything in `source` into `target`, which must be empty (it is migrated first, if new).
    /// `progress` is told each table's name and row count once copied.
    public static func copy(
        from source: any SQLEngine, to target: any SQLEngine,
        progress: @escaping @Sendable (String, Int) -> Void = { _, _ in }
    ) async throws -> Report {
        try await requireCurrentSchema(source)
        do {
            _ = try await SQLMapRepository(engine: target)
        } catch {
            throw target.storeError(for: error)
        }
        do {
            return try await source.snapshot { from in
                let shapes = try TableShape.dependencyOrder(
                    try await source.tableShapes(in: from).filter { !storeOwnTables.contains($0.name) })
                return try await target.transaction { to in
                    try await requireSameEmptyTables(shapes, in: to, of: target)
                    var tables: [Report.Table] = []
                    for shape in shapes {
                        let copied = try await copyTable(shape, from: from, to: to, engine: target)
                        let written = try await digest(shape, in: to)
                        guard written.digest == copied.digest, written.rows == copied.rows else {
                            throw StoreError.unavailable(
                                "Tabelle \(shape.name): \(copied.rows) Zeilen gelesen, \(written.rows) geschrieben – "
                                    + "der Inhalt weicht ab; nichts wurde übernommen.")
                        }
                        progress(shape.name, copied.rows)
                        tables.append(Report.Table(name: shape.name, rows: copied.rows, digest: copied.digest))
                    }
                    try await target.continueGeneratedIDs(in: to)
                    return Report(tables: tables)
                }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw target.storeError(for: error)
        }
    }

    /// The digest of every table of a store (apart from its own), to compare two stores.
    public static func digests(of engine: any SQLEngine) async throws -> [Report.Table] {
        try await engine.snapshot { db in
            var tables: [Report.Table] = []
            for shape in try await engine.tableShapes(in: db).sorted(by: { $0.name < $1.name })
            where !storeOwnTables.contains(shape.name) {
                let (rows, digest) = try await digest(shape, in: db)
                tables.append(Report.Table(name: shape.name, rows: rows, digest: digest))
            }
            return tables
        }
    }

    static func requireCurrentSchema(_ engine: any SQLEngine) async throws {
        let expected = Migrator.all.last!.version
        let newest = try await engine.read { db in
            try await db.select().column(SQLFunction("MAX", args: SQLIdentifier("version")), as: "newest")
                .from("schema_migrations").first(decodingColumn: "newest", as: Int?.self) ?? nil
        }
        guard newest == expected else {
            throw StoreError.unavailable(
                "Die Quelle hat Schema-Version \(newest.map(String.init) ?? "keine"), diese Amtsweg-Version schreibt "
                    + "\(expected). Zuerst mit dieser Version öffnen (etwa mit „amtsweg export“), dann kopieren.")
        }
    }

    static func requireSameEmptyTables(_ shapes: [TableShape], in db: any SQLDatabase, of engine: any SQLEngine)
        async throws
    {
        let target = Dictionary(
            try await engine.tableShapes(in: db).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for shape in shapes {
            guard let other = target[shape.name], other.columns.map(\.name) == shape.columns.map(\.name) else {
                throw StoreError.unavailable(
                    "Die Tabelle \(shape.name) ist im Ziel anders aufgebaut als in der Quelle.")
            }
            if try await db.select().column(SQLLiteral.numeric("1"), as: "one").from(shape.name).limit(1).first() != nil
            {
                throw StoreError.conflict(
                    "Das Ziel ist nicht leer (Tabelle \(shape.name) enthält Daten); kopiert wird nur in einen leeren Speicher."
                )
            }
        }
    }

    /// Copies one table page by page; returns its rows and digest as read.
    static func copyTable(_ shape: TableShape, from: any SQLDatabase, to: any SQLDatabase, engine: any SQLEngine)
        async throws -> (rows: Int, digest: String)
    {
        var rowDigests: [SHA256.Digest] = []
        let perStatement = max(1, min(500, engine.maxBindsPerStatement / max(1, shape.columns.count)))
        var pages = TablePages(shape)
        while let page = try await pages.next(from: from) {
            rowDigests += page.map(rowDigest)
            for start in stride(from: 0, to: page.count, by: perStatement) {
                var insert = to.insert(into: shape.name).columns(shape.columns.map(\.name))
                for row in page[start..<min(page.count, start + perStatement)] {
                    insert = insert.values(row.map(\.bind))
                }
                try await insert.run()
            }
        }
        return (rowDigests.count, combined(rowDigests))
    }

    static func digest(_ shape: TableShape, in db: any SQLDatabase) async throws -> (rows: Int, digest: String) {
        var rowDigests: [SHA256.Digest] = []
        var pages = TablePages(shape)
        while let page = try await pages.next(from: db) { rowDigests += page.map(rowDigest) }
        return (rowDigests.count, combined(rowDigests))
    }

    /// A table's rows page by page, in primary-key order (all columns where there is no key), so pages neither
    /// overlap nor leave gaps within one snapshot. With a key, each page begins after the last row of the one
    /// before (keyset paging): paging by OFFSET made the database read every row before the page again, for each
    /// page — a table of n rows cost n²/400 row reads, which a backup of a running server took from its requests.
    struct TablePages {
        let shape: TableShape
        /// Where the key's columns are in a row, in the key's order; empty without a key.
        private let key: [Int]
        private var offset = 0
        private var last: [CopiedValue]?
        private var done = false

        init(_ shape: TableShape) {
            self.shape = shape
            key = shape.primaryKey.compactMap { name in shape.columns.firstIndex { $0.name == name } }
        }

        /// The next page, or `nil` after the last.
        mutating func next(from db: any SQLDatabase) async throws -> [[CopiedValue]]? {
            if done { return nil }
            var query = db.select().columns(shape.columns.map { SQLIdentifier($0.name) }).from(shape.name)
            for column in shape.primaryKey.isEmpty ? shape.columns.map(\.name) : shape.primaryKey {
                query = query.orderBy(column)
            }
            if let last, !key.isEmpty, key.count == shape.primaryKey.count, !key.contains(where: { last[$0].isNull }) {
                // A row value compares like the ORDER BY (both engines): the key columns in order.
                query = query.where(
                    SQLGroupExpression(shape.primaryKey.map { SQLIdentifier($0) }), .greaterThan,
                    SQLGroupExpression(key.map { last[$0].bind }))
            } else if offset > 0 {
                // No key (or SQLite's NULL in one, which compares with nothing): by position.
                query = query.offset(offset)
            }
            let page = try await query.limit(pageSize).all().map { row in
                try shape.columns.map { try CopiedValue(row, column: $0) }
            }
            offset += page.count
            last = page.last
            done = page.count < pageSize
            return page.isEmpty ? nil : page
        }
    }

    static func rowDigest(_ row: [CopiedValue]) -> SHA256.Digest {
        var hasher = SHA256()
        for value in row { value.feed(&hasher) }
        return hasher.finalize()
    }

    /// Row digests combined without regard to their order: engines sort text differently (collations).
    static func combined(_ digests: [SHA256.Digest]) -> String {
        var hasher = SHA256()
        for digest in digests.map({ Data($0) }).sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            hasher.update(data: digest)
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}

/// One value of a copied row, decoded by its column's kind and bound again unchanged.
enum CopiedValue: Sendable {
    case null, text(String), integer(Int), real(Double), blob(Data)

    init(_ row: any SQLRow, column: TableShape.Column) throws {
        if try row.decodeNil(column: column.name) {
            self = .null
            return
        }
        switch column.kind {
        case .text: self = .text(try row.decode(column: column.name, as: String.self))
        case .integer: self = .integer(try row.decode(column: column.name, as: Int.self))
        case .real: self = .real(try row.decode(column: column.name, as: Double.self))
        case .blob: self = .blob(try row.decode(column: column.name, as: Data.self))
        }
    }

    var isNull: Bool {
        if case .null = self { true } else { false }
    }

    var bind: any SQLExpression {
        switch self {
        case .null: SQLLiteral.null
        case .text(let text): SQLBind(text)
        case .integer(let integer): SQLBind(integer)
        case .real(let real): SQLBind(real)
        case .blob(let data): SQLBind(data)
        }
    }

    /// A tag and a length before each value, so no two rows feed the same bytes.
    func feed(_ hasher: inout SHA256) {
        func put(_ tag: UInt8, _ bytes: some Sequence<UInt8>) {
            let data = Data(bytes)
            hasher.update(data: [tag] + withUnsafeBytes(of: UInt64(data.count).littleEndian, Array.init))
            hasher.update(data: data)
        }
        switch self {
        case .null: put(0, [])
        case .text(let text): put(1, Array(text.utf8))
        case .integer(let integer): put(2, withUnsafeBytes(of: Int64(integer).littleEndian, Array.init))
        case .real(let real): put(3, withUnsafeBytes(of: real.bitPattern.littleEndian, Array.init))
        case .blob(let data): put(4, data)
        }
    }
}
