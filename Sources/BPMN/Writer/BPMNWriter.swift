import AmtswegXML
public import Foundation

/// Writes a ``BPMNModel`` as standard BPMN 2.0 XML in Amtsweg's own form, whatever tool wrote the input:
/// the prefixes `bpmn`, `bpmndi`, `dc`, `di`; attributes and child elements in the order of the schema;
/// two-space indentation. Vendor content goes back where it was, with its namespaces declared.
public enum BPMNWriter {
    static let prefixes = ["model": "bpmn", "bpmndi": "bpmndi", "di": "di", "dc": "dc"]

    public static func write(_ model: BPMNModel) -> Data {
        var root = xml(model.definitions, type: "model:tDefinitions")
        root.namespaceDeclarations = [
            XMLNamespaceDeclaration(prefix: "bpmn", uri: BPMNSchema.modelNamespace),
            XMLNamespaceDeclaration(prefix: "bpmndi", uri: BPMNSchema.bpmnDINamespace),
            XMLNamespaceDeclaration(prefix: "dc", uri: BPMNSchema.dcNamespace),
            XMLNamespaceDeclaration(prefix: "di", uri: BPMNSchema.diNamespace),
        ]
        // The source's own declarations stay available for qualified names inside attribute values.
        let ours = Set(root.namespaceDeclarations.compactMap(\.prefix))
        for declaration in model.rootNamespaces where !ours.contains(declaration.prefix ?? "") {
            root.namespaceDeclarations.append(declaration)
        }
        NamespaceFixup.declareMissing(in: &root)
        return XMLWriter().write(XMLDocument(prolog: model.prolog, root: root, epilog: model.epilog))
    }

    static func xml(_ element: BPMNElement, type: String) -> XMLElement {
        let separator = element.kind.firstIndex(of: ":")!
        let schemaPrefix = String(element.kind[..<separator])
        let name = XMLName(
            prefix: prefixes[schemaPrefix], localName: String(element.kind[element.kind.index(after: separator)...]),
            namespace: BPMNSchema.namespaceOfPrefix[schemaPrefix])
        var result = XMLElement(name: name)

        let declared = BPMNSchema.attributes(ofType: type).map(\.name)
        for attribute in declared {
            if let value = element.attributes[attribute] {
                result.attributes.append(XMLAttribute(name: XMLName(localName: attribute), value: value))
            }
        }
        for (attribute, value) in element.attributes.sorted(by: { $0.key < $1.key }) where !declared.contains(attribute)
        {
            result.attributes.append(XMLAttribute(name: XMLName(localName: attribute), value: value))
        }
        result.attributes += element.foreignAttributes

        if let text = element.text { result.children.append(.text(text)) }
        // Children in schema order; children the schema has no place for keep their order at the end.
        let ordered = element.children.enumerated()
            .map {
                (
                    slot: BPMNSchema.slot(of: $0.element.kind, inType: type) ?? Int.max, offset: $0.offset,
                    child: $0.element
                )
            }
            .sorted { ($0.slot, $0.offset) < ($1.slot, $1.offset) }
        for (_, _, child) in ordered {
            let childType = BPMNSchema.type(ofElement: child.kind, inParentType: type) ?? "xsd:anyType"
            result.children.append(.element(xml(child, type: childType)))
        }
        result.children += element.foreignContent
        return result
    }
}
