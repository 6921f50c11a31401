import SQLKit

extension Migration {
    /// Version 11: a workshop finding remembers the round whose answers it came from, so the Ist-Analyse can say
    /// where each finding was raised. Findings recorded before have none (they came from a meeting).
    static let findingOriginSchema = Migration(version: 11, name: "finding origin") { db in
        try await db.alter(table: "workshop_findings").column("round_id", type: .text).run()
    }
}
