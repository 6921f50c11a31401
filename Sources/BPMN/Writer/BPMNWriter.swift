import AmtswegXML
public import Foundation

/// Writes a ``BPMNModel`` as standard BPMN 2.0 XML in Amtsweg's own form, whatever tool wrote the input:
/// the prefixes `bpmn`, `bpmndi`, `dc`, `di`; attributes and child elements in the order of the schema;
/// two-space indentation. Vendor content goes back where it was, with its namespaces declared.
public enum BPMNWriter {
    static let prefixes = ["model": "bpmn", "bpmndi": "bpmndi", "di": "di", "dc": "dc"]

    public static func write(_ model: BPMNModel) -> Data {
        var declarations = [
            XMLNamespaceDeclaration(prefix: "bpmn", uri: BPMNSchema.modelNamespace),
            XMLNamespaceDeclaration(prefix: "bpmndi", uri: BPMNSchema.bpmnDINamespace),
            XMLNamespaceDeclaration(prefix: "dc", uri: BPMNSchema.dcNamespace),
            XMLNamespaceDeclaration(prefix: "di", uri: BPMNSchema.diNamespace),
        ]
        var scope = Dictionary(uniqueKeysWithValues: declarations.map { ($0.prefix ?? "", $0.uri) })
        // The source's own declarations stay available for qualified names inside attribute values.
        for declaration in model.rootNamespaces where scope[declaration.prefix ?? ""] == nil {
            declarations.append(declaration)
            scope[declaration.prefix ?? ""] = declaration.uri
        }
        // Prefixes vendor content uses are declared once on the root where they are free there.
        var used: [(String, String)] = []
        collectForeignBindings(model.definitions, into: &used)
        for (prefix, uri) in used where scope[prefix] == nil {
            declarations.append(XMLNamespaceDeclaration(prefix: prefix, uri: uri))
            scope[prefix] = uri
        }
        var root = xml(model.definitions, type: "model:tDefinitions", scope: scope)
        root.namespaceDeclarations = declarations
        return XMLWriter().write(XMLDocument(prolog: model.prolog, root: root, epilog: model.epilog))
    }

    /// Prefixed namespaces used by vendor attributes and content anywhere in the model.
    private static func collectForeignBindings(_ element: BPMNElement, into used: inout [(String, String)]) {
        for attribute in element.foreignAttributes {
            if let prefix = attribute.name.prefix, let namespace = attribute.name.namespace {
                used.append((prefix, namespace))
            }
        }
        for case .element(let raw) in element.foreignContent { used += NamespaceFixup.prefixedBindings(in: raw) }
        for child in element.children { collectForeignBindings(child, into: &used) }
    }

    /// The qualified name of every BPMN kind, computed once.
    private static let names: [String: XMLName] = {
        var kinds = Set(BPMNSchema.elementDeclarations.keys)
        for type in BPMNSchema.typeDeclarations.keys {
            for case .element(let name, _, _, _) in BPMNSchema.content(ofType: type) { kinds.insert(name) }
        }
        return Dictionary(uniqueKeysWithValues: kinds.map { ($0, qualifiedName($0)) })
    }()

    private static func qualifiedName(_ kind: String) -> XMLName {
        let separator = kind.firstIndex(of: ":")!
        let schemaPrefix = String(kind[..<separator])
        return XMLName(
            prefix: prefixes[schemaPrefix], localName: String(kind[kind.index(after: separator)...]),
            namespace: BPMNSchema.namespaceOfPrefix[schemaPrefix])
    }

    static func xml(_ element: BPMNElement, type: String, scope: [String: String]) -> XMLElement {
        let name = names[element.kind] ?? qualifiedName(element.kind)
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
            result.children.append(.element(xml(child, type: childType, scope: scope)))
        }
        for node in element.foreignContent {
            if case .element(var raw) = node {
                NamespaceFixup.declareMissing(in: &raw, scope: scope)
                result.children.append(.element(raw))
            } else {
                result.children.append(node)
            }
        }
        return result
    }
}
