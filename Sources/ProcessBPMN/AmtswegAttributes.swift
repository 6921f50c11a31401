public import AmtswegXML
import BPMN

/// Amtsweg's extension attributes on BPMN elements: the process's place in the organisation and the
/// enrichment of its steps, in a namespace of Amtsweg's own, so that a process exported to another modeller
/// (which keeps foreign attributes) comes back with its enrichment.
///
/// Lists are space-separated; a space or percent sign inside an item is percent-encoded.
public enum AmtswegAttributes {
    public static let namespace = "urn:amtsweg:bpmn:1"
    public static let prefix = "amtsweg"
    public static let declaration = XMLNamespaceDeclaration(prefix: prefix, uri: namespace)

    /// The attribute names in use.
    enum Name: String, CaseIterable {
        // On the process.
        case id, service, owner, state, ist
        // On lanes and steps.
        case performer
        // On steps and intermediate events.
        case block, medium, handling, waiting, applications, inputs, outputs, documents, legalBases, skills, raci
        // On sequence flows and boundary events.
        case share
    }

    static func name(_ name: Name) -> XMLName {
        XMLName(prefix: prefix, localName: name.rawValue, namespace: namespace)
    }

    /// The element's Amtsweg attributes by name.
    static func values(of element: BPMNElement) -> [Name: String] {
        var values: [Name: String] = [:]
        for attribute in element.foreignAttributes where attribute.name.namespace == namespace {
            if let name = Name(rawValue: attribute.name.localName) { values[name] = attribute.value }
        }
        return values
    }

    /// Replaces the element's Amtsweg attributes with `values` (in the order of ``Name``), keeping all others.
    static func set(_ values: [Name: String], on element: inout BPMNElement) {
        element.foreignAttributes.removeAll { $0.name.namespace == namespace }
        for name in Name.allCases {
            if let value = values[name], !value.isEmpty {
                element.foreignAttributes.append(XMLAttribute(name: self.name(name), value: value))
            }
        }
    }

    static func list(_ items: [String]) -> String { items.map(encode).joined(separator: " ") }

    static func items(_ list: String?) -> [String] {
        (list ?? "").split(separator: " ", omittingEmptySubsequences: true).map { decode(String($0)) }
    }

    private static func encode(_ item: String) -> String {
        item.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: " ", with: "%20")
    }

    private static func decode(_ item: String) -> String {
        item.replacingOccurrences(of: "%20", with: " ").replacingOccurrences(of: "%25", with: "%")
    }

    /// A number as written in an attribute: no trailing ".0" for whole numbers.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
