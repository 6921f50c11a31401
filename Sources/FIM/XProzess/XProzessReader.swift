import AmtswegXML
public import Foundation

/// Reads XProzess 2 messages (0303 alleInhalte.export, 0103, 0203 and the other messages built the same way):
/// the process catalogue's classes and the library's processes with fact sheet, activity groups, state and their
/// embedded model files — base64, raw or ZIP, the BPMN among them found by its namespace.
///
/// Hostile input ends in an ``XProzessError`` naming element and line: a wrong namespace, broken base64, a ZIP
/// archive that is damaged, too large unpacked, a bomb, or holds paths leaving the archive. What is merely
/// unusual — an unknown code, a model file without BPMN — becomes a warning.
public enum XProzessReader {
    public struct Result: Sendable {
        public var message: XProzessMessage
        /// In German, each naming element and line.
        public var warnings: [String]
    }

    static let ns = XProzessMessage.namespace
    static let knownMessageTypes: Set<String> = [
        "0101", "0102", "0103", "0201", "0202", "0203", "0301", "0302", "0303",
    ]

    public static func read(_ data: Data, file: String, limits: XProzessLimits = XProzessLimits()) throws(XProzessError)
        -> Result
    {
        guard data.count <= limits.maxMessageBytes else {
            throw XProzessError(
                file: file, line: nil, element: "",
                message: "Die Nachricht ist mit \(data.count) Bytes größer als erlaubt (\(limits.maxMessageBytes)).")
        }
        let document: XMLDocument
        do {
            document = try XMLDocument(
                data: data, file: file,
                limits: XMLLimits(
                    maxBytes: limits.maxMessageBytes, maxTextLength: limits.maxEmbeddedBytes / 3 * 4 + 4_096))
        } catch {
            throw XProzessError(file: file, line: error.line, element: "", message: error.message)
        }
        var reader = Reader(file: file, limits: limits)
        let message = try reader.message(document)
        return Result(message: message, warnings: reader.warnings)
    }

    struct Reader {
        let file: String
        let limits: XProzessLimits
        var warnings: [String] = []

        func fail(_ element: XMLElement, _ message: String) -> XProzessError {
            XProzessError(file: file, line: element.line, element: element.name.qualified, message: message)
        }

        mutating func warn(_ element: XMLElement, _ message: String) {
            warnings.append("\(file):\(element.line): <\(element.name.qualified)>: \(message)")
        }

        mutating func message(_ document: XMLDocument) throws(XProzessError) -> XProzessMessage {
            let root = document.root
            guard root.name.namespace == ns else {
                throw fail(
                    root,
                    "kein XProzess-2-Dokument: Namensraum „\(root.name.namespace ?? "keiner")“, erwartet „\(ns)“")
            }
            let header = root.child("nachrichtenkopf")
            let type = header?.child("nachrichtentyp").flatMap { code($0)?.code } ?? ""
            if let header, !XProzessReader.knownMessageTypes.contains(type) {
                warn(header, "unbekannter Nachrichtentyp „\(type)“")
            }
            var classes: [XProzessProcessClass] = []
            for catalogue in root.children("prozesskatalog") {
                for element in catalogue.children("prozessklasse") { classes.append(processClass(element)) }
            }
            var processes: [FIMProcess] = []
            for library in root.children("prozessbibliothek") {
                for element in library.children("prozess") { processes.append(try process(element)) }
            }
            if classes.isEmpty && processes.isEmpty {
                warn(root, "die Nachricht enthält weder Prozessklassen noch Prozesse")
            }
            return XProzessMessage(
                messageType: type, rootName: root.name.localName,
                messageID: header?.text("nachrichtUUID") ?? "", createdAt: header?.text("erstellungszeitpunkt") ?? "",
                author: header?.text("autor") ?? "", processClasses: classes, processes: processes, document: document)
        }

        /// A code-list value; an element without its `code` child is warned about and read as none.
        mutating func code(_ element: XMLElement) -> XProzessCode? {
            let value = element.elements.first { $0.name.localName == "code" }?.text.trimmed ?? ""
            guard !value.isEmpty else {
                warn(element, "Codelistenwert ohne <code>")
                return nil
            }
            let list = element.attribute("listURI") ?? ""
            if !list.isEmpty, !list.hasPrefix("urn:xoev-de:"), !list.hasPrefix("urn:de:") {
                warn(element, "unbekannte Codeliste „\(list)“")
            }
            return XProzessCode(listURI: list, listVersionID: element.attribute("listVersionID") ?? "", code: value)
        }

