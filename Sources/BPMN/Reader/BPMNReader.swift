public import AmtswegXML
public import Foundation

/// Reads BPMN 2.0 XML from any modeller into a ``BPMNModel``.
///
/// Tolerant of dialects: any prefix for the BPMN namespaces (`bpmn:`, `bpmn2:`, `semantic:`, `model:`, or the
/// default namespace), redundant declarations, missing diagrams. What is not BPMN — extension elements, vendor
/// attributes, unknown elements — is kept in place for the writer. Hostile input is refused by the XML layer
/// (no DTD entities, bounded size and depth).
///
/// The model is built straight from the parser's events, without an XML tree in between.
public enum BPMNReader {
    public static func read(_ data: Data, file: String, limits: XMLLimits = .default) throws(BPMNError) -> BPMNModel {
        do {
            var parser = try XMLPullParser(data: data, file: file, limits: limits)
            var builder = ModelBuilder(file: file)
            while let token = try parser.nextToken() { try builder.consume(token, from: &parser) }
            return try builder.finish()
        } catch let error as XMLError {
            throw BPMNError(error)
        } catch let error as BPMNError {
            throw error
        } catch {
            throw BPMNError(file: file, line: 0, column: 0, message: "\(error)")
        }
    }

    public static func read(contentsOf url: URL, limits: XMLLimits = .default) throws(BPMNError) -> BPMNModel {
        let file = url.path
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? nil
        guard let size else {
            throw BPMNError(file: file, line: 0, column: 0, message: "Die Datei lässt sich nicht lesen.")
        }
        guard size <= limits.maxBytes else {
            throw BPMNError(
                XMLError(
                    .limitExceeded, file: file, line: 0, column: 0,
                    message: "Die Datei ist mit \(size) Bytes größer als erlaubt (\(limits.maxBytes) Bytes)."))
        }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw BPMNError(file: file, line: 0, column: 0, message: "Die Datei lässt sich nicht lesen.")
        }
        return try read(data, file: file, limits: limits)
    }
}

/// Builds a model from parser events: BPMN elements on one stack, vendor content captured as raw XML.
struct ModelBuilder {
    struct Frame {
        var element: BPMNElement
        var layout: BPMNSchema.TypeLayout
        var text = ""
    }

    let file: String
    var frames: [Frame] = []
    /// Raw XML being captured (vendor content), innermost last.
    var raw: [XMLElement] = []
    var root: BPMNElement?
    var rootNamespaces: [XMLNamespaceDeclaration] = []
    var prolog: [XMLNode] = []
    var epilog: [XMLNode] = []

    init(file: String) { self.file = file }

    /// Takes the parser's next token; a start tag is read from the parser in place.
    mutating func consume(_ token: XMLToken, from parser: inout XMLPullParser) throws(BPMNError) {
        switch token {
        case .startElement: try startElement(&parser)
        case .endElement: endElement()
        case .text(let text): characters(text, isCDATA: false)
        case .cdata(let text): characters(text, isCDATA: true)
        case .comment(let text): other(.comment(text))
        case .processingInstruction(let target, let data): other(.processingInstruction(target: target, data: data))
        }
    }

