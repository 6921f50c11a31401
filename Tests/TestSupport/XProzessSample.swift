public import Foundation

/// A small XProzess 2 message (0303) with one process and its BPMN embedded as base64, for tests that need a
/// reference process without the corpus.
public enum XProzessSample {
    public static func message(id: String, version: String, name: String, bpmn: String) -> Data {
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        }
        return Data(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <xprozess:alleInhalte.export.0303 xmlns:xprozess="http://www.regierung-mv.de/xprozess/2">
              <xprozess:nachrichtenkopf>
                <xprozess:nachrichtUUID>sample-\(escape(id))-\(escape(version))</xprozess:nachrichtUUID>
                <xprozess:nachrichtentyp listURI="urn:xoev-de:xprozess:codeliste:nachricht" listVersionID="1.0"><code>0303</code></xprozess:nachrichtentyp>
              </xprozess:nachrichtenkopf>
              <xprozess:prozessbibliothek>
                <xprozess:prozess>
                  <xprozess:id>\(escape(id))</xprozess:id>
                  <xprozess:version>\(escape(version))</xprozess:version>
                  <xprozess:name>\(escape(name))</xprozess:name>
                  <xprozess:prozessmodell>
                    <xprozess:prozessmodelldatei>
                      <xprozess:dateiname>BPMN</xprozess:dateiname>
                      <xprozess:inhalt>\(Data(bpmn.utf8).base64EncodedString())</xprozess:inhalt>
                    </xprozess:prozessmodelldatei>
                  </xprozess:prozessmodell>
                </xprozess:prozess>
              </xprozess:prozessbibliothek>
            </xprozess:alleInhalte.export.0303>
            """.utf8)
    }
}
