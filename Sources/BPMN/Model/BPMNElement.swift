public import AmtswegXML

/// One element of a BPMN model in the standard's own terms: its kind (`model:userTask`, `bpmndi:BPMNShape`,
/// `dc:Bounds` …), the attributes the schema defines for it, its BPMN child elements, and — kept apart so
/// that nothing is lost and nothing is mistaken for BPMN — everything vendors added.
///
/// The schema (``BPMNSchema``) knows every kind, attribute and content order of BPMN 2.0 with diagram
/// interchange; typed views such as ``BPMNModel/flowNodes`` are computed over these elements.
public struct BPMNElement: Hashable, Sendable {
    /// The schema key, `prefix:localName` with the fixed prefixes `model`, `bpmndi`, `di`, `dc`.
    public var kind: String
    /// Attributes without namespace that the schema declares for this kind, as written (defaults not filled in).
    public var attributes: BPMNAttributes
    /// BPMN child elements in document order.
    public var children: [BPMNElement]
    /// Character content of mixed-content kinds (documentation, text, expressions, scripts).
    public var text: String?
    /// Attributes in other namespaces (`xsi:type`, `camunda:assignee`, `signavio:…`) and unprefixed
    /// attributes the schema does not know, in document order.
    public var foreignAttributes: [XMLAttribute]
    /// Raw content kept as it was: the children of `extensionElements`, `xsd:any` content, and elements that are
    /// not BPMN or stand where the schema has no place for them.
    public var foreignContent: [XMLNode]
    /// Where the element started in the file read (0 for elements made in code).
    public var line: Int

    public init(
        kind: String, attributes: BPMNAttributes = [:], children: [BPMNElement] = [], text: String? = nil,
        foreignAttributes: [XMLAttribute] = [], foreignContent: [XMLNode] = [], line: Int = 0
    ) {
        self.kind = kind
        self.attributes = attributes
        self.children = children
        self.text = text
        self.foreignAttributes = foreignAttributes
        self.foreignContent = foreignContent
        self.line = line
    }

    public var id: String? { attributes["id"] }
    public var name: String? { attributes["name"] }
    /// The local name without the schema prefix: "userTask", "BPMNShape".
    public var localName: Substring { kind[kind.index(after: kind.firstIndex(of: ":")!)...] }

    public subscript(attribute: String) -> String? {
        get { attributes[attribute] }
        set { attributes[attribute] = newValue }
    }

    /// Children of one kind.
    public func children(_ kind: String) -> [BPMNElement] { children.filter { $0.kind == kind } }

    /// Every element in this subtree, depth first, this one first.
    public func descendants() -> [BPMNElement] {
        var result: [BPMNElement] = [self]
        for child in children { result += child.descendants() }
        return result
    }

    /// Whether this element's kind is `head` or may substitute for it (`model:userTask` for `model:flowElement`).
    public func isA(_ head: String) -> Bool { BPMNSchema.substitutes(kind, for: head) || kind == head }
}
