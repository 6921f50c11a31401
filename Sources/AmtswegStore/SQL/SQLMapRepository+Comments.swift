public import AmtswegCore
public import Foundation
import SQLKit

extension SQLMapRepository: CommentRepository {
    public func comments(of tenantID: ID<Tenant>) async throws -> [Comment] {
        try await run { db in
            try await db.select().columns(Self.commentColumns.map { SQLIdentifier($0) }).from("comments")
                .where("tenant_id", .equal, tenantID.rawValue).orderBy("written_at").orderBy("id").all()
                .map(Self.comment)
        }
    }

    public func comments(of tenantID: ID<Tenant>, aboutProcess process: ID<ProcessModel>) async throws -> [Comment] {
        // The process itself and its steps: each comment names its process (migration 17), by index.
        try await run { db in
            try await db.select().columns(Self.commentColumns.map { SQLIdentifier($0) }).from("comments")
                .where("tenant_id", .equal, tenantID.rawValue).where("process_id", .equal, process.rawValue)
                .orderBy("written_at").orderBy("id").all()
                .map(Self.comment)
        }
    }

    public func comments(
        of tenantID: ID<Tenant>, aboutProcess process: ID<ProcessModel>, writtenSince since: Date,
        besides known: [ID<Comment>]
    ) async throws -> (added: [(position: Int, comment: Comment)], total: Int) {
        guard known.count < engine.maxBindsPerStatement - 8 else {
            // More than a statement takes: all of them, the known ones left out here.
            let all = try await comments(of: tenantID, aboutProcess: process)
            let knownIDs = Set(known)
            return (
                all.enumerated().filter { $0.element.writtenAt >= since && !knownIDs.contains($0.element.id) }
                    .map { ($0.offset, $0.element) }, all.count
            )
        }
        // One statement, one round trip: the count of all in a derived table of one row, joined to the comments
        // since `since` not known yet, so the row comes even when there are none (their columns then NULL). Each of
        // those is numbered by how many come before it in the store's order (the database's collation orders the
        // ids, as in ORDER BY) — counted for the new ones only: numbering every comment read them all, whole, for
        // every page made anew. The times are stored as ISO 8601 text, whose order is the times' order.
        let tenant = tenantID.rawValue
        let columns = Self.commentColumns
        func mine(_ table: String) -> SQLQueryString {
            "\(ident: table).tenant_id = \(bind: tenant) AND \(ident: table).process_id = \(bind: process.rawValue)"
        }
        let recent: SQLQueryString = "n.\(ident: "written_at") >= \(bind: since.formatted(.iso8601))"
        let notKnown: SQLQueryString =
            known.isEmpty ? recent : recent + " AND n.\(ident: "id") NOT IN (\(binds: known.map(\.rawValue)))"
        let query: SQLQueryString = """
            SELECT t.total, c.position, \(SQLList(columns.map { SQLColumn($0, table: "c") }))
            FROM (SELECT COUNT(*) AS total FROM comments a WHERE \(mine("a"))) AS t
            LEFT JOIN (SELECT \(SQLList(columns.map { SQLColumn($0, table: "n") })),
                    (SELECT COUNT(*) FROM comments b WHERE \(mine("b"))
                        AND (b.written_at, b.id) < (n.written_at, n.id)) + 1 AS position
                FROM comments n WHERE \(mine("n")) AND \(notKnown)) AS c
            ON 1 = 1
            ORDER BY c.position
            """
        let rows = try await run { db in try await db.raw(query).all() }
        let total = try rows.first?.decode(column: "total", as: Int.self) ?? 0
        let added = try rows.filter { try !$0.decodeNil(column: "id") }.map {
            (try $0.decode(column: "position", as: Int.self) - 1, try Self.comment($0))
        }
        return (added, total)
    }

    public func comment(_ id: ID<Comment>, of tenantID: ID<Tenant>) async throws -> Comment {
        let found = try await run { db in
            try await db.select().columns(Self.commentColumns.map { SQLIdentifier($0) }).from("comments")
                .where("tenant_id", .equal, tenantID.rawValue).where("id", .equal, id.rawValue).first()
                .map(Self.comment)
        }
        guard let found else { throw StoreError.notFound(kind: .comment, id: id.rawValue) }
        return found
    }

