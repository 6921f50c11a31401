import AmtswegCore
import AmtswegStore
import FIM
import Foundation
import Hummingbird

/// FIM reference processes, as on the FIM pages: the library, importing an XProzess message, deriving a local
/// process, a local process's differences from its master, following a newer master version, and a process
/// written as XProzess.
extension APIController {
    func addFIMRoutes(to routes: RouteTable) {
        let api = Paths.api + "/"
        routes.get(api + "fim/references", .read) { request, context in try await references(context) }
        routes.post(api + "fim/references", .manageProcesses) { request, context in
            try await importReferences(request, context)
        }
        routes.post(api + "fim/references/:id/derive", .manageProcesses) { request, context in
            try await deriveProcess(request, context)
        }
        routes.get(api + "fim/processes/:id/lineage", .read) { request, context in try await processLineage(context) }
        routes.post(api + "fim/processes/:id/follow", .manageProcesses) { request, context in
            try await followVersion(request, context)
        }
        routes.get(api + "fim/processes/:id/export", .read) { request, context in try await exportXProzess(context) }
    }

    struct ReferenceSummary: Encodable, Sendable {
        var id: String
        var version: String
        var name: String
        var importedAt: Date
        var importedBy: String
        /// Local processes following this version.
        var derived: [String]
    }

    struct ReferenceList: ResponseEncodable, Sendable {
        var items: [ReferenceSummary]
    }

    func references(_ context: AppRequestContext) async throws -> ReferenceList {
        let snapshot = try await pages.snapshot(context)
        let tenant = snapshot.map.tenant.id
        let lineage = try await pages.workspace.repository.lineage(of: tenant)
        return ReferenceList(
            items: try await pages.workspace.repository.referenceProcesses(of: tenant).map { reference in
                ReferenceSummary(
                    id: reference.id, version: reference.version, name: reference.name,
                    importedAt: reference.importedAt, importedBy: reference.importedBy.displayName,
                    derived: lineage.filter { $0.masterID == reference.id && $0.masterVersion == reference.version }
                        .map(\.processID.rawValue))
            })
    }

    struct ImportResult: ResponseEncodable, Sendable {
        struct Imported: Encodable, Sendable {
            var id: String
            var version: String
            var name: String
            var isNew: Bool
        }
        struct Update: Encodable, Sendable {
            var process: String
            var fromVersion: String
            var toVersion: String
            var changes: [String]
        }
        var imported: [Imported]
        var updates: [Update]
        var warnings: [String]
    }

    func importReferences(_ request: Request, _ context: AppRequestContext) async throws
        -> EditedResponse<ImportResult>
    {
        var request = request
        let data = try await Self.body(of: &request, limit: pages.configuration.maxUploadBytes)
        let tenant = try await pages.snapshot(context).map.tenant.id
        let imported: FIMLibrary.Imported
        do {
            imported = try await FIMLibrary.importMessage(
                data, file: "request", workspace: pages.workspace, tenant: tenant, by: context.author)
        } catch let failure as FIMLibrary.Failure {
            throw HTTPError(.unprocessableContent, message: failure.description)
        }
        let result = ImportResult(
            imported: imported.processes.map {
                .init(id: $0.reference.id, version: $0.reference.version, name: $0.reference.name, isNew: $0.isNew)
            },
            updates: imported.updates.map {
                .init(
                    process: $0.processID.rawValue, fromVersion: $0.fromVersion, toVersion: $0.toVersion,
                    changes: $0.changes.changes.map(\.text))
            }, warnings: imported.warnings)
        return EditedResponse(status: imported.processes.contains(where: \.isNew) ? .created : .ok, response: result)
    }

    struct DeriveInput: Decodable, Sendable {
        var process: String
        var name: String?
        var version: String?
    }

