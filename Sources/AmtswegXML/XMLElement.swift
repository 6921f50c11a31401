/// A node of an XML tree.
public enum XMLNode: Hashable, Sendable {
    /// Indirect: keeps every node pointer-sized, so arrays of children move cheaply.
    indirect case element(XMLElement)
    case text(String)
    case cdata(String)
    case comment(String)
    case processingInstruction(target: String, data: String)
}

/// An element with everything the document said about it, so a writer can give it back.
public struct XMLElement: Hashable, Sendable {
    public var name: XMLName
    public var attributes: [XMLAttribute]
    public var namespaceDeclarations: [XMLNamespaceDeclaration]
    public var children: [XMLNode]
    /// Where the start tag was (0 for elements built in code).
    public var line: Int
    public var column: Int

    public init(
        name: XMLName, attributes: [XMLAttribute] = [], namespaceDeclarations: [XMLNamespaceDeclaration] = [],
        children: [XMLNode] = [], line: Int = 0, column: Int = 0
    ) {
        self.name = name
        self.attributes = attributes
        self.namespaceDeclarations = namespaceDeclarations
        self.children = children
        self.line = line
        self.column = column
    }

    /// The value of an attribute by local name and namespace (`nil` namespace for plain attributes).
    public func attribute(_ localName: String, in namespace: String? = nil) -> String? {
        attributes.first { $0.name.localName == localName && $0.name.namespace == namespace }?.value
    }

    /// Child elements, in order.
    public var elements: [XMLElement] {
        children.compactMap { if case .element(let element) = $0 { element } else { nil } }
    }

    /// The concatenated text and CDATA content of this element (not of its descendants).
    public var text: String {
        children.reduce(into: "") { text, node in
            switch node {
            case .text(let value), .cdata(let value): text += value
            default: break
            }
        }
    }
}

/// A whole document: the root element and what stands before and after it.
public struct XMLDocument: Hashable, Sendable {
    /// Comments and processing instructions before the root.
    public var prolog: [XMLNode]
    public var root: XMLElement
    /// Comments and processing instructions after the root.
    public var epilog: [XMLNode]

    public init(prolog: [XMLNode] = [], root: XMLElement, epilog: [XMLNode] = []) {
        self.prolog = prolog
        self.root = root
        self.epilog = epilog
    }
}
