import Foundation
import SQLKit

extension Migration {
    /// Version 8: every save of a process is kept as a version with its author, time, comment and review state
    /// (``AmtswegCore/ProcessVersion``). The table `processes` stays the newest version of each, so everything
    /// that reads the working state reads it as before. Processes stored before this version become their
    /// version 1, released: they were the agreed picture so far. Comments on processes and steps name the
    /// version they were written on (those written before: version 1).
    static let versionSchema = Migration(version: 8, name: "process versions") { db in
        try await db.create(table: "process_versions")
            .column("tenant_id", type: .text, .notNull, .references("tenants", "id"))
            .column("process_id", type: .text, .notNull)
            .column("number", type: .int, .notNull)
            .column("name", type: .text, .notNull)
            .column("service_id", type: .text)
            .column("owner_unit_id", type: .text)
            .column("state", type: .text, .notNull)
            .column("ist_id", type: .text)
            .column("bpmn", type: .text, .notNull)
            .column("author_id", type: .text, .notNull)
            .column("author_name", type: .text, .notNull)
            .column("saved_at", type: .text, .notNull)
            .column("comment", type: .text, .notNull)
            .column("release", type: .text, .notNull)
            .primaryKey(["tenant_id", "process_id", "number"])
            .run()
        let now = Date().formatted(.iso8601)
        try await db.raw(
            """
            INSERT INTO process_versions (tenant_id, process_id, number, name, service_id, owner_unit_id, state, \
            ist_id, bpmn, author_id, author_name, saved_at, comment, release) \
            SELECT tenant_id, id, 1, name, service_id, owner_unit_id, state, ist_id, bpmn, 'local', \
            'Lokale Bearbeitung', \(bind: now), 'Bestand vor Einführung der Fassungen', 'released' FROM processes
            """
        ).run()
        try await db.alter(table: "comments").column("process_version", type: .int).run()
        try await db.update("comments").set("process_version", to: 1)
            .where("subject", .like, "process:%").orWhere("subject", .like, "step:%").run()
    }
}
