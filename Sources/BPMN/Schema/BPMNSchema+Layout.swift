import AmtswegXML

extension BPMNSchema {
    /// What the reader and writer ask of one type for every element of it, worked out once: reading and writing
    /// large models asked the schema's string-keyed tables several times per element and attribute, and
    /// hashing their keys was a good part of the time.
    final class TypeLayout: Sendable {
        /// The type's name (`model:tTask`, `xsd:anyType` for content kept as it is).
        let type: String
        /// Attributes the type declares, with their position in the schema (the writer's order).
        let attributeOrder: StringTable<Int>
        /// Mixed content or a simple type: the element's text is kept (documentation, expressions, references).
        let keepsText: Bool
        /// Whether the content is not BPMN at all (`xsd:anyType`): kept as raw XML.
        let isOpaque: Bool
        /// Kinds that have a place in this type's content or are declared inside it.
        private let children: StringTable<Child>

        /// A kind as a child of this type: its slot in the content order (`Int.max` where the schema has no
        /// place for it) and the layout of its type here, by number.
        struct Child: Sendable {
            var slot: Int
            var layout: Int
        }

        fileprivate init(type: String, layoutNumbers: [String: Int]) {
            self.type = type
            attributeOrder = StringTable(BPMNSchema.attributeOrder(ofType: type))
            keepsText = BPMNSchema.isMixed(type) || (type.hasPrefix("xsd:") && type != "xsd:anyType")
            isOpaque = type == "xsd:anyType"
            let slots = BPMNSchema.slotTable[type] ?? [:]
            let local = BPMNSchema.localElementTypeCache[type] ?? [:]
            var children: [String: Child] = [:]
            for kind in Set(slots.keys).union(local.keys) {
                guard let childType = local[kind] ?? BPMNSchema.elementDeclarations[kind]?.type,
                    let number = layoutNumbers[childType]
                else { continue }
                children[kind] = Child(slot: slots[kind] ?? Int.max, layout: number)
            }
            self.children = StringTable(children)
        }

        /// The slot and type of a child of `kind`, `nil` for kinds the schema does not declare.
        func child(_ kind: String) -> Child? { children[kind] ?? BPMNSchema.declaredKinds[kind] }
    }

    /// The layout of a type by name (`xsd:anyType`'s for a name the schema does not have).
    static func layout(ofType type: String) -> TypeLayout { layouts[layoutNumbers[type] ?? 0] }

    /// The layout of a type by number (``TypeLayout/Child/layout``).
    static func layout(number: Int) -> TypeLayout { layouts[number] }

    /// Every type an element can have; number 0 is `xsd:anyType`.
    private static let layoutTypes: [String] = {
        var types = Set(typeDeclarations.keys)
        for declaration in elementDeclarations.values { types.insert(declaration.type) }
        for local in localElementTypeCache.values { types.formUnion(local.values) }
        types.remove("xsd:anyType")
        return ["xsd:anyType"] + types.sorted()
    }()

    private static let layoutNumbers = StringTable(
        Dictionary(uniqueKeysWithValues: layoutTypes.enumerated().map { ($1, $0) }))

    private static let layouts: [TypeLayout] = {
        let numbers = Dictionary(uniqueKeysWithValues: layoutTypes.enumerated().map { ($1, $0) })
        return layoutTypes.map { TypeLayout(type: $0, layoutNumbers: numbers) }
    }()

    /// Kinds declared globally, as children of a type without a place for them.
    private static let declaredKinds = StringTable(
        elementDeclarations.reduce(into: [String: TypeLayout.Child]()) { result, entry in
            result[entry.key] = TypeLayout.Child(slot: Int.max, layout: layoutNumbers[entry.value.type] ?? 0)
        })

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
    private static let kindsByLocalName: [StringTable<String>] = kindNamespaces.map { namespace in
        let prefix = prefixOfNamespace[namespace]! + ":"
        var kinds: [String: String] = [:]
        for kind in allKinds where kind.hasPrefix(prefix) { kinds[String(kind.dropFirst(prefix.count))] = kind }
        return StringTable(kinds)
    }
}
