public import AmtswegCore
import Foundation
import SQLKit

extension SQLMapRepository: ProcessVersionRepository {
    public func versions(of process: ID<ProcessModel>, in tenantID: ID<Tenant>) async throws -> [ProcessVersion] {
        let found = try await run { db in
            try await db.select().columns(Self.versionColumns.map { SQLIdentifier($0) }).from("process_versions")
                .where("tenant_id", .equal, tenantID.rawValue).where("process_id", .equal, process.rawValue)
                .orderBy("number").all().map(Self.version)
        }
        guard !found.isEmpty else { throw StoreError.notFound(kind: .process, id: process.rawValue) }
        return found
    }

    public func releasedProcesses(of tenantID: ID<Tenant>) async throws -> [ProcessVersion] {
        try await run { db in
            try await db.select().columns(Self.versionColumns.map { SQLIdentifier($0) }).from("process_versions")
                .where("tenant_id", .equal, tenantID.rawValue)
                .where("release", .equal, ReleaseState.released.rawValue).orderBy("process_id").all()
                .map(Self.version)
        }
    }

    public func processStatuses(of tenantID: ID<Tenant>) async throws -> [ID<ProcessModel>: ProcessStatus] {
        try await run { db in
            let rows = try await db.select().columns("process_id", "number", "release").from("process_versions")
                .where("tenant_id", .equal, tenantID.rawValue).orderBy("process_id").orderBy("number").all()
            var statuses: [ID<ProcessModel>: ProcessStatus] = [:]
            for row in rows {
                let id = ID<ProcessModel>(try row.decode(column: "process_id", as: String.self))
                let number = try row.decode(column: "number", as: Int.self)
                let release = try row.decode(enum: "release", as: ReleaseState.self)
                var status = statuses[id] ?? ProcessStatus(head: number, state: release, released: nil)
                status.head = number
                status.state = release
                if release == .released { status.released = number }
                statuses[id] = status
            }
            return statuses
        }
    }

    @discardableResult
    public func saveProcess(
        _ record: ProcessRecord, of tenantID: ID<Tenant>, by author: Author, comment: String, basedOn: Int?
    ) async throws -> ProcessVersion {
        try Self.check([record])
        let engine = engine
        let at = now()
        return try await runInTransaction { db in
            try await Self.requireTenant(tenantID, in: db)
            let version = try await Self.appendVersion(
                record, of: tenantID, by: author, at: at, comment: comment, basedOn: basedOn, in: db, engine: engine)
            try await Self.log(
                ChangeRecord(
                    tenantID: tenantID, at: at, author: author, action: "saveProcess",
                    summary: "Prozess gespeichert: \(record.name) (\(record.id)), \(version.label)"
                        + (comment.isEmpty ? "" : ": \(comment)"),
                    object: "process:\(record.id)"),
                in: db)
            return version
        }
    }

    @discardableResult
    public func changeRelease(
        _ action: ReleaseAction, of process: ID<ProcessModel>, in tenantID: ID<Tenant>, by author: Author,
        comment: String, basedOn: Int?
    ) async throws -> ProcessStatus {
        let at = now()
        return try await runInTransaction { db in
            let rows = try await db.select().columns("number", "release", "name", "author_name")
                .from("process_versions").where("tenant_id", .equal, tenantID.rawValue)
                .where("process_id", .equal, process.rawValue).orderBy("number", .descending).all()
            guard let head = rows.first else { throw StoreError.notFound(kind: .process, id: process.rawValue) }
            let headNumber = try head.decode(column: "number", as: Int.self)
            // A step taken on what the reviewer saw: if someone saved meanwhile, they look again first.
            if let basedOn, basedOn != headNumber {
                let by = try head.decode(column: "author_name", as: String.self)
                throw StoreError.version(.outdated(basedOn: basedOn, head: headNumber, by: by))
            }
            let headState = try head.decode(enum: "release", as: ReleaseState.self)
            let name = try head.decode(column: "name", as: String.self)
            let released = try rows.first { try $0.decode(column: "release", as: String.self) == "released" }
                .map { try $0.decode(column: "number", as: Int.self) }
            // Archiving takes the released version out of force, whatever drafts lie on top of it.
            let target = action == .archive ? (released ?? headNumber) : headNumber
            let state = action == .archive && released != nil ? ReleaseState.released : headState
            guard action.from == state else {
                throw StoreError.version(.release(.notFrom(action: action, state: state)))
            }
            let next = action.to
            func set(_ number: Int, _ release: ReleaseState) async throws {
                try await db.update("process_versions").set("release", to: release.rawValue)
                    .where("tenant_id", .equal, tenantID.rawValue).where("process_id", .equal, process.rawValue)
                    .where("number", .equal, number).run()
            }
            if action == .release, let released { try await set(released, .archived) }
            try await set(target, next)
            try await Self.log(
                ChangeRecord(
                    tenantID: tenantID, at: at, author: author, action: "release:\(action.rawValue)",
                    summary: "Prozess „\(name)“, Fassung \(target): \(action.label)"
                        + (comment.isEmpty ? "" : " – \(Self.excerpt(comment))"),
                    object: "process:\(process)"), in: db)
            let nowReleased: Int? =
                switch action {
                case .release: target
                case .archive: nil
                default: released
                }
            let headAfter = target == headNumber ? next : headState
            return ProcessStatus(head: headNumber, state: headAfter, released: nowReleased)
        }
    }

