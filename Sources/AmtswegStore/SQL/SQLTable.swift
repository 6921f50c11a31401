import SQLKit

/// How one kind of map object lies in one table: its columns, how an object becomes a row and a row an object.
/// Keeping both directions side by side makes a forgotten column visible in review.
struct SQLTable<Element>: Sendable {
    typealias Value = any Encodable & Sendable

    var name: String
    /// Columns after `tenant_id`, in the order `row` produces them.
    var columns: [String]
    var row: @Sendable (Element) -> [Value]
    var decode: @Sendable (any SQLRow) throws -> Element
    /// Ordering that makes reads deterministic.
    var orderBy: [String]

    /// Inserts `elements` for a tenant in as few statements as the engine's bind limit allows.
    func insert(_ elements: [Element], tenant: String, into db: any SQLDatabase, maxBinds: Int) async throws {
        guard !elements.isEmpty else { return }
        let width = columns.count + 1
        let batchSize = max(1, maxBinds / width)
        var start = 0
        while start < elements.count {
            let end = min(start + batchSize, elements.count)
            let insert = db.insert(into: name).columns(["tenant_id"] + columns)
            for element in elements[start..<end] { insert.values([tenant as Value] + row(element)) }
            try await insert.run()
            start = end
        }
    }

    func selectAll(tenant: String, from db: any SQLDatabase) async throws -> [Element] {
        var query = db.select().columns(columns.map { SQLIdentifier($0) }).from(name).where("tenant_id", .equal, tenant)
        for column in orderBy { query = query.orderBy(column) }
        return try await query.all().map(decode)
    }

    func deleteAll(tenant: String, in db: any SQLDatabase) async throws {
        try await db.delete(from: name).where("tenant_id", .equal, tenant).run()
    }
}

extension SQLRow {
    /// Decodes a column that holds one of a `RawRepresentable` enum's raw values.
    func decode<E: RawRepresentable>(enum column: String, as type: E.Type) throws -> E where E.RawValue: Decodable {
        let raw = try decode(column: column, as: E.RawValue.self)
        guard let value = E(rawValue: raw) else {
            throw StoreError.unavailable("Unbekannter Wert '\(raw)' in Spalte '\(column)'")
        }
        return value
    }
}
