import SQLKit

extension Migration {
    /// Version 6: the confirmed mapping of an event log's activities to the steps of its process (JSON object:
    /// activity → step id). Null until someone confirms it; the name-based suggestion is used meanwhile.
    static let stepMappingSchema = Migration(version: 6, name: "confirmed step mappings") { db in
        try await db.alter(table: "event_logs").column("step_mapping", type: .text).run()
    }
}
