public import SQLKit

extension PostgresEngine {
    /// From the system catalogs, of the connection's current schema (ordinary and partitioned tables only). Not
    /// from `information_schema`: its views took 0.85 s of PostgreSQL's time for these three reads under the
    /// cluster benchmark's load, the catalogs a few milliseconds.
    public func tableShapes(in db: any SQLDatabase) async throws -> [TableShape] {
        let columns = try await db.raw(
            """
            SELECT c.relname::text AS table_name, a.attname::text AS column_name,
              format_type(a.atttypid, NULL) AS data_type
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY c.relname, a.attnum
            """
        ).all()
        let keys = try await db.raw(
            """
            SELECT c.relname::text AS table_name, a.attname::text AS column_name
            FROM pg_catalog.pg_constraint k
            JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            CROSS JOIN LATERAL unnest(k.conkey) WITH ORDINALITY AS u(attnum, position)
            JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = u.attnum
            WHERE k.contype = 'p' AND n.nspname = current_schema()
            ORDER BY c.relname, u.position
            """
        ).all()
        let references = try await db.raw(
            """
            SELECT DISTINCT c.relname::text AS table_name, r.relname::text AS referenced
            FROM pg_catalog.pg_constraint k
            JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
            JOIN pg_catalog.pg_class r ON r.oid = k.confrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE k.contype = 'f' AND n.nspname = current_schema()
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
