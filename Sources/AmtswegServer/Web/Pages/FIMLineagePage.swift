import AmtswegCore
import AmtswegStore
import BPMN
import Foundation
import Hummingbird

/// A local process beside the reference process it was derived from: what it does differently, in words and
/// marked on its diagram, every BPMN difference, and — when the master has a newer version — what changed there
/// and the step that records the local process now follows it.
extension FIMPages {
    struct LineageView: Sendable {
        var name: String
        var processHref: String
        var masterName: String
        var masterHref: String
        var masterVersion: String
        var derived: String
        var changes: [Change]
        var isIdentical: Bool
        var svg: String?
        var svgLabel: String
        var differences: [Difference]
        var newer: [UpdateRow]
        var exportHref: String
        var csrf: String

        /// The rows the version comparison shows, in the words of lineage.
        typealias Change = ProcessVersionPages.CompareView.Change
        typealias Difference = ProcessVersionPages.CompareView.Difference
    }

    func lineage(_ request: Request, _ context: AppRequestContext) async throws -> HTMLResponse {
        let snapshot = try await pages.snapshot(context)
        let tenant = snapshot.map.tenant.id
        let (record, _) = try snapshot.readableProcess(try context.parameters.require("id"))
        guard
            let lineage = try await pages.workspace.repository.lineage(of: tenant).first(where: {
                $0.processID == record.id
            })
        else {
            throw HTTPError(
                .notFound, message: "Der Prozess „\(record.name)“ ist aus keinem Referenzprozess abgeleitet.")
        }
        let references = try await pages.workspace.repository.referenceProcesses(of: tenant)
        let comparison: FIMLibrary.Comparison
        do {
            comparison = try FIMLibrary.compare(record, lineage: lineage, references: references, map: snapshot.map)
        } catch let failure as FIMLibrary.Failure {
            throw HTTPError(.unprocessableContent, message: failure.description)
        }
        let kinds: [ProcessDelta.Change.Kind: (String, String)] = [
            .added: ("nur lokal", "change-added"), .removed: ("fehlt lokal", "change-removed"),
            .changed: ("anders", "change-changed"),
        ]
        let highlights = comparison.delta.changes.compactMap { change -> SVGRenderer.Highlight? in
            switch change.kind {
            case .added: .init(elementID: change.elementID, colour: "#1a7f37", note: "nur lokal")
            case .changed: .init(elementID: change.elementID, colour: "#9a6700", note: "anders")
            case .removed: nil
            }
        }
        let mayFollow = context.access?.role.grants(.manageProcesses) ?? true
        let view = LineageView(
            name: record.name, processHref: Paths.process(record.id), masterName: comparison.master.name,
            masterHref: Paths.fimMaster(comparison.master.id) + "?version=" + comparison.master.version,
            masterVersion: comparison.master.version,
            derived: "\(Display.dateTime(lineage.derivedAt)), \(lineage.derivedBy.displayName)",
            changes: comparison.delta.changes.map {
                .init(kind: kinds[$0.kind]?.0 ?? "", kindClass: kinds[$0.kind]?.1 ?? "", text: $0.text)
            },
            isIdentical: comparison.delta.isEmpty,
            svg: SVGRenderer.render(BPMNLayout.withDiagram(comparison.localModel), highlights: highlights),
            svgLabel: "Diagramm des lokalen Prozesses; nur lokal vorhandene Elemente grün, abweichende orange umrandet",
            differences: comparison.differences.prefix(500).map { .init(path: $0.path, message: $0.message) },
            newer: try comparison.newerVersions.map { newer in
                UpdateRow(
                    process: Link(
                        text: "Fassung \(newer.version)", href: Paths.fimMaster(newer.id) + "?version=" + newer.version),
                    from: lineage.masterVersion,
                    changes: ProcessDelta(
                        from: try FIMLibrary.model(of: comparison.master).process,
                        to: try FIMLibrary.model(of: newer).process
                    ).changes.map(\.text),
                    followAction: mayFollow
                        ? Paths.processLineageFollow(record.id.rawValue) + "?version=" + newer.version : nil)
            }, exportHref: Paths.processXProzess(record.id.rawValue), csrf: context.csrfToken)
        return try pages.page(
            "processes/lineage", title: "\(record.name) – " + pages.text("Abweichungen vom Referenzprozess", context),
            section: .processes, content: view, context: context, snapshot: snapshot,
            notice: request.uri.queryParameters["derived"] != nil
                ? "Lokaler Prozess abgeleitet. Er ist ein Entwurf und geht wie jeder Prozess in die Prüfung."
                : request.uri.queryParameters["followed"] != nil ? "Der Prozess folgt jetzt der neuen Fassung." : nil)
    }

    func follow(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        _ = try await FormInput.read(request, context: context, limit: pages.configuration.maxFormBytes)
        let snapshot = try await pages.snapshot(context)
        let (record, _) = try snapshot.readableProcess(try context.parameters.require("id"))
        guard let version = request.uri.queryParameters["version"].map(String.init) else {
            throw HTTPError(
                .unprocessableContent, message: "Welche Fassung? Bitte von der Seite des Prozesses aus wählen.")
        }
        try await pages.workspace.followMasterVersion(
            version, process: record.id, of: snapshot.map.tenant.id, by: context.author)
        return SeeOther(location: Paths.processLineage(record.id.rawValue) + "?followed=1")
            .response(from: request, context: context)
    }

    /// The process as an XProzess 2 message (0303), for FIM tools; the download is in the audit log.
    func xprozess(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let snapshot = try await pages.snapshot(context)
        let tenant = snapshot.map.tenant.id
        let (record, _) = try snapshot.readableProcess(try context.parameters.require("id"))
        let data = try FIMLibrary.export(
            record,
            lineage: try await pages.workspace.repository.lineage(of: tenant).first { $0.processID == record.id },
            references: try await pages.workspace.repository.referenceProcesses(of: tenant),
            tenantName: snapshot.map.tenant.name, localVersion: snapshot.statuses[record.id]?.head ?? 1)
        try await pages.audit(
            "exportXProzess", object: "process:\(record.id)", summary: "Als XProzess heruntergeladen: \(record.name)",
            context)
        return FileResponse(
            bytes: ByteBuffer(data: data), contentType: "application/xml", fileName: "\(record.id)-xprozess.xml"
        ).response(from: request, context: context)
    }
}
