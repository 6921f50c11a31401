import AmtswegCore
import AmtswegServer
import AmtswegStore
import BPMN
import FIM
import Foundation
import ProcessBPMN
import Testing
import TestSupport

/// Reference processes and their local copies: a master imported from XProzess, a local process derived from
/// it and changed (a step removed, a lane added) shows exactly those differences; a newer master version lists
/// the local process with what changed in the master.
@Suite struct FIMLibraryTests {
    static let master = "99006028261000"
    static let formalCheck = "_f8b43c65-cc8a-4064-ab39-b77e8db5cd4b"  // "Anzeige formell prüfen"

    static func message() throws -> Data {
        try Data(contentsOf: try #require(Corpus.file(XProzessPaths.export)))
    }

    /// The model without `step` (its incoming path now leads to where its outgoing path led) and with an empty
    /// lane added to the process that held it.
    static func changed(_ model: BPMNModel, removing step: String, addingLane lane: String) throws -> BPMNModel {
        var model = model
        func edit(_ element: inout BPMNElement) -> Bool {
            guard element.children.contains(where: { $0.id == step }) else {
                for index in element.children.indices where edit(&element.children[index]) { return true }
                return false
            }
            let outgoing = element.children.first {
                $0.kind == "model:sequenceFlow" && $0.attributes["sourceRef"] == step
            }
            let next = outgoing?.attributes["targetRef"]
            element.children.removeAll { $0.id == step || $0.id == outgoing?.id }
            for index in element.children.indices {
                if element.children[index].kind == "model:sequenceFlow",
                    element.children[index].attributes["targetRef"] == step
                {
                    element.children[index].attributes["targetRef"] = next
                }
                // The next node's incoming references follow.
                element.children[index].children.removeAll { $0.kind == "model:incoming" && $0.text == outgoing?.id }
            }
            var lanes = BPMNElement(kind: "model:laneSet", attributes: ["id": "lokale-bahnen"])
            lanes.children = [BPMNElement(kind: "model:lane", attributes: ["id": "lokale-bahn", "name": lane])]
            element.children.insert(lanes, at: 0)
            return true
        }
        #expect(edit(&model.definitions), "the step is in the model")
        return model
    }

    @Test(.enabled(if: Corpus.isAvailable, "corpus missing"))
    func aDerivedProcessShowsExactlyItsLocalChangesAndANewerMasterListsIt() async throws {
        let server = try await TestServer()
        let workspace = server.workspace
        let tenant = try server.tenant
        let imported = try await FIMLibrary.importMessage(
            try Self.message(), file: "muschg.xml", workspace: workspace, tenant: tenant, by: .local)
        #expect(imported.processes.map(\.isNew) == [true])
        #expect(imported.updates.isEmpty)
        let again = try await FIMLibrary.importMessage(
            try Self.message(), file: "muschg.xml", workspace: workspace, tenant: tenant, by: .local)
        #expect(again.processes.map(\.isNew) == [false], "the same version again changes nothing")

        let derived = try await FIMLibrary.derive(
            master: Self.master, version: "01.00.00", as: "mutterschutz-anzeige",
            name: "Mutterschutz-Anzeige bearbeiten",
            workspace: workspace, tenant: tenant, by: .local)
        let lineage = try #require(
            try await workspace.repository.lineage(of: tenant).first { $0.processID == "mutterschutz-anzeige" })
        #expect(lineage.processID == "mutterschutz-anzeige" && lineage.masterVersion == "01.00.00")
        let references = try await workspace.repository.referenceProcesses(of: tenant)
        let map = try await workspace.repository.loadMap(of: tenant)
        let unchanged = try FIMLibrary.compare(derived, lineage: lineage, references: references, map: map)
        #expect(unchanged.delta.isEmpty, "\(unchanged.delta.changes.map(\.text))")

        // Locally: the formal check is dropped, a lane for the post room added.
        var local = derived
        let (model, _) = try local.read()
        let edited = try Self.changed(model, removing: Self.formalCheck, addingLane: "Poststelle")
        local.bpmn = String(decoding: BPMNWriter.write(edited), as: UTF8.self)
        try await workspace.saveProcess(local, of: tenant, by: .local, comment: "lokal angepasst", basedOn: nil)
        let comparison = try FIMLibrary.compare(local, lineage: lineage, references: references, map: map)
        #expect(
            comparison.delta.changes.map(\.text) == [
                "zusätzliche Bahn „Poststelle“", "Schritt „Anzeige formell prüfen“ fehlt lokal",
            ])
        #expect(!comparison.differences.isEmpty)

        // A newer master version: the local process is listed with what changed in the master.
        var newer = String(decoding: try Self.message(), as: UTF8.self)
        newer = newer.replacingOccurrences(
            of: "<xprozess:version>01.00.00</xprozess:version>", with: "<xprozess:version>01.01.00</xprozess:version>")
        let result = try XProzessReaderForTests.renaming(
            newer, step: "Anzeige zurückweisen", to: "Anzeige mit Begründung zurückweisen")
        let update = try await FIMLibrary.importMessage(
            Data(result.utf8), file: "muschg-1.1.xml", workspace: workspace, tenant: tenant, by: .local)
        #expect(update.processes.map(\.reference.version) == ["01.01.00"])
        let listed = try #require(update.updates.first)
        #expect(update.updates.count == 1)
        #expect(
            listed.processID == "mutterschutz-anzeige" && listed.fromVersion == "01.00.00"
                && listed.toVersion == "01.01.00")
        #expect(
            listed.changes.changes.map(\.text) == [
                "Schritt „Anzeige zurückweisen“ heißt jetzt „Anzeige mit Begründung zurückweisen“"
            ])
        try await workspace.followMasterVersion("01.01.00", process: "mutterschutz-anzeige", of: tenant, by: .local)
        #expect(
            try await workspace.repository.lineage(of: tenant).first { $0.processID == "mutterschutz-anzeige" }?
                .masterVersion == "01.01.00")
        let log = try await workspace.repository.changes(of: tenant, limit: 5).map(\.action)
        #expect(log.prefix(3) == ["followMasterVersion", "importReferenceProcess", "saveProcess"])
    }
}

enum XProzessPaths {
    static let export = "fim/xprozess/xprozess2_alleInhalte_export_0303_99006028261000_MuSchG.xml"
}

/// Edits of the corpus message for tests: a step renamed inside the embedded BPMN (base64 in a ZIP).
enum XProzessReaderForTests {
    static func renaming(_ message: String, step: String, to name: String) throws -> String {
        // The message's process as read, its BPMN renamed, written back.
        var read = try FIM.XProzessReader.read(Data(message.utf8), file: "m").message
        var process = read.processes[0]
        let bpmn = String(decoding: try #require(process.bpmn), as: UTF8.self)
        process.bpmn = Data(bpmn.replacingOccurrences(of: "name=\"\(step)\"", with: "name=\"\(name)\"").utf8)
        read.processes[0] = process
        return String(decoding: try FIM.XProzessWriter.write(read), as: UTF8.self)
    }
}
