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
    /// same reason as ``Bindings``; the writer asks for every vendor element it writes. Elements push their
    /// bindings on entry and pop them on exit, so nothing is copied per element.
    struct Scope {
        private var bindings: [Binding] = []
        /// The last lookup and the version of the bindings it was made in: vendor content asks for the same one
        /// or two prefixes element after element, while a source root may bind dozens.
        private var lastLookup: (prefix: String, uri: String?, version: Int)?
        private var version = 0

        init() {}

        init(_ declarations: [XMLNamespaceDeclaration]) {
            for declaration in declarations { self[declaration.prefix ?? ""] = declaration.uri }
        }

        subscript(prefix: String) -> String? {
            get { bindings.last { $0.prefix == prefix }?.uri }
            set {
                bindings.removeAll { $0.prefix == prefix }
                if let newValue { bindings.append(Binding(prefix: prefix, uri: newValue)) }
                version += 1
            }
        }

        /// The same as the subscript, remembering the answer until the bindings change.
        mutating func uri(of prefix: String) -> String? {
            if let last = lastLookup, last.version == version, last.prefix == prefix { return last.uri }
            let uri = self[prefix]
            lastLookup = (prefix, uri, version)
            return uri
        }

        /// How many bindings there are, to return to with ``pop(to:)``.
        var mark: Int { bindings.count }

        mutating func push(_ prefix: String, _ uri: String) {
            bindings.append(Binding(prefix: prefix, uri: uri))
            version += 1
        }

        mutating func pop(to mark: Int) {
            guard bindings.count > mark else { return }
            bindings.removeLast(bindings.count - mark)
            version += 1
        }

    }

    /// Collects the prefixed bindings a subtree uses that the subtree does not declare itself.
    static func collectPrefixedBindings(in element: XMLElement, scope: inout Scope, into result: inout Bindings) {
        let mark = scope.mark
        for declaration in element.namespaceDeclarations { scope.push(declaration.prefix ?? "", declaration.uri) }
        if let prefix = element.name.prefix, let uri = element.name.namespace, scope.uri(of: prefix) != uri {
            result.insert(Binding(prefix: prefix, uri: uri))
        }
        for attribute in element.attributes {
            if let prefix = attribute.name.prefix, let uri = attribute.name.namespace, scope.uri(of: prefix) != uri {
                result.insert(Binding(prefix: prefix, uri: uri))
            }
        }
        element.children.withUnsafeBufferPointer { children in
            for index in children.indices {
                if case .element(let child) = children[index] {
                    collectPrefixedBindings(in: child, scope: &scope, into: &result)
                }
            }
        }
        scope.pop(to: mark)
    }

    /// Writes vendor content as it was read, and declares on each element the bindings its name and attributes
    /// use that are not in scope where it is written (declared on an ancestor the writer does not reproduce,
    /// or bound differently there). One walk, while writing: content that needs nothing costs no copy.
    static func write(_ element: XMLElement, depth: Int, scope: inout Scope, into output: inout XMLOutput) {
        let mark = scope.mark
        output.startTag(element.name, declarations: element.namespaceDeclarations)
        for declaration in element.namespaceDeclarations { scope.push(declaration.prefix ?? "", declaration.uri) }
        func require(_ prefix: String, _ uri: String) {
            guard scope.uri(of: prefix) != uri else { return }
            output.declaration(XMLNamespaceDeclaration(prefix: prefix.isEmpty ? nil : prefix, uri: uri))
            scope.push(prefix, uri)
        }
        if let uri = element.name.namespace {
            require(element.name.prefix ?? "", uri)
        } else if element.name.prefix == nil, let inherited = scope.uri(of: ""), !inherited.isEmpty {
            // An unprefixed element without namespace under a default namespace must undeclare it.
            require("", "")
        }
        for attribute in element.attributes {
            if let prefix = attribute.name.prefix, let uri = attribute.name.namespace { require(prefix, uri) }
        }
        for attribute in element.attributes { output.attribute(attribute.name, attribute.value) }
        output.writeContent(of: element, depth: depth) { child, depth, output in
            write(child, depth: depth, scope: &scope, into: &output)
        }
        scope.pop(to: mark)
    }
}
