import AmtswegXML
public import Foundation

/// Writes an XProzess 2 message: the message Amtsweg read, with what Amtsweg models taken from the
/// ``XProzessMessage`` — header, each process's id, version, names, fact-sheet texts, activity groups and the
/// embedded BPMN — and every other element written back as it came (code lists, administrative coding,
/// classification, the picture and description files).
public enum XProzessWriter {
    public static func write(_ message: XProzessMessage) throws -> Data {
        var root = message.document.root
        let ns = XProzessMessage.namespace
        if var header = root.child("nachrichtenkopf") {
            header.setText("nachrichtUUID", message.messageID)
            header.setText("erstellungszeitpunkt", message.createdAt)
            header.setText("autor", message.author)
            root.replaceChild("nachrichtenkopf", with: header)
        }
        var processIndex = 0
        root.children = try root.children.map { node in
            guard case .element(var library) = node, library.name.matches("prozessbibliothek", in: ns) else {
                return node
            }
            library.children = try library.children.map { node in
                guard case .element(let element) = node, element.name.matches("prozess", in: ns),
                    processIndex < message.processes.count
                else { return node }
                defer { processIndex += 1 }
                return .element(try write(message.processes[processIndex], into: element))
            }
            return .element(library)
        }
        var document = message.document
        document.root = root
        return XMLWriter().write(document)
    }

    static func write(_ process: FIMProcess, into original: XMLElement) throws -> XMLElement {
        var element = original
        element.setText("id", process.id)
        element.setText("version", process.version)
        element.setText("name", process.name)
        element.setText("bezeichnung", process.designation)
        if var sheet = element.child("prozesssteckbrief") {
            sheet.setText("definition", process.factSheet.definition)
            sheet.setText("beschreibung", process.factSheet.description)
            element.replaceChild("prozesssteckbrief", with: sheet)
        }
        if var structure = element.child("prozessstrukturbeschreibung"),
            var fim = structure.child("strukturbeschreibungFIM")
        {
            let originals = Dictionary(
                fim.children("aktivitaetengruppe").map { ($0.text("id") ?? "", $0) }, uniquingKeysWith: { a, _ in a })
            let template = fim.children("aktivitaetengruppe").first
            var groups: [XMLNode] = []
            for group in process.activityGroups {
                guard var written = originals[group.id] ?? template.map({ Self.emptied($0) }) else { continue }
                written.setText("id", group.id)
                written.setText("subProzessID", group.subProcessID)
                written.setText("name", group.name)
                written.setText("beschreibung", group.description)
                groups.append(.element(written))
            }
            // The groups where they stood; other content of the structure stays.
            var placed = false
            fim.children = fim.children.flatMap { node -> [XMLNode] in
                guard case .element(let child) = node,
                    child.name.matches("aktivitaetengruppe", in: XProzessMessage.namespace)
                else { return [node] }
                defer { placed = true }
                return placed ? [] : groups
            }
            if !placed { fim.children += groups }
            structure.replaceChild("strukturbeschreibungFIM", with: fim)
            element.replaceChild("prozessstrukturbeschreibung", with: structure)
        }
        if let bpmn = process.bpmn, var model = element.child("prozessmodell"),
            var file = model.child("prozessmodelldatei"),
            let original = process.modelFiles.first(where: { $0.role == .model })
        {
            let embedded = original.files.first { XProzessReader.Reader.isBPMN($0.data) }
            if embedded?.data != bpmn {
                let name = embedded?.name ?? "\(original.fileName.isEmpty ? "BPMN DI-Export" : original.fileName).xml"
                let content =
                    EmbeddedArchive.isZIP(original.content)
                    ? try EmbeddedArchive.pack(
                        original.files.map { $0.name == name ? (name, bpmn) : $0 }
                            + (embedded == nil ? [(name, bpmn)] : []))
                    : bpmn
                file.setText("inhalt", content.base64EncodedString())
                model.replaceChild("prozessmodelldatei", with: file)
                element.replaceChild("prozessmodell", with: model)
            }
        }
        return element
    }

    /// A copy of an activity group with its texts and legal bases emptied, as the form of a new group.
    static func emptied(_ group: XMLElement) -> XMLElement {
        var copy = group
        copy.children = copy.children.filter { node in
            guard case .element(let child) = node else { return true }
            return !["handlungsgrundlage", "eingehendeDaten", "ausgehendeDaten", "fachverfahren"].contains(
                child.name.localName)
        }
        return copy
    }
}

extension XMLElement {
    /// Sets the text of the first XProzess child of this name; a missing child is added at the end when the
    /// value is not empty.
    mutating func setText(_ localName: String, _ value: String) {
        if let index = children.firstIndex(where: { node in
            if case .element(let child) = node { return child.name.matches(localName, in: XProzessMessage.namespace) }
            return false
        }), case .element(var child) = children[index] {
            child.children = value.isEmpty ? [] : [.text(value)]
            children[index] = .element(child)
        } else if !value.isEmpty {
            var prefix: String? = nil
            if let name = elements.first(where: { $0.name.namespace == XProzessMessage.namespace })?.name {
                prefix = name.prefix
            }
            children.append(
                .element(
                    XMLElement(
                        name: XMLName(
                            prefix: prefix ?? name.prefix, localName: localName, namespace: XProzessMessage.namespace),
                        children: [.text(value)])))
        }
    }

    /// Replaces the first XProzess child of this name.
    mutating func replaceChild(_ localName: String, with element: XMLElement) {
        guard
            let index = children.firstIndex(where: { node in
                if case .element(let child) = node {
                    return child.name.matches(localName, in: XProzessMessage.namespace)
                }
                return false
            })
        else { return }
        children[index] = .element(element)
    }
}
