import AmtswegCore
import AmtswegStore
import BPMN
import FIM
import Foundation
import Hummingbird

/// The FIM library: the tenant's reference processes (FIM Stammprozesse imported from XProzess), each with its
/// fact sheet, activity groups, versions, diagram and the local processes derived from it; the upload of an
/// XProzess message and deriving a local process are Prozessmanagement's. A local process's lineage page
/// (``FIMLineagePage``) shows how it differs from its master.
struct FIMPages: Sendable {
    let pages: Pages

    func addRoutes(to routes: RouteTable) {
        routes.get(Paths.fim, .read) { request, context in try await library(request, context, upload: nil) }
        routes.post(Paths.fim, .manageProcesses) { request, context in try await upload(request, context) }
        routes.get(Paths.fimMasterPattern, .read) { request, context in try await master(request, context) }
        routes.post(Paths.fimDerivePattern, .manageProcesses) { request, context in try await derive(request, context) }
        routes.get(Paths.processLineagePattern, .read) { request, context in try await lineage(request, context) }
        routes.post(Paths.processLineageFollowPattern, .manageProcesses) { request, context in
            try await follow(request, context)
        }
        routes.get(Paths.processXProzessPattern, .read) { request, context in try await xprozess(request, context) }
    }

    struct Link: Sendable {
        var text: String
        var href: String
    }

    struct MasterRow: Sendable {
        var name: String
        var href: String
        var id: String
        var versions: String
        var imported: String
        var derived: [Link]
    }

    struct UploadView: Sendable {
        var csrf: String
        var error: String?
        var maxSize: String
    }

    struct LibraryView: Sendable {
        var masters: [MasterRow]
        var upload: UploadView
        var notice: [String]
    }

    func library(
        _ request: Request, _ context: AppRequestContext, upload: UploadView?, notice: [String] = [],
        status: HTTPResponse.Status = .ok
    ) async throws -> HTMLResponse {
        let snapshot = try await pages.snapshot(context)
        let tenant = snapshot.map.tenant.id
        let references = try await pages.workspace.repository.referenceProcesses(of: tenant)
        let lineage = try await pages.workspace.repository.lineage(of: tenant)
        let grouped = Dictionary(grouping: references, by: \.id)
        let view = LibraryView(
            masters: grouped.keys.sorted().compactMap { id in
                guard let versions = grouped[id], let newest = versions.last else { return nil }
                return MasterRow(
                    name: newest.name, href: Paths.fimMaster(id), id: id,
                    versions: versions.map(\.version).joined(separator: ", "),
                    imported: "\(GermanFormat.date(Day(newest.importedAt))), \(newest.importedBy.displayName)",
                    derived: lineage.filter { $0.masterID == id }.compactMap { item in
                        guard let record = snapshot.record(item.processID.rawValue) else { return nil }
                        return Link(text: record.name, href: Paths.processLineage(item.processID.rawValue))
                    })
            },
            upload: upload
                ?? UploadView(
                    csrf: context.csrfToken, error: nil,
                    maxSize: ByteCountFormatter.megabytes(pages.configuration.maxUploadBytes)), notice: notice)
        return try pages.page(
            "processes/fim", title: pages.text("FIM-Bibliothek", context), section: .processes, content: view,
            context: context, snapshot: snapshot, status: status)
    }

    func upload(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await FormInput.read(request, context: context, limit: pages.configuration.maxUploadBytes)
        var upload = UploadView(
            csrf: context.csrfToken, error: nil,
            maxSize: ByteCountFormatter.megabytes(pages.configuration.maxUploadBytes))
        guard let file = form.files["file"], !file.data.isEmpty else {
            upload.error = "Bitte eine XProzess-Datei auswählen."
            return try await library(request, context, upload: upload, status: .unprocessableContent)
                .response(from: request, context: context)
        }
        let tenant = try await pages.snapshot(context).map.tenant.id
        let imported: FIMLibrary.Imported
        do {
            imported = try await FIMLibrary.importMessage(
                file.data, file: file.fileName, workspace: pages.workspace, tenant: tenant, by: context.author)
        } catch let failure as FIMLibrary.Failure {
            upload.error = "Die Datei „\(file.fileName)“ wurde nicht übernommen: \(failure.description)"
            return try await library(request, context, upload: upload, status: .unprocessableContent)
                .response(from: request, context: context)
        }
        var notice = imported.processes.map {
            "\($0.reference.name), Fassung \($0.reference.version): \($0.isNew ? "eingelesen" : "war schon da")."
        }
        notice += imported.updates.map {
            "Der Prozess „\($0.processName)“ folgt noch Fassung \($0.fromVersion); die neue Fassung \($0.toVersion) "
                + "ändert \($0.changes.changes.count) Dinge."
        }
        notice += imported.warnings.map { "Hinweis: \($0)" }
        guard let first = imported.processes.first else {
            return try await library(request, context, upload: nil, notice: notice).response(
                from: request, context: context)
        }
        return SeeOther(location: Paths.fimMaster(first.reference.id) + "?imported=1")
            .response(from: request, context: context)
    }