        mutating func legalBases(_ element: XMLElement) -> [XProzessLegalBasis] {
            element.children("handlungsgrundlage").map { basis in
                XProzessLegalBasis(
                    name: basis.text("name") ?? "", kind: basis.child("art").flatMap { code($0) },
                    uri: basis.text("uri").flatMap { $0.isEmpty ? nil : $0 })
            }
        }

        mutating func processClass(_ element: XMLElement) -> XProzessProcessClass {
            XProzessProcessClass(
                id: element.text("id") ?? "", version: element.text("version") ?? "", name: element.text("name") ?? "",
                designation: element.text("bezeichnung") ?? "", definition: element.text("definition") ?? "",
                legalBases: legalBases(element),
                classifications: element.children("klassifikation").map {
                    .init(
                        framework: $0.text("ordnungsrahmenName") ?? "", classID: $0.text("klasseID") ?? "",
                        className: $0.text("klasseName") ?? "")
                }, status: element.child("zustandsangaben")?.child("status").flatMap { code($0) })
        }

        mutating func process(_ element: XMLElement) throws(XProzessError) -> FIMProcess {
            let sheet = element.child("prozesssteckbrief")
            let factSheet = FIMFactSheet(
                definition: sheet?.text("definition") ?? "", description: sheet?.text("beschreibung") ?? "",
                triggers: (sheet?.children("ausloeser") ?? []).compactMap(Self.words),
                results: (sheet?.children("ergebnis") ?? []).compactMap(Self.words),
                participants: (sheet?.children("prozessteilnehmer") ?? []).map { participant in
                    FIMParticipant(
                        name: participant.text("name") ?? "", role: participant.child("rolle").flatMap { code($0) })
                }, legalBases: sheet.map { legalBases($0) } ?? [],
                levelOfDetail: sheet?.child("detaillierungsstufe").flatMap { code($0) },
                administrativeCoding: (sheet?.children("verwaltungspolitischeKodierung") ?? []).flatMap { coding in
                    coding.elements.compactMap { code($0) }
                })
            var groups: [FIMActivityGroup] = []
            for structure in element.child("prozessstrukturbeschreibung")?.children("strukturbeschreibungFIM") ?? [] {
                for group in structure.children("aktivitaetengruppe") { groups.append(activityGroup(group)) }
            }
            var files: [FIMModelFile] = []
            for model in element.children("prozessmodell") {
                for child in model.elements where child.name.namespace == ns {
                    guard let role = FIMModelFile.Role(rawValue: child.name.localName) else { continue }
                    files.append(try modelFile(child, role: role))
                }
            }
            let bpmn = files.first { $0.role == .model }.flatMap { file in
                file.files.first { Self.isBPMN($0.data) }?.data
            }
            if let model = element.child("prozessmodell"), files.contains(where: { $0.role == .model }), bpmn == nil {
                warn(model, "die Prozessmodelldatei enthält kein BPMN-Modell")
            }
            for group in groups where !group.subProcessID.isEmpty {
                guard let bpmn, let text = String(data: bpmn, encoding: .utf8) else { break }
                if !text.contains("\"\(group.subProcessID)\"") {
                    warnings.append(
                        "\(file): Aktivitätengruppe „\(group.name)“ verweist auf den Teilprozess "
                            + "„\(group.subProcessID)“, den das BPMN-Modell nicht enthält")
                }
            }
            let state = element.child("zustandsangaben")
            return FIMProcess(
                id: element.text("id") ?? "", version: element.text("version") ?? "",
                name: element.text("name") ?? "", designation: element.text("bezeichnung") ?? "",
                factSheet: factSheet, activityGroups: groups, status: state?.child("status").flatMap { code($0) },
                validFrom: state?.child("gueltigkeitszeitraum")?.text("beginn"),
                lastChanged: state?.text("letzterAenderungszeitpunkt"), modelFiles: files, bpmn: bpmn)
        }

