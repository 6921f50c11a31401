/// What the BPMN 2.0 schemas say about elements, attributes and content order, in a form the reader and
/// writer can ask. The declarations are generated from the OMG schemas (`scripts/generate-bpmn-schema`).
///
/// Names are written `prefix:localName` with the fixed prefixes `model` (semantic), `bpmndi`, `di` and `dc`.
public enum BPMNSchema {
    public static let modelNamespace = "http://www.omg.org/spec/BPMN/20100524/MODEL"
    public static let bpmnDINamespace = "http://www.omg.org/spec/BPMN/20100524/DI"
    public static let diNamespace = "http://www.omg.org/spec/DD/20100524/DI"
    public static let dcNamespace = "http://www.omg.org/spec/DD/20100524/DC"
    public static let xsiNamespace = "http://www.w3.org/2001/XMLSchema-instance"

    /// The schema prefix for each BPMN namespace, and back.
    static let prefixOfNamespace = [
        modelNamespace: "model", bpmnDINamespace: "bpmndi", diNamespace: "di", dcNamespace: "dc",
    ]
    static let namespaceOfPrefix = Dictionary(uniqueKeysWithValues: prefixOfNamespace.map { ($1, $0) })

    struct ElementDeclaration {
        var type: String
        var substitutionGroup: String?
    }

    struct AttributeDeclaration {
        var name: String
        var type: String
        var defaultValue: String?

        init(_ name: String, type: String, default defaultValue: String?) {
            self.name = name
            self.type = type
            self.defaultValue = defaultValue
        }
    }

    enum Particle {
        case element(String, type: String, min: Int, max: Int?)
        case ref(String, min: Int, max: Int?)
        case any(namespace: String)
    }

    struct TypeDeclaration {
        var base: String?
        var isAbstract: Bool
        var isMixed: Bool
        var attributes: [AttributeDeclaration]
        var content: [Particle]
    }

    /// The type chain from the most general base to `type`.
    static func typeChain(_ type: String) -> [String] {
        var chain: [String] = []
        var current: String? = type
        while let name = current, let declaration = typeDeclarations[name] {
            chain.insert(name, at: 0)
            current = declaration.base
        }
        return chain
    }

    /// The attributes a type allows, base types' first.
    static func attributes(ofType type: String) -> [AttributeDeclaration] { attributeCache[type] ?? [] }

    /// The content particles of a type, base types' first: the order the writer follows.
    static func content(ofType type: String) -> [Particle] { contentCache[type] ?? [] }

    private static let attributeCache = typeDeclarations.keys.reduce(into: [String: [AttributeDeclaration]]()) {
        $0[$1] = typeChain($1).flatMap { typeDeclarations[$0]?.attributes ?? [] }
    }
    private static let contentCache = typeDeclarations.keys.reduce(into: [String: [Particle]]()) {
        $0[$1] = typeChain($1).flatMap { typeDeclarations[$0]?.content ?? [] }
    }

    static func isMixed(_ type: String) -> Bool { mixedTypes.contains(type) }

    private static let mixedTypes = Set(
        typeDeclarations.keys.filter { type in
            typeChain(type).contains { typeDeclarations[$0]?.isMixed == true }
        })

    /// Elements declared inside each type's content, with their types.
    static let localElementTypeCache = typeDeclarations.keys.reduce(into: [String: [String: String]]()) {
        result, type in
        var local: [String: String] = [:]
        for particle in content(ofType: type) {
            if case .element(let name, let elementType, _, _) = particle { local[name] = elementType }
        }
        result[type] = local
    }

    /// Whether `element` may stand where `head` is referenced: it is `head` or in its substitution group.
    static func substitutes(_ element: String, for head: String) -> Bool {
        var current: String? = element
        while let name = current {
            if name == head { return true }
            current = elementDeclarations[name]?.substitutionGroup
        }
        return false
    }

    /// For every type, the index of the particle each kind fills (kinds without a place are absent): the order
    /// the writer follows, through ``TypeLayout``.
    static let slotTable: [String: [String: Int]] = {
        var kinds = Set(elementDeclarations.keys)
        for type in typeDeclarations.keys {
            for case .element(let name, _, _, _) in content(ofType: type) { kinds.insert(name) }
        }
        var table: [String: [String: Int]] = [:]
        for type in typeDeclarations.keys {
            let particles = content(ofType: type)
            var slots: [String: Int] = [:]
            for kind in kinds {
                let slot = particles.firstIndex { particle in
                    switch particle {
                    case .element(let name, _, _, _): name == kind
                    case .ref(let head, _, _): substitutes(kind, for: head)
                    case .any: false
                    }
                }
                if let slot { slots[kind] = slot }
            }
            table[type] = slots
        }
        return table
    }()

    /// Each type's attributes with their position in the schema, for writing them in order.
    static func attributeOrder(ofType type: String) -> [String: Int] { attributeOrderCache[type] ?? [:] }

    private static let attributeOrderCache = typeDeclarations.keys.reduce(into: [String: [String: Int]]()) {
        $0[$1] = Dictionary(attributes(ofType: $1).enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
    }
}
