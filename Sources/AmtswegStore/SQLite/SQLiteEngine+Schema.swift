public import SQLKit

extension SQLiteEngine {
    /// From `sqlite_master` and the `table_info` and `foreign_key_list` pragmas.
    public func tableShapes(in db: any SQLDatabase) async throws -> [TableShape] {
        let names = try await db.raw(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        ).all().map { try $0.decode(column: "name", as: String.self) }
        var shapes: [TableShape] = []
        for name in names {
            let columns = try await db.raw("SELECT name, type, pk FROM pragma_table_info(\(bind: name)) ORDER BY cid")
                .all()
            let keys = try await db.raw("SELECT \"table\" FROM pragma_foreign_key_list(\(bind: name))").all()
            shapes.append(
                TableShape(
                    name: name,
                    columns: try columns.map {
                        TableShape.Column(
                            name: try $0.decode(column: "name", as: String.self),
                            kind: .init(declared: try $0.decode(column: "type", as: String.self)))
                    },
                    primaryKey: try columns.compactMap { row -> (Int, String)? in
                        let position = try row.decode(column: "pk", as: Int.self)
                        return position > 0 ? (position, try row.decode(column: "name", as: String.self)) : nil
                    }.sorted { $0.0 < $1.0 }.map(\.1),
                    references: Set(try keys.map { try $0.decode(column: "table", as: String.self) })))
        }
        return shapes
    }

    /// SQLite continues after the largest id in the table (and `sqlite_sequence` follows explicit ids itself).
    public func continueGeneratedIDs(in db: any SQLDatabase) async throws {}
}
