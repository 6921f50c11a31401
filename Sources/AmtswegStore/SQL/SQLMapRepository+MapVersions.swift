public import AmtswegCore
import Foundation
import SQLKit

extension SQLMapRepository: MapVersionRepository {
    public func mapVersions(of tenantID: ID<Tenant>) async throws -> [MapVersion] {
        try await run { db in
            try await db.select().columns(Self.mapVersionColumns.map { SQLIdentifier($0) }).from("map_versions")
                .where("tenant_id", .equal, tenantID.rawValue).orderBy("number").all().map(Self.mapVersion)
        }
    }

    public func mapHead(of tenantID: ID<Tenant>) async throws -> Int? {
        try await run { db in try await Self.mapHead(of: tenantID, in: db)?.number }
    }

    public func saveMap(_ map: TenantMap, change: MapChange, by author: Author, basedOn: Int?) async throws {
        try await save(map, processes: nil, change: change, by: author, basedOn: basedOn)
    }

    public func map(version number: Int, of tenantID: ID<Tenant>) async throws -> TenantMap {
        try await run { db in try await Self.storedMap(number, of: tenantID, in: db) }
    }

    public func releasedMap(of tenantID: ID<Tenant>) async throws -> TenantMap? {
        try await run { db in
            let row = try await db.select().column("map_json").from("map_versions")
                .where("tenant_id", .equal, tenantID.rawValue).where("release", .equal, ReleaseState.released.rawValue)
                .orderBy("number", .descending).limit(1).first()
            guard let row else { return nil }
            let released = try Self.decodeMap(try row.decode(column: "map_json", as: String.self))
            return Self.organisation(of: released, with: try await Self.readMap(tenantID, in: db))
        }
    }

    @discardableResult
    public func changeMapRelease(
        _ action: ReleaseAction, of tenantID: ID<Tenant>, by author: Author, comment: String
    ) async throws -> MapVersion {
        let at = now()
        return try await runInTransaction { db in
            guard action != .archive else {
                throw StoreError.conflict(
                    "Die Organisation lässt sich nicht archivieren, nur eine neue Fassung freigeben.")
            }
            let engine = self.engine
            var head = try await Self.mapHead(of: tenantID, in: db)
            if head == nil {
                // Never saved since versions exist: the map as it stands is version 1, released.
                head = try await Self.appendMapVersion(
                    try await Self.readMap(tenantID, in: db), of: tenantID, by: author, at: at,
                    comment: "Stand vor der Versionierung", release: .released, in: db, engine: engine)
            }
            guard var version = head else { throw StoreError.notFound(kind: .tenant, id: tenantID.rawValue) }
            guard action.from == version.release else {
                throw StoreError.version(.release(.notFrom(action: action, state: version.release)))
            }
            if action == .release {
                try await db.update("map_versions").set("release", to: ReleaseState.archived.rawValue)
                    .where("tenant_id", .equal, tenantID.rawValue)
                    .where("release", .equal, ReleaseState.released.rawValue).run()
            }
            version.release = action.to
            try await db.update("map_versions").set("release", to: version.release.rawValue)
                .where("tenant_id", .equal, tenantID.rawValue).where("number", .equal, version.number).run()
            try await Self.log(
                ChangeRecord(
                    tenantID: tenantID, at: at, author: author, action: "mapRelease:\(action.rawValue)",
                    summary: "Organisation, Fassung \(version.number): \(action.label)"
                        + (comment.isEmpty ? "" : " – \(Self.excerpt(comment))"),
                    object: "map:\(version.number)"), in: db)
            return version
        }
    }

    @discardableResult
    public func restoreMapVersion(_ number: Int, of tenantID: ID<Tenant>, by author: Author) async throws
        -> MapVersion
    {
        let at = now()
        let engine = engine
        return try await runInTransaction { db in
            let current = try await Self.readMap(tenantID, in: db)
            let restored = Self.organisation(of: try await Self.storedMap(number, of: tenantID, in: db), with: current)
            let issues = restored.validate()
            guard issues.isEmpty else { throw StoreError.invalid(issues) }
            let comment = "Fassung \(number) wiederhergestellt"
            guard
                let version = try await Self.recordMapVersion(
                    restored.sorted(), replacing: current, of: tenantID, by: author, at: at, comment: comment, in: db,
                    engine: engine)
            else {
                throw StoreError.conflict("Fassung \(number) gleicht dem aktuellen Stand; nichts wiederhergestellt.")
            }
            try await Self.write(restored.sorted(), into: db, engine: engine)
            try await Self.log(
                ChangeRecord(
                    tenantID: tenantID, at: at, author: author, action: "restoreMapVersion",
                    summary: "Organisation: \(comment) als Fassung \(version.number)", object: "map:\(version.number)"),
                in: db)
            return version
        }
    }

