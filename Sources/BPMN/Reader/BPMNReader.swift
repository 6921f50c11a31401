public import AmtswegXML
public import Foundation

/// Reads BPMN 2.0 XML from any modeller into a ``BPMNModel``.
///
/// Tolerant of dialects: any prefix for the BPMN namespaces (`bpmn:`, `bpmn2:`, `semantic:`, `model:`, or the
/// default namespace), redundant declarations, missing diagrams. What is not BPMN — extension elements, vendor
/// attributes, unknown elements — is kept in place for the writer. Hostile input is refused by the XML layer
/// (no DTD entities, bounded size and depth).
public enum BPMNReader {
    public static func read(_ data: Data, file: String, limits: XMLLimits = .default) throws(BPMNError) -> BPMNModel {
        let document: XMLDocument
        do {
            document = try XMLDocument(data: data, file: file, limits: limits)
        } catch {
            throw BPMNError(error)
        }
        return try model(from: document, file: file)
    }

    public static func read(contentsOf url: URL, limits: XMLLimits = .default) throws(BPMNError) -> BPMNModel {
        let document: XMLDocument
        do {
            document = try XMLDocument(contentsOf: url, limits: limits)
        } catch {
            throw BPMNError(error)
        }
        return try model(from: document, file: url.path)
    }

    /// Builds the model from an already parsed document.
    public static func model(from document: XMLDocument, file: String) throws(BPMNError) -> BPMNModel {
        let root = document.root
        guard root.name.matches("definitions", in: BPMNSchema.modelNamespace) else {
            throw BPMNError(
                file: file, line: root.line, column: root.column,
                message: "Keine BPMN-2.0-Datei: Das Wurzelelement ist <\(root.name.qualified)> "
                    + "(Namensraum \(root.name.namespace ?? "keiner")), erwartet <definitions> im Namensraum "
                    + BPMNSchema.modelNamespace + ".")
        }
        return BPMNModel(
            definitions: element(root, kind: "model:definitions", type: "model:tDefinitions"),
            prolog: document.prolog, epilog: document.epilog, rootNamespaces: root.namespaceDeclarations)
    }

    /// Converts one XML element of a known BPMN kind.
    static func element(_ xml: XMLElement, kind: String, type: String) -> BPMNElement {
        var result = BPMNElement(kind: kind, line: xml.line)
        let declared = BPMNSchema.attributeNames(ofType: type)
        for attribute in xml.attributes {
            if attribute.name.namespace == nil && attribute.name.prefix == nil
                && declared.contains(attribute.name.localName)
            {
                result.attributes[attribute.name.localName] = attribute.value
            } else {
                result.foreignAttributes.append(attribute)
            }
        }
        // Extension elements and types the schema leaves open keep their content as it is.
        if kind == "model:extensionElements" || type == "xsd:anyType" {
            result.foreignContent = xml.children.filter { !isWhitespace($0) }
            return result
        }
        // Simple-typed elements (`incoming`, `flowNodeRef`, `sourceRef` …) hold their value as text.
        let mixed = BPMNSchema.isMixed(type) || type.hasPrefix("xsd:")
        var text = ""
        for node in xml.children {
            switch node {
            case .element(let child):
                if let childKey = BPMNSchema.key(of: child.name.localName, namespace: child.name.namespace),
                    let childType = BPMNSchema.type(ofElement: childKey, inParentType: type)
                {
                    result.children.append(element(child, kind: childKey, type: childType))
                } else {
                    result.foreignContent.append(node)
                }
            case .text(let value), .cdata(let value):
                if mixed {
                    text += value
                } else if !value.isXMLWhitespace {
                    result.foreignContent.append(node)
                }
            case .comment, .processingInstruction:
                result.foreignContent.append(node)
            }
        }
        if mixed && !text.isEmpty { result.text = text }
        return result
    }

    private static func isWhitespace(_ node: XMLNode) -> Bool {
        if case .text(let text) = node { return text.isXMLWhitespace }
        return false
    }
}