    private mutating func startElement(_ parser: inout XMLPullParser) throws(BPMNError) {
        if !raw.isEmpty {
            raw.append(Self.rawElement(&parser))
            return
        }
        let name = parser.currentName
        // The parent is read in place, not copied: a copy would share its arrays and make the next append copy them.
        guard !frames.isEmpty else {
            guard name.matches("definitions", in: BPMNSchema.modelNamespace) else {
                throw BPMNError(
                    file: file, line: parser.currentLine, column: parser.currentColumn,
                    message: "Keine BPMN-2.0-Datei: Das Wurzelelement ist <\(name.qualified)> "
                        + "(Namensraum \(name.namespace ?? "keiner")), erwartet <definitions> im Namensraum "
                        + BPMNSchema.modelNamespace + ".")
            }
            rootNamespaces = parser.namespaceDeclarations
            frames.append(
                Self.frame(
                    &parser, kind: "model:definitions", layout: BPMNSchema.layout(ofType: "model:tDefinitions")))
            return
        }
        // Extension elements and types the schema leaves open keep their content as it is.
        let parent = frames.count - 1
        let opaque = frames[parent].layout.isOpaque || frames[parent].element.kind == "model:extensionElements"
        if !opaque, let kind = BPMNSchema.kind(of: name.localName, namespace: name.namespace),
            let child = frames[parent].layout.child(kind)
        {
            frames.append(Self.frame(&parser, kind: kind, layout: BPMNSchema.layout(number: child.layout)))
        } else {
            raw.append(Self.rawElement(&parser))
        }
    }

    private mutating func endElement() {
        if let element = raw.popLast() {
            if raw.isEmpty {
                frames[frames.count - 1].element.foreignContent.append(.element(element))
            } else {
                raw[raw.count - 1].children.append(.element(element))
            }
            return
        }
        var frame = frames.removeLast()
        if frame.layout.keepsText && !frame.text.isEmpty { frame.element.text = frame.text }
        if frames.isEmpty {
            root = frame.element
        } else {
            frames[frames.count - 1].element.children.append(frame.element)
        }
    }

    private mutating func characters(_ text: String, isCDATA: Bool) {
        let xmlNode: XMLNode = isCDATA ? .cdata(text) : .text(text)
        if !raw.isEmpty {
            raw[raw.count - 1].children.append(xmlNode)
        } else if !frames.isEmpty {
            let last = frames.count - 1
            if frames[last].layout.isOpaque || frames[last].element.kind == "model:extensionElements" {
                if !text.isXMLWhitespace { frames[last].element.foreignContent.append(xmlNode) }
            } else if frames[last].layout.keepsText {
                frames[last].text += text
            } else if !text.isXMLWhitespace {
                frames[last].element.foreignContent.append(xmlNode)
            }
        }
    }

    private mutating func other(_ node: XMLNode) {
        if !raw.isEmpty {
            raw[raw.count - 1].children.append(node)
        } else if !frames.isEmpty {
            frames[frames.count - 1].element.foreignContent.append(node)
        } else if root == nil {
            prolog.append(node)
        } else {
            epilog.append(node)
        }
    }

    func finish() throws(BPMNError) -> BPMNModel {
        guard let root else {
            throw BPMNError(file: file, line: 0, column: 0, message: "Die Datei enthält kein Modell.")
        }
        return BPMNModel(definitions: root, prolog: prolog, epilog: epilog, rootNamespaces: rootNamespaces)
    }

    /// A frame for a BPMN element: schema attributes apart from vendor ones. Simple-typed elements
    /// (`incoming`, `flowNodeRef`, `sourceRef` …) keep their value as text, as mixed content does.
    private static func frame(_ parser: inout XMLPullParser, kind: String, layout: BPMNSchema.TypeLayout) -> Frame {
        var element = BPMNElement(kind: kind, line: parser.currentLine)
        let count = parser.attributeCount
        if count > 0 { element.attributes.reserveCapacity(count) }
        for index in 0..<count {
            if let plain = parser.plainAttribute(at: index), layout.attributeOrder[plain.name] != nil {
                element.attributes.appendNew(plain.name, plain.value)
            } else if let attribute = parser.attribute(at: index) {
                element.foreignAttributes.append(attribute)
            }
        }
        return Frame(element: element, layout: layout)
    }

    private static func rawElement(_ parser: inout XMLPullParser) -> XMLElement {
        XMLElement(
            name: parser.currentName, attributes: parser.attributes(),
            namespaceDeclarations: parser.namespaceDeclarations, line: parser.currentLine,
            column: parser.currentColumn)
    }
}
