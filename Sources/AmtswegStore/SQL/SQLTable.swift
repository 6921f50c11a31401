import SQLKit

/// How one kind of map object lies in one table: its columns, how an object becomes a row and a row an object.
/// Keeping both directions side by side makes a forgotten column visible in review.
struct SQLTable<Element>: Sendable {

    var name: String
    /// Columns after `tenant_id`, in the order `row` produces them.
    var columns: [String]
    var row: @Sendable (Element) -> [SQLValue]
    var decode: @Sendable (any SQLRow) throws -> Element
    /// Ordering that makes reads deterministic.
    var orderBy: [String]

    /// Inserts `elements` for a tenant in as few statements as the engine allows.
    func insert(_ elements: [Element], tenant: String, into db: any SQLDatabase, engine: any SQLEngine) async throws {
        guard !elements.isEmpty else { return }
        let tenantValue = SQLValue.text(tenant)
        try await engine.insertRows(
            into: name, columns: ["tenant_id"] + columns, rows: elements.map { [tenantValue] + row($0) }, in: db)
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
