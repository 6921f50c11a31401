extension BPMNSchema {
    /// What the reader and writer ask of one type for every element of it, worked out once: reading and writing
    /// large models asked the schema's tables several times per element and attribute, and hashing their
    /// string keys was a good part of the time.
    final class TypeLayout: Sendable {
        /// The type's name (`model:tTask`, `xsd:anyType` for content kept as it is).
        let type: String
        /// Attributes the type declares, with their position in the schema (the writer's order).
        let attributeOrder: [String: Int]
        /// Mixed content or a simple type: the element's text is kept (documentation, expressions, references).
        let keepsText: Bool
        /// Whether the content is not BPMN at all (`xsd:anyType`): kept as raw XML.
        let isOpaque: Bool
        /// For each BPMN kind that may stand in this type: its slot in the content order (nil where the schema
        /// has no place for it) and its type here.
        let children: [String: Child]

        struct Child: Sendable {
            var slot: Int?
            var type: String
        }

        init(type: String) {
            self.type = type
            attributeOrder = BPMNSchema.attributeOrder(ofType: type)
            keepsText = BPMNSchema.isMixed(type) || (type.hasPrefix("xsd:") && type != "xsd:anyType")
            isOpaque = type == "xsd:anyType"
            var children: [String: Child] = [:]
            for kind in BPMNSchema.allKinds {
                let slot = BPMNSchema.slot(of: kind, inType: type)
                guard let childType = BPMNSchema.type(ofElement: kind, inParentType: type) else { continue }
                children[kind] = Child(slot: slot, type: childType)
            }
            self.children = children
        }

        /// The slot and type of a child of `kind`; kinds unknown to the schema have neither.
        func child(_ kind: String) -> Child? { children[kind] }

        /// The layout of a child of `kind`, or of `xsd:anyType` for a kind the schema does not know.
        func childLayout(_ kind: String) -> TypeLayout {
            BPMNSchema.layout(ofType: children[kind]?.type ?? "xsd:anyType")
        }
    }

    /// The layout of every type, made once.
    static func layout(ofType type: String) -> TypeLayout { layouts[type] ?? TypeLayout(type: type) }

    private static let layouts: [String: TypeLayout] = {
        var types = Set(typeDeclarations.keys)
        for declaration in elementDeclarations.values { types.insert(declaration.type) }
        for type in typeDeclarations.keys {
            for case .element(_, let elementType, _, _) in content(ofType: type) { types.insert(elementType) }
        }
        types.insert("xsd:anyType")
        return Dictionary(uniqueKeysWithValues: types.map { ($0, TypeLayout(type: $0)) })
    }()

    /// Every element kind the schema names: declared globally or inside a type.
    static let allKinds: Set<String> = {
        var kinds = Set(elementDeclarations.keys)
        for type in typeDeclarations.keys {
            for case .element(let name, _, _, _) in content(ofType: type) { kinds.insert(name) }
        }
        return kinds
    }()

    /// The schema key for a BPMN element name: its kind in the schema's fixed prefixes (`model:userTask`), or
    /// `nil` when the name is not in a BPMN namespace or not an element the schema knows. No string is made.
    static func kind(of localName: String, namespace: String?) -> String? {
        guard let namespace else { return nil }
        for (index, uri) in kindNamespaces.enumerated() where uri == namespace {
            return kindsByLocalName[index][localName]
        }
        return nil
    }

    private static let kindNamespaces = [modelNamespace, bpmnDINamespace, diNamespace, dcNamespace]

    /// For each of `kindNamespaces`: local name → kind.
    private static let kindsByLocalName: [[String: String]] = kindNamespaces.map { namespace in
        let prefix = prefixOfNamespace[namespace]! + ":"
        var kinds: [String: String] = [:]
        for kind in allKinds where kind.hasPrefix(prefix) { kinds[String(kind.dropFirst(prefix.count))] = kind }
        return kinds
    }
}
