public import Foundation

/// Writes an XML tree as UTF-8 with an XML declaration and stable, readable indentation.
///
/// Elements whose content is only elements (and white space) are indented one level per depth; elements
/// with text keep their content exactly, so mixed content and significant white space survive.
public struct XMLWriter: Sendable {
    public var indentation: String

    public init(indentation: String = "  ") { self.indentation = indentation }

    public func write(_ document: XMLDocument) -> Data {
        var output = XMLOutput(indentation: indentation)
        output.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        for node in document.prolog {
            output.write(node, depth: 0)
            output.append("\n")
        }
        output.write(document.root, depth: 0)
        output.append("\n")
        for node in document.epilog {
            output.write(node, depth: 0)
            output.append("\n")
        }
        return Data(output.bytes)
    }

}

/// XML being written into one byte buffer — what makes writing large models fast. ``XMLWriter`` writes whole
/// trees with it; writers of other models (BPMN) write their elements directly, without building a tree.
public struct XMLOutput {
    public private(set) var bytes: [UInt8] = []
    let indentation: [UInt8]

    public init(indentation: String = "  ") {
        self.indentation = Array(indentation.utf8)
        bytes.reserveCapacity(1 << 16)
    }

    public mutating func append(_ text: String) {
        // Native strings lend their bytes: one copy instead of a walk through the UTF-8 view.
        if text.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
            bytes.append(contentsOf: text.utf8)
        }
    }

    /// `<name xmlns… attributes…` — the caller closes with ``closeStartTag(empty:)``.
    public mutating func openStartTag(
        _ name: XMLName, declarations: [XMLNamespaceDeclaration] = [], attributes: [XMLAttribute]
    ) {
        startTag(name, declarations: declarations)
        for attribute in attributes { self.attribute(attribute.name, attribute.value) }
    }

    /// `<name xmlns…` — attributes follow with ``attribute(_:_:)``, then ``closeStartTag(empty:)``.
    public mutating func startTag(_ name: XMLName, declarations: [XMLNamespaceDeclaration] = []) {
        bytes.append(UInt8(ascii: "<"))
        appendName(name)
        for declaration in declarations {
            if let prefix = declaration.prefix {
                append(" xmlns:")
                append(prefix)
            } else {
                append(" xmlns")
            }
            quotedValue(declaration.uri)
        }
    }

    /// ` name="value"` inside a start tag, the value escaped.
    public mutating func attribute(_ name: XMLName, _ value: String) {
        bytes.append(0x20)
        appendName(name)
        quotedValue(value)
    }

    /// ` name="value"` for an attribute without prefix.
    public mutating func attribute(_ localName: String, _ value: String) {
        bytes.append(0x20)
        append(localName)
        quotedValue(value)
    }

    /// `="value"`, escaped for an attribute.
    private mutating func quotedValue(_ value: String) {
        append("=\"")
        appendEscaped(value, attribute: true)
        bytes.append(UInt8(ascii: "\""))
    }

    public mutating func closeStartTag(empty: Bool) {
        if empty { append("/>") } else { bytes.append(UInt8(ascii: ">")) }
    }

    public mutating func endTag(_ name: XMLName) {
        append("</")
        appendName(name)
        bytes.append(UInt8(ascii: ">"))
    }

    public mutating func text(_ text: String) { appendEscaped(text, attribute: false) }

    public mutating func indent(_ depth: Int) {
        bytes.append(0x0A)
        for _ in 0..<depth { bytes.append(contentsOf: indentation) }
    }

    public mutating func write(_ element: XMLElement, depth: Int) {
        openStartTag(element.name, declarations: element.namespaceDeclarations, attributes: element.attributes)
        let hasText = element.children.contains {
            switch $0 {
            case .text(let text): !text.isXMLWhitespace
            case .cdata: true
            default: false
            }
        }
        // Without text, white space between children is layout only: it is written anew, indented.
        let isEmpty =
            hasText
            ? element.children.isEmpty : !element.children.contains { if case .text = $0 { false } else { true } }
        if isEmpty {
            append("/>")
            return
        }
        bytes.append(UInt8(ascii: ">"))
        if hasText {
            for child in element.children { write(child, depth: depth + 1) }
        } else {
            for child in element.children {
                if case .text = child { continue }
                indent(depth + 1)
                write(child, depth: depth + 1)
            }
            indent(depth)
        }
        append("</")
        appendName(element.name)
        bytes.append(UInt8(ascii: ">"))
    }

    public mutating func write(_ node: XMLNode, depth: Int) {
        switch node {
        case .element(let element): write(element, depth: depth)
        case .text(let text): appendEscaped(text, attribute: false)
        case .cdata(let text):
            // "]]>" cannot stand inside a CDATA section: split it across two sections.
            append("<![CDATA[" + text.replacingOccurrences(of: "]]>", with: "]]]]><![CDATA[>") + "]]>")
        case .comment(let text): append("<!--" + text.replacingOccurrences(of: "--", with: "- -") + "-->")
        case .processingInstruction(let target, let data):
            append("<?\(target)" + (data.isEmpty ? "" : " " + data) + "?>")
        }
    }

    mutating func appendName(_ name: XMLName) {
        if let prefix = name.prefix {
            append(prefix)
            bytes.append(UInt8(ascii: ":"))
        }
        append(name.localName)
    }

    /// Copies runs of plain bytes in one go and escapes only the few bytes that need it.
    mutating func appendEscaped(_ text: String, attribute: Bool) {
        var text = text
        text.withUTF8 { source in
            var runStart = 0
            for index in source.indices {
                let replacement: StaticString
                switch source[index] {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">") where !attribute: replacement = "&gt;"
                case UInt8(ascii: "\"") where attribute: replacement = "&quot;"
                case 0x0A where attribute: replacement = "&#10;"
                case 0x09 where attribute: replacement = "&#9;"
                case 0x0D: replacement = "&#13;"
                default: continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index]))
                replacement.withUTF8Buffer { bytes.append(contentsOf: $0) }
                runStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart...]))
        }
    }
}
