public import Foundation

/// Writes an XML tree as UTF-8 with an XML declaration and stable, readable indentation.
///
/// Elements whose content is only elements (and white space) are indented one level per depth; elements
/// with text keep their content exactly, so mixed content and significant white space survive.
public struct XMLWriter: Sendable {
    public var indentation: String

    public init(indentation: String = "  ") { self.indentation = indentation }

    public func write(_ document: XMLDocument) -> Data {
        var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        for node in document.prolog { write(node, depth: 0, into: &output); output += "\n" }
        write(document.root, depth: 0, into: &output)
        output += "\n"
        for node in document.epilog { write(node, depth: 0, into: &output); output += "\n" }
        return Data(output.utf8)
    }

    private func write(_ element: XMLElement, depth: Int, into output: inout String) {
        output += "<" + element.name.qualified
        for declaration in element.namespaceDeclarations {
            output += declaration.prefix.map { " xmlns:\($0)=\"" } ?? " xmlns=\""
            output += Self.escapeAttribute(declaration.uri) + "\""
        }
        for attribute in element.attributes {
            output += " " + attribute.name.qualified + "=\"" + Self.escapeAttribute(attribute.value) + "\""
        }
        let hasText = element.children.contains {
            switch $0 {
            case .text(let text): !text.isXMLWhitespace
            case .cdata: true
            default: false
            }
        }
        let children =
            hasText ? element.children : element.children.filter { if case .text = $0 { false } else { true } }
        if children.isEmpty {
            output += "/>"
            return
        }
        output += ">"
        if hasText {
            for child in children { write(child, depth: depth + 1, into: &output) }
        } else {
            let inner = String(repeating: indentation, count: depth + 1)
            for child in children {
                output += "\n" + inner
                write(child, depth: depth + 1, into: &output)
            }
            output += "\n" + String(repeating: indentation, count: depth)
        }
        output += "</" + element.name.qualified + ">"
    }

    private func write(_ node: XMLNode, depth: Int, into output: inout String) {
        switch node {
        case .element(let element): write(element, depth: depth, into: &output)
        case .text(let text): output += Self.escapeText(text)
        case .cdata(let text):
            // "]]>" cannot stand inside a CDATA section: split it across two sections.
            output += "<![CDATA[" + text.replacingOccurrences(of: "]]>", with: "]]]]><![CDATA[>") + "]]>"
        case .comment(let text): output += "<!--" + text.replacingOccurrences(of: "--", with: "- -") + "-->"
        case .processingInstruction(let target, let data):
            output += "<?\(target)" + (data.isEmpty ? "" : " " + data) + "?>"
        }
    }

    static func escapeText(_ text: String) -> String {
        escape(text) { byte in
            switch byte {
            case UInt8(ascii: "&"): "&amp;"
            case UInt8(ascii: "<"): "&lt;"
            case UInt8(ascii: ">"): "&gt;"
            case 0x0D: "&#13;"
            default: nil
            }
        }
    }

    static func escapeAttribute(_ text: String) -> String {
        escape(text) { byte in
            switch byte {
            case UInt8(ascii: "&"): "&amp;"
            case UInt8(ascii: "<"): "&lt;"
            case UInt8(ascii: "\""): "&quot;"
            case 0x0A: "&#10;"
            case 0x0D: "&#13;"
            case 0x09: "&#9;"
            default: nil
            }
        }
    }

    /// Replaces the ASCII bytes `replacement` names; text without any is returned as it is, without copying.
    private static func escape(_ text: String, _ replacement: (UInt8) -> String?) -> String {
        guard text.utf8.contains(where: { replacement($0) != nil }) else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            if let escaped = replacement(byte) { output.append(contentsOf: escaped.utf8) } else { output.append(byte) }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
