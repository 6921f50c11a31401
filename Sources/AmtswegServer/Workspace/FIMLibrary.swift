public import AmtswegCore
import AmtswegStore
public import BPMN
public import FIM
public import Foundation
import ProcessBPMN

/// FIM reference processes for a tenant: importing an XProzess message (each process becomes a version of a
/// reference process), deriving a local process from one (a copy with lineage), comparing a local process with
/// its master, and writing a local process back as XProzess. The pages, the API and `amtsweg fim` share it.
public enum FIMLibrary {
    /// What an import did.
    public struct Imported: Sendable {
        /// Each process of the message as stored, and whether it was new (false: that version was already there).
        public var processes: [(reference: ReferenceProcess, isNew: Bool)]
        public var warnings: [String]
        /// Local processes that derive from an older version of an imported master.
        public var updates: [MasterUpdate]
    }

    /// A local process whose master has a newer version than the one it follows, and what changed between them.
    public struct MasterUpdate: Sendable {
        public var processID: ID<ProcessModel>
        public var processName: String
        public var masterID: String
        public var fromVersion: String
        public var toVersion: String
        public var changes: ProcessDelta
    }

    public enum Failure: Error, Sendable, CustomStringConvertible {
        case unreadable(XProzessError)
        case noProcess(String)
        case noBPMN(String)
        case brokenBPMN(String)

        public var description: String {
            switch self {
            case .unreadable(let error): error.description
            case .noProcess(let file): "\(file): die Nachricht enthält keinen Prozess."
            case .noBPMN(let name):
                "Der Prozess „\(name)“ enthält kein BPMN-Modell; ohne Modell lässt er sich nicht übernehmen."
            case .brokenBPMN(let detail): "Das eingebettete BPMN-Modell ist nicht lesbar: \(detail)"
            }
        }
    }

    /// Reads the message and stores every process in it as a version of a reference process — all or nothing:
    /// a message with one unreadable model stores none.
    public static func importMessage(
        _ data: Data, file: String, workspace: Workspace, tenant: ID<Tenant>, by author: Author, now: Date = Date()
    ) async throws -> Imported {
        let store = workspace.repository
        let result: XProzessReader.Result
        do {
            result = try XProzessReader.read(data, file: file)
        } catch {
            throw Failure.unreadable(error)
        }
        guard !result.message.processes.isEmpty else { throw Failure.noProcess(file) }
        var references: [ReferenceProcess] = []
        for process in result.message.processes {
            guard let bpmn = process.bpmn else { throw Failure.noBPMN(process.name) }
            do {
                _ = try BPMNReader.read(bpmn, file: "\(file) (\(process.name))")
            } catch {
                throw Failure.brokenBPMN(error.description)
            }
            references.append(
                ReferenceProcess(
                    id: process.id, version: process.version, name: process.name,
                    bpmn: String(decoding: bpmn, as: UTF8.self), message: data, importedAt: now, importedBy: author))
        }
        var stored: [(reference: ReferenceProcess, isNew: Bool)] = []
        for reference in references {
            stored.append((reference, try await workspace.importReferenceProcess(reference, of: tenant, by: author)))
        }
        let all = try await store.referenceProcesses(of: tenant)
        let records = try await store.processes(of: tenant)
        var updates: [MasterUpdate] = []
        for lineage in try await store.lineage(of: tenant) {
            guard let newest = references.first(where: { $0.id == lineage.masterID }),
                ReferenceProcess.versionOrder(lineage.masterVersion, newest.version),
                let old = all.first(where: { $0.id == lineage.masterID && $0.version == lineage.masterVersion })
            else { continue }
            updates.append(
                MasterUpdate(
                    processID: lineage.processID,
                    processName: records.first { $0.id == lineage.processID }?.name ?? lineage.processID.rawValue,
                    masterID: lineage.masterID, fromVersion: lineage.masterVersion, toVersion: newest.version,
                    changes: ProcessDelta(from: try model(of: old).process, to: try model(of: newest).process)))
        }
        return Imported(processes: stored, warnings: result.warnings, updates: updates)
    }

