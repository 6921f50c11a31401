import BPMN
import FIM
import Foundation
import Testing
import TestSupport
import ZIPFoundation

@Suite struct XProzessReaderTests {
    static let exportPath = "fim/xprozess/xprozess2_alleInhalte_export_0303_99006028261000_MuSchG.xml"
    static let decodedBPMNPath = "fim/xprozess/xprozess2_MuSchG_BPMN_DI-Export.bpmn.xml"

    static func corpusMessage() throws -> XProzessReader.Result {
        let url = try #require(Corpus.file(exportPath))
        return try XProzessReader.read(try Data(contentsOf: url), file: url.lastPathComponent)
    }

    @Test(.enabled(if: Corpus.isAvailable, "corpus missing"))
    func theCorpusExportReadsWithItsClassProcessGroupsAndParticipants() throws {
        let result = try Self.corpusMessage()
        let message = result.message
        #expect(message.messageType == "0303")
        #expect(message.processClasses.map(\.id) == ["99006028261000"])
        let processClass = try #require(message.processClasses.first)
        #expect(processClass.version == "01.00.00")
        #expect(processClass.legalBases.count == 3)
        #expect(processClass.legalBases.allSatisfy { $0.uri?.hasPrefix("http") == true && $0.kind?.code == "104" })
        #expect(processClass.classifications.map(\.classID) == ["611", "611.07", "611.07.01"])
        let process = try #require(message.processes.first)
        #expect(message.processes.count == 1)
        #expect(process.id == "99006028261000" && process.version == "01.00.00")
        #expect(process.factSheet.participants.count == 3)
        #expect(process.factSheet.participants.map { $0.role?.code } == ["1", "2", "2"])
        #expect(process.factSheet.triggers == ["D00000094"])
        #expect(process.factSheet.levelOfDetail?.code == "101")
        #expect(process.factSheet.administrativeCoding.count == 16)
        #expect(process.activityGroups.count == 12)
        #expect(Set(process.activityGroups.compactMap { $0.type.flatMap { Int($0.code) } }).isSubset(of: Set(1...8)))
        #expect(process.activityGroups.allSatisfy { !$0.subProcessID.isEmpty })
        #expect(process.activityGroups.contains { !$0.incomingData.isEmpty && !$0.outgoingData.isEmpty })
        #expect(process.activityGroups.flatMap(\.legalBases).allSatisfy { $0.uri != nil })
        #expect(process.status?.code == "2")
        #expect(process.modelFiles.map(\.role) == [.model, .picture, .description])
        // Each activity group is drawn as a sub-process of the embedded BPMN.
        let bpmn = try #require(process.bpmn)
        let model = try BPMNReader.read(bpmn, file: "embedded.bpmn")
        let subProcesses = Set(model.allElements.filter { $0.kind == "model:subProcess" }.compactMap(\.id))
        for group in process.activityGroups {
            #expect(subProcesses.contains(group.subProcessID), "\(group.name): \(group.subProcessID)")
        }
        #expect(result.warnings.isEmpty, "\(result.warnings)")
    }

    @Test(.enabled(if: Corpus.isAvailable, "corpus missing"))
    func theEmbeddedBPMNIsTheDecodedFileBesideIt() throws {
        let embedded = try #require(try Self.corpusMessage().message.processes.first?.bpmn)
        let beside = try Data(contentsOf: try #require(Corpus.file(Self.decodedBPMNPath)))
        #expect(embedded == beside, "the same bytes as the corpus's decoded file")
        let differences = BPMNDiff.compare(
            try BPMNReader.read(embedded, file: "embedded"), try BPMNReader.read(beside, file: "beside"))
        #expect(differences.isEmpty)
    }
}
