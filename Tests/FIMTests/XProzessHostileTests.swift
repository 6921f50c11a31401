import FIM
import Foundation
import Testing
import ZIPFoundation

/// Hostile and broken XProzess messages: each ends in an error naming element and line, or — where the message
/// is usable — in a warning; nothing is unpacked beyond the limits. (How fast and in how much memory the server
/// refuses them is measured in `Tests/Limits/limits.py`, on the upload.)
@Suite struct XProzessHostileTests {
    /// A small 0303 message with one process whose model file holds `content` (base64 as written).
    static func message(
        content: String, namespace: String = "http://www.regierung-mv.de/xprozess/2", groupType: String = "3",
        codeList: String = "urn:xoev-de:xprozess:codeliste:referenzaktivitaetengruppe"
    ) -> Data {
        Data(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <xprozess:alleInhalte.export.0303 xmlns:xprozess="\(namespace)">
              <xprozess:nachrichtenkopf>
                <xprozess:nachrichtUUID>1</xprozess:nachrichtUUID>
                <xprozess:nachrichtentyp listURI="urn:xoev-de:xprozess:codeliste:nachricht" listVersionID="1.0"><code>0303</code></xprozess:nachrichtentyp>
              </xprozess:nachrichtenkopf>
              <xprozess:prozessbibliothek>
                <xprozess:prozess>
                  <xprozess:id>99000000000000</xprozess:id>
                  <xprozess:version>1</xprozess:version>
                  <xprozess:name>Test</xprozess:name>
                  <xprozess:prozessstrukturbeschreibung><xprozess:strukturbeschreibungFIM>
                    <xprozess:aktivitaetengruppe>
                      <xprozess:referenzaktivitaetengruppeTyp listURI="\(codeList)" listVersionID="1"><code>\(groupType)</code></xprozess:referenzaktivitaetengruppeTyp>
                      <xprozess:id>01</xprozess:id><xprozess:subProzessID></xprozess:subProzessID><xprozess:name>Prüfen</xprozess:name>
                    </xprozess:aktivitaetengruppe>
                  </xprozess:strukturbeschreibungFIM></xprozess:prozessstrukturbeschreibung>
                  <xprozess:prozessmodell>
                    <xprozess:prozessmodelldatei>
                      <xprozess:dateiname>BPMN DI-Export</xprozess:dateiname>
                      <xprozess:inhalt>\(content)</xprozess:inhalt>
                    </xprozess:prozessmodelldatei>
                  </xprozess:prozessmodell>
                </xprozess:prozess>
              </xprozess:prozessbibliothek>
            </xprozess:alleInhalte.export.0303>
            """.utf8)
    }

    static func zip(_ entries: [(String, Data)]) throws -> String {
        let archive = try Archive(accessMode: .create)
        for (name, data) in entries {
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
        }
        return try #require(archive.data).base64EncodedString()
    }

    static let bpmn = Data(
        #"<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"><process id="p"/></definitions>"#.utf8
    )

    static func error(_ data: Data) -> String? {
        do {
            _ = try XProzessReader.read(data, file: "nachricht.xml")
            return nil
        } catch {
            return error.description
        }
    }

    @Test func aWellFormedSmallMessageReads() throws {
        let result = try XProzessReader.read(
            Self.message(content: try Self.zip([("BPMN DI-Export.xml", Self.bpmn)])), file: "nachricht.xml")
        #expect(result.message.processes.first?.bpmn == Self.bpmn)
        #expect(result.warnings.isEmpty, "\(result.warnings)")
    }

    @Test func theWrongNamespaceIsRefusedNamingTheRoot() {
        let text = Self.error(Self.message(content: "", namespace: "http://example.org/xprozess/1"))
        #expect(
            text
                == "nachricht.xml:2: <xprozess:alleInhalte.export.0303>: kein XProzess-2-Dokument: Namensraum „http://example.org/xprozess/1“, erwartet „http://www.regierung-mv.de/xprozess/2“"
        )
    }

    @Test func brokenBase64IsRefusedNamingTheContentElement() {
        let text = Self.error(Self.message(content: "UEsDBBQAAAAIA!!kaputt"))
        #expect(
            text
                == "nachricht.xml:21: <xprozess:inhalt>: der Inhalt ist kein gültiges Base64 (abgeschnitten oder beschädigt)"
        )
    }

    @Test func aTruncatedMessageIsRefusedWithItsLine() throws {
        let whole = Self.message(content: try Self.zip([("a.bpmn", Self.bpmn)]))
        let text = Self.error(whole.prefix(whole.count / 2))
        #expect(text?.hasPrefix("nachricht.xml:") == true, "\(text ?? "read")")
    }

    @Test func aZIPBombIsStoppedWhileUnpacking() throws {
        // 40 MB of zeros pack into about 40 KB.
        let bomb = try Self.zip([("BPMN DI-Export.xml", Data(count: 40 << 20))])
        #expect(bomb.count < 200_000)
        let text = Self.error(Self.message(content: bomb))
        #expect(
            text?.contains("<xprozess:inhalt>: der Eintrag „BPMN DI-Export.xml“ wächst beim Entpacken") == true,
            "\(text ?? "read")")
        // Many small entries that together exceed the limit are stopped too.
        let limits = XProzessLimits(maxUnpackedBytes: 1 << 20)
        let many = try Self.zip((0..<8).map { ("teil-\($0).xml", Data(repeating: 65, count: 200_000)) })
        #expect {
            try XProzessReader.read(Self.message(content: many), file: "n.xml", limits: limits)
        } throws: { "\($0)".contains("größer als 1048576 Bytes") }
    }

    @Test func pathsLeavingTheArchiveAreRefused() throws {
        for name in ["../../etc/passwd", "/etc/passwd", "modell/../../x.xml", "C:\\Windows\\x.xml"] {
            let text = Self.error(Self.message(content: try Self.zip([(name, Self.bpmn)])))
            #expect(text?.contains("zeigt aus dem Archiv heraus") == true, "\(name): \(text ?? "read")")
            #expect(text?.hasPrefix("nachricht.xml:21: <xprozess:inhalt>") == true, "\(text ?? "")")
        }
    }

    @Test func aDamagedArchiveIsRefused() throws {
        let archive = try #require(Data(base64Encoded: try Self.zip([("a.xml", Self.bpmn)])))
        let damaged = archive.prefix(30) + Data(repeating: 0xFF, count: 40)
        let text = Self.error(Self.message(content: damaged.base64EncodedString()))
        #expect(
            text?.contains("<xprozess:inhalt>: ") == true && text?.contains("beschädigt") == true, "\(text ?? "read")")
    }

    @Test func anArchiveWithoutBPMNAndUnknownCodesAreWarnedAbout() throws {
        let result = try XProzessReader.read(
            Self.message(
                content: try Self.zip([("bild.png", Data([0x89, 0x50, 0x4E, 0x47]))]), groupType: "9",
                codeList: "urn:example:liste"),
            file: "nachricht.xml")
        #expect(result.message.processes.first?.bpmn == nil)
        #expect(
            result.warnings == [
                "nachricht.xml:14: <xprozess:referenzaktivitaetengruppeTyp>: unbekannte Codeliste „urn:example:liste“",
                "nachricht.xml:13: <xprozess:aktivitaetengruppe>: unbekannter Typ einer Referenzaktivitätengruppe „9“ (erwartet 1 bis 8)",
                "nachricht.xml:18: <xprozess:prozessmodell>: die Prozessmodelldatei enthält kein BPMN-Modell",
            ])
    }

    @Test func bothURNFormsOfACodeListNameTheSameList() {
        #expect(
            XProzessCode(listURI: "urn:xoev-de:xprozess:codeliste:status", listVersionID: "1", code: "2").listName
                == XProzessCode(listURI: "urn:de:xprozess:codeliste:status", listVersionID: "1", code: "2").listName)
    }
}
