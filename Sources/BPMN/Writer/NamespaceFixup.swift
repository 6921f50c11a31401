import AmtswegXML

/// Makes every prefix an element or attribute uses bound where it is used.
///
/// Vendor content is copied from the input, where its prefixes were often declared on an ancestor that the
/// writer does not reproduce (the input's root, say). Missing bindings are declared on the root when the
/// prefix is free there, otherwise on the element itself.
enum NamespaceFixup {
    static func declareMissing(in root: inout XMLElement) {
        var rootBindings = bindings(of: root)
        collectRootDeclarations(root, scope: [:], rootBindings: &rootBindings, into: &root.namespaceDeclarations)
        fixup(&root, scope: [:])
    }

    private static func bindings(of element: XMLElement) -> [String: String] {
        var result: [String: String] = [:]
        for declaration in element.namespaceDeclarations { result[declaration.prefix ?? ""] = declaration.uri }
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

    /// Declares on the root every prefixed binding used below that the root does not yet bind differently.
    private static func collectRootDeclarations(
        _ element: XMLElement, scope: [String: String], rootBindings: inout [String: String],
        into declarations: inout [XMLNamespaceDeclaration]
    ) {
        var scope = scope
        for declaration in element.namespaceDeclarations { scope[declaration.prefix ?? ""] = declaration.uri }
        for (prefix, uri) in used(element) where !prefix.isEmpty && scope[prefix] == nil && rootBindings[prefix] == nil
        {
            rootBindings[prefix] = uri
            declarations.append(XMLNamespaceDeclaration(prefix: prefix, uri: uri))
        }
        for child in element.elements {
            collectRootDeclarations(child, scope: scope, rootBindings: &rootBindings, into: &declarations)
        }
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