    @discardableResult
    public func restoreVersion(
        _ number: Int, of process: ID<ProcessModel>, in tenantID: ID<Tenant>, by author: Author, basedOn: Int?
    ) async throws -> ProcessVersion {
        let engine = engine
        let at = now()
        return try await runInTransaction { db in
            let row = try await db.select().columns(Self.versionColumns.map { SQLIdentifier($0) })
                .from("process_versions").where("tenant_id", .equal, tenantID.rawValue)
                .where("process_id", .equal, process.rawValue).where("number", .equal, number).first()
            guard let row else { throw StoreError.notFound(kind: .process, id: "\(process), Fassung \(number)") }
            let old = try Self.version(row)
            let version = try await Self.appendVersion(
                old.record, of: tenantID, by: author, at: at, comment: "Fassung \(number) wiederhergestellt",
                basedOn: basedOn, in: db, engine: engine)
            try await Self.log(
                ChangeRecord(
                    tenantID: tenantID, at: at, author: author, action: "restoreProcessVersion",
                    summary: "Prozess „\(old.record.name)“: Fassung \(number) als \(version.label) wiederhergestellt",
                    object: "process:\(process)"), in: db)
            return version
        }
    }

    // MARK: - Rows

    /// Adds the next version of a process and makes it the working state; see
    /// ``saveProcess(_:of:by:comment:basedOn:)`` for the rules.
    static func appendVersion(
        _ record: ProcessRecord, of tenantID: ID<Tenant>, by author: Author, at: Date, comment: String,
        basedOn: Int?, in db: any SQLDatabase, engine: any SQLEngine
    ) async throws -> ProcessVersion {
        let head = try await db.select().columns("number", "release", "author_name").from("process_versions")
            .where("tenant_id", .equal, tenantID.rawValue).where("process_id", .equal, record.id.rawValue)
            .orderBy("number", .descending).limit(1).first()
        let headNumber = try head?.decode(column: "number", as: Int.self) ?? 0
        if let basedOn, basedOn != headNumber {
            let by = try head?.decode(column: "author_name", as: String.self) ?? "jemand"
            throw StoreError.version(.outdated(basedOn: basedOn, head: headNumber, by: by))
        }
        if try head?.decode(enum: "release", as: ReleaseState.self) == .inReview { throw StoreError.version(.inReview) }
        let version = ProcessVersion(
            number: headNumber + 1, record: record, author: author, savedAt: at, comment: comment, release: .draft)
        try await versionTable.insert([version], tenant: tenantID.rawValue, into: db, engine: engine)
        try await db.delete(from: "processes").where("tenant_id", .equal, tenantID.rawValue)
            .where("id", .equal, record.id.rawValue).run()
        try await EnrichTables.processes.insert([record], tenant: tenantID.rawValue, into: db, engine: engine)
        return version
    }

    /// Every process of a whole replacement (an import) starts anew at version 1, released: what is imported
    /// is the agreed picture it was where it came from.
    static func restartVersions(
        _ records: [ProcessRecord], of tenantID: ID<Tenant>, by author: Author, at: Date, in db: any SQLDatabase,
        engine: any SQLEngine
    ) async throws {
        try await db.delete(from: "process_versions").where("tenant_id", .equal, tenantID.rawValue).run()
        try await versionTable.insert(
            records.sorted { $0.id < $1.id }.map {
                ProcessVersion(
                    number: 1, record: $0, author: author, savedAt: at, comment: "Import", release: .released)
            }, tenant: tenantID.rawValue, into: db, engine: engine)
    }

    private static let versionTable = SQLTable<ProcessVersion>(
        name: "process_versions", columns: versionColumns,
        row: {
            [
                .text($0.record.id.rawValue), .integer($0.number), .text($0.record.name),
                SQLValue($0.record.serviceID?.rawValue), SQLValue($0.record.ownerUnitID?.rawValue),
                .text($0.record.state.rawValue), SQLValue($0.record.istID?.rawValue), .text($0.record.bpmn),
                .text($0.author.id), .text($0.author.displayName), .text($0.savedAt.formatted(.iso8601)),
                .text($0.comment), .text($0.release.rawValue),
            ]
        }, decode: version, orderBy: ["process_id", "number"])

    private static let versionColumns = [
        "process_id", "number", "name", "service_id", "owner_unit_id", "state", "ist_id", "bpmn", "author_id",
        "author_name", "saved_at", "comment", "release",
    ]

    private static func version(_ row: any SQLRow) throws -> ProcessVersion {
        ProcessVersion(
            number: try row.decode(column: "number", as: Int.self),
            record: ProcessRecord(
                id: ID(try row.decode(column: "process_id", as: String.self)),
                name: try row.decode(column: "name", as: String.self),
                serviceID: try row.decode(column: "service_id", as: String?.self).map { ID($0) },
                ownerUnitID: try row.decode(column: "owner_unit_id", as: String?.self).map { ID($0) },
                state: try row.decode(enum: "state", as: ProcessState.self),
                istID: try row.decode(column: "ist_id", as: String?.self).map { ID($0) },
                bpmn: try row.decode(column: "bpmn", as: String.self)),
            author: Author(
                id: try row.decode(column: "author_id", as: String.self),
                displayName: try row.decode(column: "author_name", as: String.self)),
            savedAt: try moment(row, "saved_at"), comment: try row.decode(column: "comment", as: String.self),
            release: try row.decode(enum: "release", as: ReleaseState.self))
    }
}
