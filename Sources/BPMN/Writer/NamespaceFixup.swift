import AmtswegXML

/// Makes every prefix an element or attribute uses bound where it is used.
///
/// Vendor content is copied from the input, where its prefixes were often declared on an ancestor that the
/// writer does not reproduce (the input's root, say). Missing bindings are declared on the root when the
/// prefix is free there, otherwise on the element itself.
enum NamespaceFixup {
    /// Makes the bindings `element` and its descendants use available, given the bindings in `scope`.
    static func declareMissing(in element: inout XMLElement, scope: [String: String]) {
        fixup(&element, scope: scope)
    }

    /// Prefixed bindings used in a subtree that the subtree does not declare itself.
    static func prefixedBindings(in element: XMLElement, scope: [String: String] = [:]) -> [(String, String)] {
        var local = scope
        for declaration in element.namespaceDeclarations { local[declaration.prefix ?? ""] = declaration.uri }
        var result: [(String, String)] = []
        for (prefix, uri) in used(element) where !prefix.isEmpty && local[prefix] != uri {
            result.append((prefix, uri))
        }
        for child in element.elements { result += prefixedBindings(in: child, scope: local) }
        return result
    }

    /// Names used with a namespace, as (prefix, uri); the default namespace as prefix "".
    private static func used(_ element: XMLElement) -> [(String, String)] {
        var result: [(String, String)] = []
        if let namespace = element.name.namespace { result.append((element.name.prefix ?? "", namespace)) }
        for attribute in element.attributes {
            if let namespace = attribute.name.namespace, let prefix = attribute.name.prefix {
                result.append((prefix, namespace))
            }
        }
        return result
    }

    /// Adds local declarations where a used binding is still not in scope (a prefix bound differently above).
    private static func fixup(_ element: inout XMLElement, scope: [String: String]) {
        var local = scope
        for declaration in element.namespaceDeclarations { local[declaration.prefix ?? ""] = declaration.uri }
        for (prefix, uri) in used(element) where local[prefix] != uri {
            element.namespaceDeclarations.append(
                XMLNamespaceDeclaration(prefix: prefix.isEmpty ? nil : prefix, uri: uri))
            local[prefix] = uri
        }
        // An unprefixed element without namespace under a default namespace must undeclare it.
        if element.name.prefix == nil, element.name.namespace == nil, let inherited = local[""], !inherited.isEmpty {
            element.namespaceDeclarations.append(XMLNamespaceDeclaration(prefix: nil, uri: ""))
            local[""] = ""
        }
        for index in element.children.indices {
            if case .element(var child) = element.children[index] {
                fixup(&child, scope: local)
                element.children[index] = .element(child)
            }
        }
    }
}