        mutating func activityGroup(_ element: XMLElement) -> FIMActivityGroup {
            let type = element.child("referenzaktivitaetengruppeTyp").flatMap { code($0) }
            if let type, !(1...8).contains(Int(type.code) ?? 0) {
                warn(element, "unbekannter Typ einer Referenzaktivitätengruppe „\(type.code)“ (erwartet 1 bis 8)")
            }
            func data(_ names: Set<String>) -> [String] {
                element.descendants { names.contains($0.name.localName) }.compactMap { Self.words($0) }
            }
            return FIMActivityGroup(
                id: element.text("id") ?? "", type: type,
                typeVersion: element.text("referenzaktivitaetengruppeVersion") ?? "",
                subProcessID: element.text("subProzessID") ?? "", name: element.text("name") ?? "",
                description: element.text("beschreibung") ?? "", legalBases: legalBases(element),
                incomingData: data(["eingehendeDaten", "empfangeneDaten"]),
                outgoingData: data(["ausgehendeDaten", "bereitgestellteDaten"]),
                specialistSoftware: element.children("fachverfahren").map(\.text.trimmed).filter { !$0.isEmpty })
        }

        mutating func modelFile(_ element: XMLElement, role: FIMModelFile.Role) throws(XProzessError) -> FIMModelFile {
            guard let content = element.child("inhalt") else {
                throw fail(element, "die eingebettete Datei hat keinen <inhalt>")
            }
            // Bytes, not characters: a model file is megabytes of base64, and line breaks and blanks may sit in it.
            let text = Data(content.text.utf8.filter { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 })
            guard text.count / 4 * 3 <= limits.maxEmbeddedBytes else {
                throw fail(content, "die eingebettete Datei ist größer als \(limits.maxEmbeddedBytes) Bytes")
            }
            guard let decoded = Data(base64Encoded: text) else {
                throw fail(content, "der Inhalt ist kein gültiges Base64 (abgeschnitten oder beschädigt)")
            }
            var files: [(name: String, data: Data)]
            if EmbeddedArchive.isZIP(decoded) {
                do {
                    files = try EmbeddedArchive.unpack(decoded, limits: limits)
                } catch {
                    throw fail(content, error.message)
                }
            } else {
                files = [(element.text("dateiname") ?? role.rawValue, decoded)]
            }
            return FIMModelFile(
                role: role, fileName: element.text("dateiname") ?? "",
                mimeType: element.child("mimeType").flatMap { code($0) }, content: decoded, files: files)
        }

        static func isBPMN(_ data: Data) -> Bool {
            data.prefix(4_096).range(of: Data("http://www.omg.org/spec/BPMN/20100524/MODEL".utf8)) != nil
        }

        /// The words of an element holding text in its descendants ("Anforderung weiterer Informationen",
        /// sender or recipient added): leaves' texts joined, nil when there is none.
        static func words(_ element: XMLElement) -> String? {
            var parts: [String] = []
            var party: String?
            for leaf in element.descendants({ $0.elements.isEmpty }) where leaf.name.localName != "code" {
                let text = leaf.text.trimmed
                guard !text.isEmpty else { continue }
                switch leaf.name.localName {
                case "sender": party = "von \(text)"
                case "empfaenger": party = "an \(text)"
                default: parts.append(text)
                }
            }
            guard !parts.isEmpty else { return nil }
            return parts.joined(separator: ", ") + (party.map { " (\($0))" } ?? "")
        }
    }
}

extension XMLElement {
    /// Child elements of XProzess's namespace with this local name.
    func children(_ localName: String) -> [XMLElement] {
        elements.filter { $0.name.localName == localName && $0.name.namespace == XProzessMessage.namespace }
    }

    func child(_ localName: String) -> XMLElement? { children(localName).first }

    /// The trimmed text of the first such child; `nil` when there is none.
    func text(_ localName: String) -> String? { child(localName)?.text.trimmed }

    /// Elements below this one (not itself) that match, in document order.
    func descendants(_ matching: (XMLElement) -> Bool) -> [XMLElement] {
        var found: [XMLElement] = []
        var stack = Array(elements.reversed())
        while let element = stack.popLast() {
            if matching(element) { found.append(element) }
            stack.append(contentsOf: element.elements.reversed())
        }
        return found
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