    /// The master's BPMN read, and the process Amtsweg reads from it.
    public static func model(of reference: ReferenceProcess, map: TenantMap? = nil) throws -> (
        model: BPMNModel, process: ProcessModel
    ) {
        let model: BPMNModel
        do {
            model = try BPMNReader.read(Data(reference.bpmn.utf8), file: reference.label)
        } catch {
            throw Failure.brokenBPMN(error.description)
        }
        guard let map else {
            return (model, ProcessExtractor.extract(model, fallbackID: ID("fim-" + reference.id)).process)
        }
        return (model, derived(reference, model: model, id: ID("fim-" + reference.id), map: map).process)
    }

    /// The local process a master becomes in this tenant: its lanes mapped to the tenant's positions by name,
    /// linked to the tenant's service with the master's LeiKa key.
    static func derived(_ reference: ReferenceProcess, model: BPMNModel, id: ID<ProcessModel>, map: TenantMap)
        -> BPMNImport
    {
        BPMNImport(
            model: model, fallbackID: id, map: map, id: id,
            service: map.services.first { $0.leikaKey.rawValue == reference.id })
    }

    /// Derives a local process from a master version and stores it with its lineage; returns the record.
    @discardableResult
    public static func derive(
        master id: String, version: String, as processID: ID<ProcessModel>, name: String?, workspace: Workspace,
        tenant: ID<Tenant>, by author: Author, now: Date = Date()
    ) async throws -> ProcessRecord {
        let references = try await workspace.repository.referenceProcesses(of: tenant)
        guard let reference = references.first(where: { $0.id == id && $0.version == version }) else {
            throw StoreError.notFound(kind: .process, id: "\(id) (Fassung \(version))")
        }
        let map = try await workspace.repository.loadMap(of: tenant)
        let master = try model(of: reference)
        var record = derived(reference, model: master.model, id: processID, map: map).record
        record.name = name.flatMap { $0.isEmpty ? nil : $0 } ?? reference.name
        record.state = .ist
        try await workspace.deriveProcess(
            record,
            lineage: ProcessLineage(
                processID: processID, masterID: id, masterVersion: version, derivedAt: now, derivedBy: author),
            of: tenant, by: author)
        return record
    }

    /// A local process beside the master version it follows.
    public struct Comparison: Sendable {
        public var lineage: ProcessLineage
        public var master: ReferenceProcess
        /// Newer versions of the master than the one followed, newest last.
        public var newerVersions: [ReferenceProcess]
        public var local: ProcessRecord
        public var delta: LineageDelta
        public var differences: [BPMNDifference]
        /// The local model, to draw with the differences marked.
        public var localModel: BPMNModel
    }

    public static func compare(
        _ record: ProcessRecord, lineage: ProcessLineage, references: [ReferenceProcess], map: TenantMap
    )
        throws -> Comparison
    {
        guard let master = references.first(where: { $0.id == lineage.masterID && $0.version == lineage.masterVersion })
        else { throw StoreError.notFound(kind: .process, id: "\(lineage.masterID) (Fassung \(lineage.masterVersion))") }
        let masterModel = try model(of: master)
        // The master as it was derived in this tenant (lanes mapped the same way), so only the local changes show.
        let asDerived = derived(master, model: masterModel.model, id: record.id, map: map).process
        let local: (model: BPMNModel, process: ProcessModel)
        do {
            local = try record.read()
        } catch {
            throw Failure.brokenBPMN(error.description)
        }
        return Comparison(
            lineage: lineage, master: master,
            newerVersions: references.filter {
                $0.id == master.id && ReferenceProcess.versionOrder(master.version, $0.version)
            }, local: record, delta: LineageDelta(master: asDerived, local: local.process),
            differences: BPMNDiff.compare(masterModel.model, local.model), localModel: local.model)
    }

