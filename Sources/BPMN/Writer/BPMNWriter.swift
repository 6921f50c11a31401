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
        var scope = NamespaceFixup.Scope(declarations)
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
            model.definitions, layout: BPMNSchema.layout(ofType: "model:tDefinitions"), depth: 0,
            declarations: declarations, scope: &scope, into: &output)
        output.append("\n")
        for node in model.epilog {
            output.write(node, depth: 0)
            output.append("\n")
        }
        return output.data
    }

    /// Prefixed namespaces used by vendor attributes and content anywhere in the model.
    private static func collectForeignBindings(_ element: BPMNElement, into used: inout NamespaceFixup.Bindings) {
        for attribute in element.foreignAttributes {
            if let prefix = attribute.name.prefix, let namespace = attribute.name.namespace {
                used.insert(NamespaceFixup.Binding(prefix: prefix, uri: namespace))
            }
        }
        var scope = NamespaceFixup.Scope()
        for case .element(let raw) in element.foreignContent {
            NamespaceFixup.collectPrefixedBindings(in: raw, scope: &scope, into: &used)
        }
        // Through the buffer: the children are lent, not copied (a copy retains every array of the element).
        element.children.withUnsafeBufferPointer { children in
            for index in children.indices { collectForeignBindings(children[index], into: &used) }
        }
    }

    /// The qualified name of every BPMN kind, computed once.
    private static let names = StringTable(
        Dictionary(uniqueKeysWithValues: BPMNSchema.allKinds.map { ($0, qualifiedName($0)) }))

    private static func qualifiedName(_ kind: String) -> XMLName {
        let separator = kind.firstIndex(of: ":")!
        let schemaPrefix = String(kind[..<separator])
        return XMLName(
            prefix: prefixes[schemaPrefix], localName: String(kind[kind.index(after: separator)...]),
            namespace: BPMNSchema.namespaceOfPrefix[schemaPrefix])
    }

    /// Writes one element and its subtree straight into the output, without building an XML tree.
    static func write(
        _ element: BPMNElement, layout: BPMNSchema.TypeLayout, depth: Int,
        declarations: [XMLNamespaceDeclaration] = [], scope: inout NamespaceFixup.Scope, into output: inout XMLOutput
    ) {
        let name = names[element.kind] ?? qualifiedName(element.kind)
        output.startTag(name, declarations: declarations)
        writeAttributes(element.attributes, order: layout.attributeOrder, into: &output)
        for attribute in element.foreignAttributes { output.attribute(attribute.name, attribute.value) }

        let text = element.text.flatMap { $0.isXMLWhitespace ? nil : $0 }
        let mixed =
            text != nil
            || element.foreignContent.contains {
                switch $0 {
                case .text(let value): !value.isXMLWhitespace
                case .cdata: true
                default: false
                }
            }
        guard text != nil || !element.children.isEmpty || !element.foreignContent.isEmpty else {
            output.closeStartTag(empty: true)
            return
        }
        output.closeStartTag(empty: false)
        if let text { output.text(text) }
        // Children in schema order; children the schema has no place for keep their order at the end.
        element.children.withUnsafeBufferPointer { children in
            withUnsafeTemporaryAllocation(of: Place.self, capacity: children.count) { buffer in
                var places = buffer
                var ordered = true
                for offset in children.indices {
                    let child = layout.child(children[offset].kind)
                    let place = Place(slot: child?.slot ?? Int.max, offset: offset, layout: child?.layout ?? 0)
                    if offset > 0 && places[offset - 1].slot > place.slot { ordered = false }
                    (places.baseAddress! + offset).initialize(to: place)
                }
                if !ordered { places.sort { ($0.slot, $0.offset) < ($1.slot, $1.offset) } }
                for place in places {
                    if !mixed { output.indent(depth + 1) }
                    write(
                        children[place.offset], layout: BPMNSchema.layout(number: place.layout), depth: depth + 1,
                        scope: &scope, into: &output)
                }
            }
        }
        for node in element.foreignContent {
            if !mixed {
                if case .text = node { continue }
                output.indent(depth + 1)
            }
            if case .element(let raw) = node {
                NamespaceFixup.write(raw, depth: depth + 1, scope: &scope, into: &output)
            } else {
                output.write(node, depth: depth + 1)
            }
        }
        if !mixed { output.indent(depth) }
        output.endTag(name)
    }

    /// Where a child goes: its slot in the parent's content order, its position among the children, its layout.
    private struct Place {
        var slot: Int
        var offset: Int
        var layout: Int
    }

    /// Schema attributes in the schema's order; any others (not expected) after them by name. The reader keeps
    /// the source's order, which is usually the schema's already: then they are written as they are. Otherwise
    /// they are sorted by hand in a buffer on the stack (a few attributes; the library's sort of tuples was generic).
    private static func writeAttributes(
        _ attributes: BPMNAttributes, order: StringTable<Int>, into output: inout XMLOutput
    ) {
        attributes.withPairs { pairs in
            if pairs.count < 2 {
                for pair in pairs { output.attribute(pair.key, pair.value) }
                return
            }
            withUnsafeTemporaryAllocation(of: Ranked.self, capacity: pairs.count) { buffer in
                var sorted = true
                for index in pairs.indices {
                    let entry = Ranked(rank: order[pairs[index].key] ?? Int.max, index: index)
                    // Insertion: later-ranked ones move up (equal ranks, names the schema does not know, by name).
                    var position = index
                    while position > 0 {
                        let other = buffer[position - 1]
                        if other.rank < entry.rank
                            || (other.rank == entry.rank && pairs[other.index].key < pairs[index].key)
                        {
                            break
                        }
                        sorted = false
                        buffer[position] = other
                        position -= 1
                    }
                    buffer[position] = entry
                }
                if sorted {
                    for pair in pairs { output.attribute(pair.key, pair.value) }
                } else {
                    for entry in buffer { output.attribute(pairs[entry.index].key, pairs[entry.index].value) }
                }
            }
        }
    }

    private struct Ranked {
        var rank: Int
        var index: Int
    }
}
