/// A qualified name as written (`prefix:localName`) with the namespace its prefix is bound to.
public struct XMLName: Hashable, Sendable, CustomStringConvertible {
    // Stored without optionals, "" meaning none (XML has no empty prefix, and an empty namespace name means
    // no namespace): a copy of an optional string went through the runtime's generic value witness, and names
    // are copied for every tag and attribute read and written.
    private var storedPrefix: String
    public var localName: String
    private var storedNamespace: String

    public var prefix: String? {
        get { storedPrefix.isEmpty ? nil : storedPrefix }
        set { storedPrefix = newValue ?? "" }
    }

    /// The namespace URI; `nil` for unprefixed attributes, names outside any default namespace, and
    /// prefixes the document never declared (kept as written, so nothing is lost).
    public var namespace: String? {
        get { storedNamespace.isEmpty ? nil : storedNamespace }
        set { storedNamespace = newValue ?? "" }
    }

    public init(prefix: String? = nil, localName: String, namespace: String? = nil) {
        storedPrefix = prefix ?? ""
        self.localName = localName
        storedNamespace = namespace ?? ""
    }

    /// The name as written in the document.
    public var qualified: String { prefix.map { "\($0):\(localName)" } ?? localName }
    public var description: String { qualified }

    /// Whether this is `localName` in `namespace`, whatever prefix the document used.
    public func matches(_ localName: String, in namespace: String?) -> Bool {
        self.localName == localName && self.namespace == namespace
    }
}

/// An attribute with its resolved name and normalised value.
public struct XMLAttribute: Hashable, Sendable {
    public var name: XMLName
    public var value: String

    public init(name: XMLName, value: String) {
        self.name = name
        self.value = value
    }
}

/// A namespace declaration (`xmlns="…"` or `xmlns:p="…"`) on an element.
public struct XMLNamespaceDeclaration: Hashable, Sendable {
    /// `nil` for the default namespace.
    public var prefix: String?
    public var uri: String

    public init(prefix: String?, uri: String) {
        self.prefix = prefix
        self.uri = uri
    }
}
