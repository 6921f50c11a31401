/// What a pull parser reports, in document order.
public enum XMLEvent: Hashable, Sendable {
    case startElement(XMLStartElement)
    /// Also reported right after the start of an empty element (`<a/>`).
    case endElement(XMLName)
    /// Character data with references resolved and line ends normalised to "\n".
    case text(String)
    case cdata(String)
    case comment(String)
    case processingInstruction(target: String, data: String)
}

/// What ``XMLPullParser/nextToken()`` reports: an event whose start tag stays in the parser.
public enum XMLToken: Hashable, Sendable {
    /// Read the tag from the parser: ``XMLPullParser/currentName``, ``XMLPullParser/attribute(at:)`` …
    case startElement
    case endElement(XMLName)
    case text(String)
    case cdata(String)
    case comment(String)
    case processingInstruction(target: String, data: String)
}

/// The start tag of an element.
public struct XMLStartElement: Hashable, Sendable {
    public var name: XMLName
    public var attributes: [XMLAttribute]
    public var namespaceDeclarations: [XMLNamespaceDeclaration]
    public var line: Int
    public var column: Int

    public func attribute(_ localName: String, in namespace: String? = nil) -> String? {
        attributes.first { $0.name.localName == localName && $0.name.namespace == namespace }?.value
    }
}
