import FIM
import Foundation
import Testing
import TestSupport

@Suite struct XProzessWriterTests {
    @Test(.enabled(if: Corpus.isAvailable, "corpus missing"))
    func exportThenImportGivesAnEquivalentMessageThatKeepsWhatAmtswegDoesNotModel() throws {
        let original = try XProzessReaderTests.corpusMessage().message
        let written = try XProzessWriter.write(original)
        let again = try XProzessReader.read(written, file: "export.xml")
        #expect(again.warnings.isEmpty, "\(again.warnings)")
        #expect(again.message.messageType == original.messageType)
        #expect(again.message.processClasses == original.processClasses)
        #expect(again.message.processes == original.processes)
        // Elements Amtsweg does not model come back as they were.
        let text = String(decoding: written, as: UTF8.self)
        for kept in [
            "<xprozess:zwecksetzung listURI=\"urn:xoev-de:xprozess:codeliste:zwecksetzung\" listVersionID=\"2020-01-20\">",
            "<xprozess:merkmalWert>Kernprozess</xprozess:merkmalWert>",
            "<xprozess:formellePruefung listURI=\"urn:xoev-de:xprozess:codeliste:formellepruefung\"",
            "<xprozess:mitwirkungspflicht>true</xprozess:mitwirkungspflicht>",
            "<xprozess:fachlichFreigebendeStelle>Bundesministerium für Familie, Senioren, Frauen und Jugend (BMFSFJ)",
        ] {
            #expect(text.contains(kept), "lost: \(kept)")
        }
        #expect(text.components(separatedBy: "<xprozess:verwaltungspolitischeKodierung>").count == 17)
    }

    @Test(.enabled(if: Corpus.isAvailable, "corpus missing"))
    func changesToTheModelledFieldsAreWrittenAndTheRestStays() throws {
        var message = try XProzessReaderTests.corpusMessage().message
        message.messageID = "00000000-0000-0000-0000-000000000001"
        message.author = "Stadt Musterstadt (Amtsweg)"
        var process = try #require(message.processes.first)
        process.name = "Anzeige bearbeiten (Musterstadt)"
        process.version = "01.00.00-musterstadt.1"
        let dropped = process.activityGroups.removeLast()
        process.activityGroups[0].name = "Anzeige formal prüfen"
        let bpmn = try #require(process.bpmn)
        process.bpmn = Data(
            String(decoding: bpmn, as: UTF8.self).replacingOccurrences(
                of: "Anzeige formell prüfen", with: "Anzeige formal prüfen"
            ).utf8)
        message.processes[0] = process
        let again = try XProzessReader.read(try XProzessWriter.write(message), file: "export.xml").message
        let read = try #require(again.processes.first)
        #expect(again.messageID == message.messageID && again.author == message.author)
        #expect(read.name == process.name && read.version == process.version)
        #expect(read.activityGroups.map(\.id) == process.activityGroups.map(\.id))
        #expect(!read.activityGroups.contains { $0.id == dropped.id })
        #expect(read.activityGroups[0].name == "Anzeige formal prüfen")
        #expect(read.activityGroups[0].legalBases == process.activityGroups[0].legalBases, "kept with the group")
        #expect(read.bpmn == process.bpmn)
        #expect(read.modelFiles.map(\.role) == [.model, .picture, .description])
        #expect(read.modelFiles[1] == process.modelFiles[1], "the picture is written back unchanged")
        #expect(again.processClasses == message.processClasses)
    }
}