    // MARK: - Recording versions with every save

    /// Records `map` as the next version when its organisation differs from `previous` (the map before the
    /// save): a draft, refused while the newest version is in review. The first save since versions exist
    /// keeps `previous` as version 1, released. Returns the new version, or nil when the organisation did not
    /// change (a settings-only save).
    @discardableResult
    static func recordMapVersion(
        _ map: TenantMap, replacing previous: TenantMap, of tenantID: ID<Tenant>, by author: Author, at: Date,
        comment: String, in db: any SQLDatabase, engine: any SQLEngine
    ) async throws -> MapVersion? {
        var head = try await mapHead(of: tenantID, in: db)
        if head?.release == .inReview {
            throw StoreError.conflict(
                "Die Organisation ist in Prüfung und kann erst geändert werden, wenn Prozessmanagement sie "
                    + "zurückgibt oder freigibt.")
        }
        guard !MapDelta(from: previous, to: map).isEmpty else { return nil }
        if head == nil {
            head = try await appendMapVersion(
                previous, of: tenantID, by: author, at: at, comment: "Stand vor der Versionierung",
                release: .released, in: db, engine: engine)
        }
        return try await appendMapVersion(
            map, of: tenantID, by: author, at: at, comment: comment, release: .draft, in: db, engine: engine)
    }

    /// A whole replacement (an import) starts the versions anew: version 1, released.
    static func restartMapVersions(
        _ map: TenantMap, of tenantID: ID<Tenant>, by author: Author, at: Date, in db: any SQLDatabase,
        engine: any SQLEngine
    ) async throws {
        try await db.delete(from: "map_versions").where("tenant_id", .equal, tenantID.rawValue).run()
        try await appendMapVersion(
            map, of: tenantID, by: author, at: at, comment: "Import", release: .released, in: db, engine: engine)
    }

    @discardableResult
    private static func appendMapVersion(
        _ map: TenantMap, of tenantID: ID<Tenant>, by author: Author, at: Date, comment: String,
        release: ReleaseState, in db: any SQLDatabase, engine: any SQLEngine
    ) async throws -> MapVersion {
        let number = (try await mapHead(of: tenantID, in: db)?.number ?? 0) + 1
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(map), as: UTF8.self)
        try await db.insert(into: "map_versions").columns(["tenant_id"] + mapVersionColumns + ["map_json"])
            .values(
                tenantID.rawValue, number, at.formatted(.iso8601), author.id, author.displayName, excerpt(comment),
                release.rawValue, json
            ).run()
        return MapVersion(number: number, author: author, savedAt: at, comment: excerpt(comment), release: release)
    }

    static func mapHead(of tenantID: ID<Tenant>, in db: any SQLDatabase) async throws -> MapVersion? {
        try await db.select().columns(mapVersionColumns.map { SQLIdentifier($0) }).from("map_versions")
            .where("tenant_id", .equal, tenantID.rawValue).orderBy("number", .descending).limit(1).first()
            .map(mapVersion)
    }

    private static func storedMap(_ number: Int, of tenantID: ID<Tenant>, in db: any SQLDatabase) async throws
        -> TenantMap
    {
        let row = try await db.select().column("map_json").from("map_versions")
            .where("tenant_id", .equal, tenantID.rawValue).where("number", .equal, number).first()
        guard let row else { throw StoreError.notFound(kind: .mapVersion, id: "\(number)") }
        return try decodeMap(try row.decode(column: "map_json", as: String.self))
    }

    /// The organisation of `stored` with what is not versioned — settings, catalogues, the tenant's name — as
    /// it is now.
    private static func organisation(of stored: TenantMap, with current: TenantMap) -> TenantMap {
        var map = stored
        map.tenant = current.tenant
        map.settings = current.settings
        map.catalogue = current.catalogue
        return map
    }

    private static func decodeMap(_ json: String) throws -> TenantMap {
        do { return try JSONDecoder().decode(TenantMap.self, from: Data(json.utf8)) } catch {
            throw StoreError.unavailable("Eine gespeicherte Fassung der Organisation ist unlesbar: \(error)")
        }
    }

    private static let mapVersionColumns = ["number", "saved_at", "author_id", "author_name", "comment", "release"]

    private static func mapVersion(_ row: any SQLRow) throws -> MapVersion {
        MapVersion(
            number: try row.decode(column: "number", as: Int.self),
            author: Author(
                id: try row.decode(column: "author_id", as: String.self),
                displayName: try row.decode(column: "author_name", as: String.self)),
            savedAt: try moment(row, "saved_at"), comment: try row.decode(column: "comment", as: String.self),
            release: try row.decode(enum: "release", as: ReleaseState.self))
    }
}
