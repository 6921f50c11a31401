import AmtswegCore
import AmtswegStore
import Foundation
import Hummingbird

/// The organisation's versions, as on their page: the list with review states, and the changes between two.
extension APIController {
    func addMapVersionRoutes(to routes: RouteTable) {
        let api = Paths.api + "/"
        routes.get(api + "map/versions", .readDrafts) { request, context in try await mapVersions(request, context) }
        routes.get(api + "map/diff", .readDrafts) { request, context in try await mapDiff(request, context) }
    }

    struct MapVersionSummary: Encodable, Sendable {
        var number: Int
        var savedAt: Date
        var author: String
        var comment: String
        var release: String
    }

    func mapVersions(_ request: Request, _ context: AppRequestContext) async throws -> Page<MapVersionSummary> {
        let snapshot = try await pages.snapshot(context)
        let versions = try await pages.workspace.repository.mapVersions(of: snapshot.map.tenant.id)
        return try Self.paginate(
            versions.map {
                MapVersionSummary(
                    number: $0.number, savedAt: $0.savedAt, author: $0.author.displayName, comment: $0.comment,
                    release: $0.release.rawValue)
            }, request)
    }

    struct MapDiffResult: ResponseEncodable, Sendable {
        struct Change: Encodable, Sendable {
            struct Field: Encodable, Sendable {
                var field: String
                var old: String
                var new: String
            }
            var kind: String
            var entity: String
            var name: String
            var text: String
            var fields: [Field]
        }
        var from: Int
        var to: Int
        var changes: [Change]
    }

    func mapDiff(_ request: Request, _ context: AppRequestContext) async throws -> MapDiffResult {
        let snapshot = try await pages.snapshot(context)
        let (from, to, delta) = try await MapVersionPages.delta(
            request, of: snapshot.map.tenant.id, in: pages.workspace)
        return MapDiffResult(
            from: from, to: to,
            changes: delta.changes.map { change in
                .init(
                    kind: change.kind.rawValue, entity: change.entity, name: change.name, text: change.text,
                    fields: change.fields.map { .init(field: $0.label, old: $0.old, new: $0.new) })
            })
    }
}
