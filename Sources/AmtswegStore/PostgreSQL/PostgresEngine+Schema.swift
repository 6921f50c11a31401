public import SQLKit

extension PostgresEngine {
    /// From the information schema of the connection's current schema (base tables only).
    public func tableShapes(in db: any SQLDatabase) async throws -> [TableShape] {
        let columns = try await db.raw(
            """
            SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
            ORDER BY c.table_name, c.ordinal_position
            """
        ).all()
        let keys = try await db.raw(
            """
            SELECT tc.table_name, k.column_name FROM information_schema.table_constraints tc
            JOIN information_schema.key_column_usage k
              ON k.constraint_schema = tc.constraint_schema AND k.constraint_name = tc.constraint_name
            WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = current_schema()
            ORDER BY tc.table_name, k.ordinal_position
            """
        ).all()
        let references = try await db.raw(
            """
            SELECT DISTINCT tc.table_name, u.table_name AS referenced FROM information_schema.table_constraints tc
            JOIN information_schema.constraint_column_usage u
              ON u.constraint_schema = tc.constraint_schema AND u.constraint_name = tc.constraint_name
            WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = current_schema()
            """
        ).all()
        var shapes: [String: TableShape] = [:]
        for row in columns {
            let table = try row.decode(column: "table_name", as: String.self)
            let column = TableShape.Column(
                name: try row.decode(column: "column_name", as: String.self),
                kind: .init(declared: try row.decode(column: "data_type", as: String.self)))
            shapes[table, default: TableShape(name: table, columns: [], primaryKey: [], references: [])].columns
                .append(column)
        }
        for row in keys {
            shapes[try row.decode(column: "table_name", as: String.self)]?.primaryKey
                .append(try row.decode(column: "column_name", as: String.self))
        }
        for row in references {
            shapes[try row.decode(column: "table_name", as: String.self)]?.references
                .insert(try row.decode(column: "referenced", as: String.self))
        }
        return shapes.values.sorted { $0.name < $1.name }
    }

    /// Every sequence behind a serial or identity column is set past the largest value the table holds: rows
    /// inserted with their ids do not advance it, and the next generated id would collide.
    public func continueGeneratedIDs(in db: any SQLDatabase) async throws {
        let generated = try await db.raw(
            """
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND (column_default LIKE 'nextval(%' OR is_identity = 'YES')
            """
        ).all()
        for row in generated {
            let table = try row.decode(column: "table_name", as: String.self)
            let column = try row.decode(column: "column_name", as: String.self)
            try await db.raw(
                """
                SELECT setval(pg_get_serial_sequence(\(bind: "\"" + table + "\""), \(bind: column)),
                  COALESCE((SELECT MAX(\(ident: column)) FROM \(ident: table)), 0) + 1, false)
                """
            ).run()
        }
    }
}
