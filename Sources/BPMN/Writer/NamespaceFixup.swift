import AmtswegXML

/// Makes every prefix an element or attribute uses bound where it is used.
///
/// Vendor content is copied from the input, where its prefixes were often declared on an ancestor that the
/// writer does not reproduce (the input's root, say). Missing bindings are declared on the root when the
/// prefix is free there, otherwise on the element itself.
enum NamespaceFixup {
    /// A binding in use: the prefix ("" for the default namespace) and its namespace URI.
    struct Binding: Hashable {
        var prefix: String
        var uri: String
    }

    /// Bindings in the order they were first met, each once. A document uses a handful, so a linear search
    /// is cheaper than hashing the (long) URIs of every name.
    struct Bindings {
        private(set) var ordered: [Binding] = []

        mutating func insert(_ binding: Binding) {
            if !ordered.contains(binding) { ordered.append(binding) }
        }
    }

    /// Namespace bindings in scope, innermost last: a prefix means what its last binding says. Linear for the
    /// same reason as ``Bindings``; the writer asks for every vendor element it writes.
    struct Scope {
        private var bindings: [Binding] = []

        init() {}

        init(_ declarations: [XMLNamespaceDeclaration]) {
            for declaration in declarations { self[declaration.prefix ?? ""] = declaration.uri }
        }

        subscript(prefix: String) -> String? {
            get { bindings.last { $0.prefix == prefix }?.uri }
            set {
                bindings.removeAll { $0.prefix == prefix }
                if let newValue { bindings.append(Binding(prefix: prefix, uri: newValue)) }
            }
        }

        /// This scope with an element's own declarations added (no copy when it has none).
        func adding(_ declarations: [XMLNamespaceDeclaration]) -> Scope {
            guard !declarations.isEmpty else { return self }
            var scope = self
            for declaration in declarations { scope[declaration.prefix ?? ""] = declaration.uri }
            return scope
        }
    }

    /// Makes the bindings `element` and its descendants use available, given the bindings in `scope`.
    /// Content that needs nothing (nearly all) is left as it is, without copying it.
    static func declareMissing(in element: inout XMLElement, scope: Scope) {
        guard lacksBindings(element, scope: scope) else { return }
        fixup(&element, scope: scope)
    }

    /// Collects the prefixed bindings a subtree uses that the subtree does not declare itself.
    static func collectPrefixedBindings(in element: XMLElement, scope: Scope = Scope(), into result: inout Bindings) {
        let local = scope.adding(element.namespaceDeclarations)
        forEachUsed(element) { prefix, uri in
            if !prefix.isEmpty && local[prefix] != uri { result.insert(Binding(prefix: prefix, uri: uri)) }
        }
        for case .element(let child) in element.children {
            collectPrefixedBindings(in: child, scope: local, into: &result)
        }
    }

    /// Calls `body` with each name used with a namespace, as (prefix, uri); the default namespace as prefix "".
    private static func forEachUsed(_ element: XMLElement, _ body: (String, String) -> Void) {
        if let namespace = element.name.namespace { body(element.name.prefix ?? "", namespace) }
        for attribute in element.attributes {
            if let namespace = attribute.name.namespace, let prefix = attribute.name.prefix { body(prefix, namespace) }
        }
    }

    /// Whether ``fixup(_:scope:)`` would change anything in the subtree.
    static func lacksBindings(_ element: XMLElement, scope: Scope) -> Bool {
        let local = scope.adding(element.namespaceDeclarations)
        var missing = false
        forEachUsed(element) { prefix, uri in if !missing && local[prefix] != uri { missing = true } }
        if missing { return true }
        if element.name.prefix == nil, element.name.namespace == nil, let inherited = local[""], !inherited.isEmpty {
            return true
        }
        for case .element(let child) in element.children where lacksBindings(child, scope: local) { return true }
        return false
    }

    /// Adds local declarations where a used binding is still not in scope (a prefix bound differently above).
    private static func fixup(_ element: inout XMLElement, scope: Scope) {
        var local = scope.adding(element.namespaceDeclarations)
        var added: [XMLNamespaceDeclaration] = []
        forEachUsed(element) { prefix, uri in
            if local[prefix] != uri {
                added.append(XMLNamespaceDeclaration(prefix: prefix.isEmpty ? nil : prefix, uri: uri))
                local[prefix] = uri
            }
        }
        element.namespaceDeclarations += added
        // An unprefixed element without namespace under a default namespace must undeclare it.
        if element.name.prefix == nil, element.name.namespace == nil, let inherited = local[""], !inherited.isEmpty {
            element.namespaceDeclarations.append(XMLNamespaceDeclaration(prefix: nil, uri: ""))
            local[""] = ""
        }
        for index in element.children.indices {
            if case .element(var child) = element.children[index], lacksBindings(child, scope: local) {
                fixup(&child, scope: local)
                element.children[index] = .element(child)
            }
        }
    }
}