    struct GroupRow: Sendable {
        var id: String
        var name: String
        var type: String
        var legalBases: [Link]
        var incoming: String
        var outgoing: String
    }

    struct UpdateRow: Sendable {
        var process: Link
        var from: String
        var changes: [String]
        var followAction: String?
    }

    struct MasterView: Sendable {
        var name: String
        var facts: [ProcessView.Fact]
        var definition: String
        var legalBases: [Link]
        var participants: [String]
        var groups: [GroupRow]
        var svg: String?
        var svgLabel: String
        var derived: [Link]
        var updates: [UpdateRow]
        var mayDerive: Bool
        var deriveAction: String
        var suggestedID: String
        var suggestedName: String
        var csrf: String
        var versionOptions: [SelectOption]
        var masterHref: String
        var versionValue: String
    }

    /// The reference activity group types, named after what XProzess's specific attributes of each type hold
    /// (1 received data, 2 provided data, 3 formal check, 4 material check with aids, 5 decision, 6 processing,
    /// 7 participation with data both ways, 8 other with a description).
    static let groupTypes = [
        "1": "Informationen empfangen", "2": "Informationen bereitstellen", "3": "Formelle Prüfung",
        "4": "Sachliche Prüfung", "5": "Entscheidung", "6": "Bearbeitung", "7": "Mitwirkung", "8": "Sonstiges",
    ]