    public func addComment(_ comment: Comment, of tenantID: ID<Tenant>) async throws {
        let mentions = String(decoding: try JSONEncoder().encode(comment.mentions), as: UTF8.self)
        try await runInTransaction(
            changing: [.discussion], of: tenantID, about: StoreChange.subject(of: comment.subject)
        ) { db in
            // One statement (each round trip here is one every other writer waits for): inserted only where the
            // tenant exists and the id is free; what was missing is asked only when nothing was inserted. A comment
            // on a process belongs to the version it was written on: readers see only those on the released
            // version.
            let tenant = tenantID.rawValue
            let process = comment.subject.processID?.rawValue
            let version: any SQLExpression =
                process == nil
                ? SQLLiteral.null
                : SQLSubquery.select {
                    $0.column(SQLFunction("MAX", args: SQLIdentifier("number"))).from("process_versions")
                        .where("tenant_id", .equal, tenant).where("process_id", .equal, process)
                }
            let values: [any Encodable & Sendable] = [
                comment.id.rawValue, comment.subject.description, comment.replyTo?.rawValue, comment.author.id,
                comment.author.displayName, comment.text, comment.writtenAt.formatted(.iso8601), mentions,
                comment.resolution?.by.id, comment.resolution?.by.displayName,
                comment.resolution?.at.formatted(.iso8601),
            ]
            let inserted = try await db.insert(into: "comments").columns(
                Self.commentColumns + ["tenant_id", "process_id"]
            )
            .select { select in
                for value in values { select.column(SQLBind(value)) }
                return select.column(version).column(SQLBind(tenant)).column(SQLBind(process))
                    .where(Self.count("tenants", ("id", tenant)), .equal, SQLLiteral.numeric("1"))
                    .where(
                        Self.count("comments", ("tenant_id", tenant), ("id", comment.id.rawValue)), .equal,
                        SQLLiteral.numeric("0"))
            }
            .returning("id").first()
            if inserted == nil {
                try await Self.requireTenant(tenantID, in: db)
                throw StoreError.conflict("Den Kommentar „\(comment.id)“ gibt es schon.")
            }
            try await Self.log(
                ChangeRecord(
                    tenantID: tenantID, at: comment.writtenAt, author: comment.author,
                    action: comment.replyTo == nil ? "addComment" : "answerComment",
                    summary: "\(comment.replyTo == nil ? "Kommentar" : "Antwort") zu \(comment.subject.kindLabel) "
                        + "„\(comment.subject.id)“: \(Self.excerpt(comment.text))",
                    object: "comment:\(comment.id)"), in: db)
        }
    }

    public func setResolution(
        _ resolution: Comment.Resolution?, ofComment id: ID<Comment>, in tenantID: ID<Tenant>, by author: Author
    ) async throws {
        let at = resolution?.at ?? now()
        try await runInTransaction(changing: [.discussion], of: tenantID) { db in
            let row = try await db.select().columns("subject", "reply_to").from("comments")
                .where("tenant_id", .equal, tenantID.rawValue).where("id", .equal, id.rawValue).first()
            guard let row else { throw StoreError.notFound(kind: .comment, id: id.rawValue) }
            guard try row.decode(column: "reply_to", as: String?.self) == nil else {
                throw StoreError.conflict("Erledigt oder wieder geöffnet wird ein Gespräch an seinem ersten Kommentar.")
            }
            try await db.update("comments")
                .set("resolved_by_id", to: resolution?.by.id).set("resolved_by_name", to: resolution?.by.displayName)
                .set("resolved_at", to: resolution?.at.formatted(.iso8601))
                .where("tenant_id", .equal, tenantID.rawValue).where("id", .equal, id.rawValue).run()
            try await Self.log(
                ChangeRecord(
                    tenantID: tenantID, at: at, author: author,
                    action: resolution == nil ? "reopenComment" : "resolveComment",
                    summary: (resolution == nil ? "Gespräch wieder geöffnet: " : "Gespräch erledigt: ")
                        + (try row.decode(column: "subject", as: String.self)),
                    object: "comment:\(id)"), in: db)
        }
    }

    /// `SELECT COUNT(*) FROM table WHERE column = value AND …` as an expression.
    private static func count(_ table: String, _ conditions: (String, String)...) -> any SQLExpression {
        SQLSubquery.select { select in
            var select = select.column(SQLFunction("COUNT", args: SQLLiteral.all)).from(table)
            for (column, value) in conditions { select = select.where(column, .equal, value) }
            return select
        }
    }

    private static let commentColumns = [
        "id", "subject", "reply_to", "author_id", "author_name", "text", "written_at", "mentions", "resolved_by_id",
        "resolved_by_name", "resolved_at", "process_version",
    ]

    private static func comment(_ row: any SQLRow) throws -> Comment {
        let subjectText = try row.decode(column: "subject", as: String.self)
        guard let subject = CommentSubject(reference: subjectText) else {
            throw StoreError.unavailable("Unbekannter Bezug '\(subjectText)' in 'comments'")
        }
        // Most comments name nobody: no JSON decoder for those (a process page reads all of its comments).
        let mentionText = try row.decode(column: "mentions", as: String.self)
        let mentions =
            mentionText == "[]" ? [] : try JSONDecoder().decode([Mention].self, from: Data(mentionText.utf8))
        var resolution: Comment.Resolution?
        if let id = try row.decode(column: "resolved_by_id", as: String?.self) {
            resolution = Comment.Resolution(
                by: Author(id: id, displayName: try row.decode(column: "resolved_by_name", as: String?.self) ?? id),
                at: try moment(row, "resolved_at"))
        }
        return Comment(
            id: ID(try row.decode(column: "id", as: String.self)), subject: subject,
            replyTo: try row.decode(column: "reply_to", as: String?.self).map { ID($0) },
            author: Author(
                id: try row.decode(column: "author_id", as: String.self),
                displayName: try row.decode(column: "author_name", as: String.self)),
            text: try row.decode(column: "text", as: String.self), writtenAt: try moment(row, "written_at"),
            mentions: mentions, resolution: resolution,
            processVersion: try row.decode(column: "process_version", as: Int?.self))
    }

    static func moment(_ row: any SQLRow, _ column: String) throws -> Date {
        let text = try row.decode(column: column, as: String?.self) ?? ""
        guard let date = try? Date(text, strategy: .iso8601) else {
            throw StoreError.unavailable("Unlesbarer Zeitpunkt '\(text)' in '\(column)'")
        }
        return date
    }

    /// The start of a text for the change log: the log says what was done, the comment itself says the rest.
    static func excerpt(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return line.count > 80 ? String(line.prefix(79)) + "…" : line
    }
}

extension CommentSubject {
    /// The id part of the reference, for messages.
    var id: String { PrefixedReference.split(description)?.id ?? description }
}
