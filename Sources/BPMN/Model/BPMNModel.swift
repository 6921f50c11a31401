public import AmtswegXML

/// A BPMN document: its `definitions` element and what stood around it.
public struct BPMNModel: Hashable, Sendable {
    /// The `model:definitions` element, holding processes, collaborations, diagrams and everything else.
    public var definitions: BPMNElement
    /// Comments and processing instructions before and after the root, kept for the writer.
    public var prolog: [XMLNode]
    public var epilog: [XMLNode]
    /// The namespace declarations of the source's root element. Attribute values may be qualified names that
    /// use them (`xsi:type="semantic:tFormalExpression"`, `structureRef="feel:string"`), so the writer
    /// declares them again beside its own prefixes.
    public var rootNamespaces: [XMLNamespaceDeclaration]

    public init(
        definitions: BPMNElement, prolog: [XMLNode] = [], epilog: [XMLNode] = [],
        rootNamespaces: [XMLNamespaceDeclaration] = []
    ) {
        self.definitions = definitions
        self.prolog = prolog
        self.epilog = epilog
        self.rootNamespaces = rootNamespaces
    }

    /// Every BPMN element of the model, depth first.
    public var allElements: [BPMNElement] { definitions.descendants() }

    /// Elements by id (the first one where a file repeats an id).
    public var elementsByID: [String: BPMNElement] {
        var result: [String: BPMNElement] = [:]
        for element in allElements { if let id = element.id, result[id] == nil { result[id] = element } }
        return result
    }

    /// Processes of the model.
    public var processes: [BPMNElement] { definitions.children("model:process") }

    /// Every flow node (tasks, events, gateways, sub-processes …) at any depth.
    public var flowNodes: [BPMNElement] {
        allElements.filter { $0.isA("model:flowNode") || BPMNSchema.isFlowNode($0.kind) }
    }

    /// Diagram shapes and edges.
    public var diagramElements: [BPMNElement] {
        allElements.filter { $0.kind == "bpmndi:BPMNShape" || $0.kind == "bpmndi:BPMNEdge" }
    }
}

extension BPMNSchema {
    /// Whether the kind's type derives from `tFlowNode` (flow nodes are declared as flowElement substitutes).
    static func isFlowNode(_ kind: String) -> Bool {
        guard let type = elementDeclarations[kind]?.type else { return false }
        return typeChain(type).contains("model:tFlowNode")
    }
}