    func master(_ request: Request, _ context: AppRequestContext) async throws -> HTMLResponse {
        let snapshot = try await pages.snapshot(context)
        let tenant = snapshot.map.tenant.id
        let id = try context.parameters.require("id")
        let references = try await pages.workspace.repository.referenceProcesses(of: tenant).filter { $0.id == id }
        let chosen = request.uri.queryParameters["version"].map(String.init)
        guard let reference = references.first(where: { $0.version == chosen }) ?? references.last else {
            throw HTTPError(.notFound, message: "Einen Referenzprozess „\(id)“ gibt es nicht.")
        }
        let read = try await pages.workspace.derived(tenant, "fim|\(reference.id)|\(reference.version)") {
            try XProzessReader.read(reference.message, file: reference.label).message
        }
        let process = read.processes.first { $0.id == reference.id }
        let processClass = read.processClasses.first { $0.id == reference.id }
        let lineage = try await pages.workspace.repository.lineage(of: tenant).filter { $0.masterID == id }
        let model = try? FIMLibrary.model(of: reference).model
        let mayDerive = context.access?.role.grants(.manageProcesses) ?? true
        var facts: [ProcessView.Fact] = [
            .init(label: "FIM-Kennung", value: reference.id, href: nil),
            .init(label: "Fassung", value: reference.version, href: nil),
            .init(
                label: "Eingelesen",
                value: "\(Display.dateTime(reference.importedAt)), \(reference.importedBy.displayName)", href: nil),
        ]
        if let service = snapshot.map.services.first(where: { $0.leikaKey.rawValue == reference.id }) {
            facts.append(.init(label: "Leistung der Kommune", value: service.name, href: Paths.ozgService(service.id)))
        }
        if let status = process?.status?.code { facts.append(.init(label: "Status (Code)", value: status, href: nil)) }
        if let from = process?.validFrom {
            facts.append(.init(label: "Gültig ab", value: String(from.prefix(10)), href: nil))
        }
        let updates = lineage.filter { ReferenceProcess.versionOrder($0.masterVersion, reference.version) }
        let view = MasterView(
            name: reference.name, facts: facts, definition: processClass?.definition ?? "",
            legalBases: (processClass?.legalBases ?? []).map { Link(text: $0.name, href: $0.uri ?? "") },
            participants: (process?.factSheet.participants ?? []).map {
                $0.name
                    + ($0.role.map { role in
                        role.code == "1" ? " (Antragsteller)" : role.code == "2" ? " (Behörde)" : ""
                    } ?? "")
            },
            groups: (process?.activityGroups ?? []).sorted { $0.id < $1.id }.map { group in
                GroupRow(
                    id: group.id, name: group.name,
                    type: group.type.map { "\($0.code) – \(Self.groupTypes[$0.code] ?? "unbekannt")" } ?? "–",
                    legalBases: group.legalBases.map { Link(text: $0.name, href: $0.uri ?? "") },
                    incoming: group.incomingData.joined(separator: "; "),
                    outgoing: group.outgoingData.joined(separator: "; "))
            },
            svg: model.flatMap { SVGRenderer.render(BPMNLayout.withDiagram($0)) },
            svgLabel: "Diagramm des Referenzprozesses „\(reference.name)“, Fassung \(reference.version)",
            derived: lineage.compactMap { item in
                snapshot.record(item.processID.rawValue).map {
                    Link(
                        text: "\($0.name) (Fassung \(item.masterVersion))",
                        href: Paths.processLineage(item.processID.rawValue))
                }
            },
            updates: try updates.compactMap { item in
                guard let record = snapshot.record(item.processID.rawValue),
                    let old = references.first(where: { $0.version == item.masterVersion })
                else { return nil }
                let delta = ProcessDelta(
                    from: try FIMLibrary.model(of: old).process, to: try FIMLibrary.model(of: reference).process)
                return UpdateRow(
                    process: Link(text: record.name, href: Paths.processLineage(item.processID.rawValue)),
                    from: item.masterVersion, changes: delta.changes.map(\.text),
                    followAction: mayDerive ? Paths.processLineageFollow(item.processID.rawValue) : nil)
            },
            mayDerive: mayDerive, deriveAction: Paths.fimDerive(reference.id),
            suggestedID: Self.suggestedID(reference, taken: Set(snapshot.records.map(\.id.rawValue))),
            suggestedName: reference.name, csrf: context.csrfToken,
            versionOptions: references.map {
                SelectOption(
                    value: $0.version, label: "Fassung \($0.version)", isSelected: $0.version == reference.version)
            }, masterHref: Paths.fimMaster(reference.id), versionValue: reference.version)
        return try pages.page(
            "processes/fim-master", title: reference.name, section: .processes, content: view, context: context,
            snapshot: snapshot,
            notice: request.uri.queryParameters["imported"] != nil ? "Referenzprozess eingelesen." : nil)
    }

    static func suggestedID(_ reference: ReferenceProcess, taken: Set<String>) -> String {
        var candidate = "fim-\(reference.id)"
        var number = 2
        while taken.contains(candidate) {
            candidate = "fim-\(reference.id)-\(number)"
            number += 1
        }
        return candidate
    }

    enum DeriveField: String, FormField {
        case id, name, version
    }

    func derive(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let input = try await FormInput.read(request, context: context, limit: pages.configuration.maxFormBytes)
        let snapshot = try await pages.snapshot(context)
        let master = try context.parameters.require("id")
        // The master first: another tenant's master is "not found" whatever the form holds.
        let references = try await pages.workspace.repository.referenceProcesses(of: snapshot.map.tenant.id)
        guard references.contains(where: { $0.id == master }) else {
            throw HTTPError(.notFound, message: "Einen Referenzprozess „\(master)“ gibt es nicht.")
        }
        let processID = input[DeriveField.id]
        guard ID<ProcessModel>(processID).isWellFormed, processID.count <= 100,
            processID.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" || $0 == "_" || $0 == "." }
            )
        else {
            throw HTTPError(
                .unprocessableContent,
                message: "Die Kennung „\(processID)“ passt nicht: Buchstaben, Ziffern, Punkt, Binde- und Unterstrich.")
        }
        let name = String(input[DeriveField.name].prefix(200))
        guard
            let version = references.last(where: {
                $0.id == master && ($0.version == input[DeriveField.version] || input[DeriveField.version].isEmpty)
            })?.version
        else { throw HTTPError(.notFound, message: "Einen Referenzprozess „\(master)“ gibt es nicht.") }
        try await FIMLibrary.derive(
            master: master, version: version, as: ID(processID), name: name, workspace: pages.workspace,
            tenant: snapshot.map.tenant.id, by: context.author)
        return SeeOther(location: Paths.processLineage(processID) + "?derived=1")
            .response(from: request, context: context)
    }
}