    func deriveProcess(_ request: Request, _ context: AppRequestContext) async throws
        -> EditedResponse<LineageSummary>
    {
        let snapshot = try await pages.snapshot(context)
        let tenant = snapshot.map.tenant.id
        let master = try context.parameters.require("id")
        let versions = try await pages.workspace.repository.referenceProcesses(of: tenant).filter { $0.id == master }
        guard !versions.isEmpty else {
            throw HTTPError(.notFound, message: "Einen Referenzprozess „\(master)“ gibt es nicht.")
        }
        let input = try await request.decode(as: DeriveInput.self, context: context)
        guard input.process.count <= 100, !input.process.isEmpty,
            input.process.allSatisfy({
                ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" || $0 == "_" || $0 == "."
            }),
            (input.name ?? "").count <= 200
        else {
            throw HTTPError(
                .unprocessableContent,
                message:
                    "process: Buchstaben, Ziffern, Punkt, Binde- und Unterstrich, höchstens 100 Zeichen; name höchstens 200."
            )
        }
        guard let version = input.version ?? versions.last?.version, versions.contains(where: { $0.version == version })
        else { throw HTTPError(.unprocessableContent, message: "Die Fassung „\(input.version ?? "")“ gibt es nicht.") }
        let record = try await FIMLibrary.derive(
            master: master, version: version, as: ID(input.process), name: input.name, workspace: pages.workspace,
            tenant: tenant, by: context.author)
        return EditedResponse(status: .created, response: try await lineageSummary(record.id, context))
    }

    struct LineageSummary: ResponseEncodable, Sendable {
        struct Change: Encodable, Sendable {
            /// `added` (only local), `removed` (missing locally) or `changed`.
            var kind: String
            var element: String
            var text: String
        }
        var process: String
        var master: String
        var masterVersion: String
        var newerVersions: [String]
        var changes: [Change]
        var differences: Int
    }

    func lineageSummary(_ processID: ID<ProcessModel>, _ context: AppRequestContext) async throws -> LineageSummary {
        let snapshot = try await pages.snapshot(context)
        let tenant = snapshot.map.tenant.id
        let (record, _) = try snapshot.readableProcess(processID.rawValue)
        guard let lineage = try await pages.workspace.lineage(of: tenant).first(where: { $0.processID == record.id })
        else {
            throw HTTPError(.notFound, message: "Der Prozess „\(record.id)“ ist aus keinem Referenzprozess abgeleitet.")
        }
        let comparison: FIMLibrary.Comparison
        do {
            comparison = try FIMLibrary.compare(
                record, lineage: lineage,
                references: try await pages.workspace.repository.referenceProcesses(of: tenant),
                map: snapshot.map)
        } catch let failure as FIMLibrary.Failure {
            throw HTTPError(.unprocessableContent, message: failure.description)
        }
        return LineageSummary(
            process: record.id.rawValue, master: lineage.masterID, masterVersion: lineage.masterVersion,
            newerVersions: comparison.newerVersions.map(\.version),
            changes: comparison.delta.changes.map {
                .init(kind: $0.kind.rawValue, element: $0.elementID, text: $0.text)
            },
            differences: comparison.differences.count)
    }

    func processLineage(_ context: AppRequestContext) async throws -> LineageSummary {
        try await lineageSummary(ID(try context.parameters.require("id")), context)
    }

    struct FollowInput: Decodable, Sendable {
        var version: String
    }

    func followVersion(_ request: Request, _ context: AppRequestContext) async throws -> LineageSummary {
        let snapshot = try await pages.snapshot(context)
        let (record, _) = try snapshot.readableProcess(try context.parameters.require("id"))
        guard
            try await pages.workspace.lineage(of: snapshot.map.tenant.id).contains(where: { $0.processID == record.id })
        else {
            throw HTTPError(.notFound, message: "Der Prozess „\(record.id)“ ist aus keinem Referenzprozess abgeleitet.")
        }
        let input = try await request.decode(as: FollowInput.self, context: context)
        try await pages.workspace.followMasterVersion(
            input.version, process: record.id, of: snapshot.map.tenant.id, by: context.author)
        return try await lineageSummary(record.id, context)
    }

    func exportXProzess(_ context: AppRequestContext) async throws -> FileResponse {
        let snapshot = try await pages.snapshot(context)
        let tenant = snapshot.map.tenant.id
        let (record, _) = try snapshot.readableProcess(try context.parameters.require("id"))
        let data = try FIMLibrary.export(
            record, lineage: try await pages.workspace.lineage(of: tenant).first { $0.processID == record.id },
            references: try await pages.workspace.repository.referenceProcesses(of: tenant),
            tenantName: snapshot.map.tenant.name, localVersion: snapshot.statuses[record.id]?.head ?? 1)
        try await pages.audit(
            "exportXProzess", object: "process:\(record.id)", summary: "Als XProzess ausgegeben (API): \(record.name)",
            context)
        return FileResponse(bytes: ByteBuffer(data: data), contentType: "application/xml")
    }
}
