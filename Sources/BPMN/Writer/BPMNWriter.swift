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
        var used = NamespaceFixup.Bindings()
        collectForeignBindings(model.definitions, into: &used)
        for binding in used.ordered where scope[binding.prefix] == nil {
            declarations.append(XMLNamespaceDeclaration(prefix: binding.prefix, uri: binding.uri))
            scope[binding.prefix] = binding.uri
        }
        var output = XMLOutput()
        output.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        for node in model.prolog {
            output.write(node, depth: 0)
            output.append("\n")
        }
        write(
            model.definitions, type: "model:tDefinitions", depth: 0, declarations: declarations, scope: scope,
            into: &output)
        output.append("\n")
        for node in model.epilog {
            output.write(node, depth: 0)
            output.append("\n")
        }
        return Data(output.bytes)
    }

    /// Prefixed namespaces used by vendor attributes and content anywhere in the model.
    private static func collectForeignBindings(_ element: BPMNElement, into used: inout NamespaceFixup.Bindings) {
        for attribute in element.foreignAttributes {
            if let prefix = attribute.name.prefix, let namespace = attribute.name.namespace {
                used.insert(NamespaceFixup.Binding(prefix: prefix, uri: namespace))
            }
        }
        for case .element(let raw) in element.foreignContent {
            NamespaceFixup.collectPrefixedBindings(in: raw, into: &used)
        }
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

    /// Writes one element and its subtree straight into the output, without building an XML tree.
    static func write(
        _ element: BPMNElement, type: String, depth: Int, declarations: [XMLNamespaceDeclaration] = [],
        scope: [String: String], into output: inout XMLOutput
    ) {
        let name = names[element.kind] ?? qualifiedName(element.kind)
        // Schema attributes in the schema's order; any others (not expected) after them by name.
        let order = BPMNSchema.attributeOrder(ofType: type)
        var attributes = element.attributes.sorted { a, b in
            (order[a.key] ?? Int.max, a.key) < (order[b.key] ?? Int.max, b.key)
        }.map { XMLAttribute(name: XMLName(localName: $0.key), value: $0.value) }
        attributes += element.foreignAttributes

        // Children in schema order; children the schema has no place for keep their order at the end.
        let children = element.children.enumerated()
            .map {
                (
                    slot: BPMNSchema.slot(of: $0.element.kind, inType: type) ?? Int.max, offset: $0.offset,
                    child: $0.element
                )
            }
            .sorted { ($0.slot, $0.offset) < ($1.slot, $1.offset) }
        let foreign = element.foreignContent.map { node -> XMLNode in
            guard case .element(var raw) = node else { return node }
            NamespaceFixup.declareMissing(in: &raw, scope: scope)
            return .element(raw)
        }
        let text = element.text.flatMap { $0.isXMLWhitespace ? nil : $0 }
        let mixed =
            text != nil
            || foreign.contains {
                switch $0 {
                case .text(let value): !value.isXMLWhitespace
                case .cdata: true
                default: false
                }
            }
        output.openStartTag(name, declarations: declarations, attributes: attributes)
        guard text != nil || !children.isEmpty || !foreign.isEmpty else {
            output.closeStartTag(empty: true)
            return
        }
        output.closeStartTag(empty: false)
        if let text { output.text(text) }
        for (_, _, child) in children {
            if !mixed { output.indent(depth + 1) }
            let childType = BPMNSchema.type(ofElement: child.kind, inParentType: type) ?? "xsd:anyType"
            write(child, type: childType, depth: depth + 1, scope: scope, into: &output)
        }
        for node in foreign {
            if !mixed {
                if case .text = node { continue }
                output.indent(depth + 1)
            }
            output.write(node, depth: depth + 1)
        }
        if !mixed { output.indent(depth) }
        output.endTag(name)
    }
}