    /// A local process as an XProzess 2 message (0303): the message its master came in, with the local name,
    /// version, activity groups (those whose sub-process the local model still has, under their local names) and
    /// the local BPMN; everything else of the master's message unchanged. A process without master gets a
    /// message of its own.
    public static func export(
        _ record: ProcessRecord, lineage: ProcessLineage?, references: [ReferenceProcess], tenantName: String,
        localVersion: Int, now: Date = Date()
    ) throws -> Data {
        let bpmn = Data(record.bpmn.utf8)
        let master = lineage.flatMap { lineage in
            references.first { $0.id == lineage.masterID && $0.version == lineage.masterVersion }
        }
        var message: XProzessMessage
        do {
            message = try XProzessReader.read(master?.message ?? template(record, bpmn: bpmn), file: "export").message
        } catch {
            throw Failure.unreadable(error)
        }
        guard let index = message.processes.firstIndex(where: { $0.id == (master?.id ?? record.id.rawValue) }) else {
            throw Failure.noProcess("export")
        }
        let local = (try? record.read())?.process
        let steps = Dictionary(
            (local?.nodes ?? []).map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        var process = message.processes[index]
        process.name = record.name
        if master != nil { process.version = "\(process.version)-lokal.\(localVersion)" }
        process.activityGroups = process.activityGroups.compactMap { group in
            guard group.subProcessID.isEmpty || steps[group.subProcessID] != nil else { return nil }
            var group = group
            if let name = steps[group.subProcessID], !name.isEmpty { group.name = name }
            return group
        }
        process.bpmn = bpmn
        message.processes[index] = process
        message.messageID = UUID().uuidString.lowercased()
        message.createdAt = now.formatted(.iso8601)
        message.author = "\(tenantName) (Amtsweg)"
        return try XProzessWriter.write(message)
    }

    /// The smallest 0303 message for a process without master: header, the process with its model file.
    static func template(_ record: ProcessRecord, bpmn: Data) -> Data {
        message(id: record.id.rawValue, version: "1", name: record.name, bpmn: bpmn)
    }

    /// The smallest 0303 message holding one process with its BPMN.
    public static func message(id: String, version: String, name: String, bpmn: Data) -> Data {
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        }
        return Data(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <xprozess:alleInhalte.export.0303 xmlns:xprozess="\(XProzessMessage.namespace)" produkt="Amtsweg" xprozessVersion="2.0">
              <xprozess:nachrichtenkopf>
                <xprozess:nachrichtUUID>-</xprozess:nachrichtUUID>
                <xprozess:nachrichtentyp listURI="urn:xoev-de:xprozess:codeliste:nachricht" listVersionID="1.0"><code>0303</code></xprozess:nachrichtentyp>
                <xprozess:erstellungszeitpunkt>-</xprozess:erstellungszeitpunkt>
                <xprozess:autor>-</xprozess:autor>
              </xprozess:nachrichtenkopf>
              <xprozess:prozessbibliothek>
                <xprozess:name>Prozessbibliothek</xprozess:name>
                <xprozess:prozess>
                  <xprozess:id>\(escape(id))</xprozess:id>
                  <xprozess:version>\(escape(version))</xprozess:version>
                  <xprozess:name>\(escape(name))</xprozess:name>
                  <xprozess:prozesssteckbrief><xprozess:definition></xprozess:definition><xprozess:beschreibung></xprozess:beschreibung></xprozess:prozesssteckbrief>
                  <xprozess:prozessmodell>
                    <xprozess:prozessmodelldatei>
                      <xprozess:dateiname>BPMN</xprozess:dateiname>
                      <xprozess:inhalt>\(bpmn.base64EncodedString())</xprozess:inhalt>
                    </xprozess:prozessmodelldatei>
                  </xprozess:prozessmodell>
                </xprozess:prozess>
              </xprozess:prozessbibliothek>
            </xprozess:alleInhalte.export.0303>
            """.utf8)
    }
}
