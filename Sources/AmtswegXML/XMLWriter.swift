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
        return output.data
    }

}

/// XML being written into one byte buffer — what makes writing large models fast. ``XMLWriter`` writes whole
/// trees with it; writers of other models (BPMN) write their elements directly, without building a tree.
///
/// The buffer is memory of its own rather than an array: a model is written in tens of thousands of appends of
/// a few bytes, and an array's uniqueness and capacity checks and its generic copy were a third of writing.
/// Noncopyable, so that the memory has one owner; it is passed `inout` and read out once with ``data``.
public struct XMLOutput: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    let indentation: [UInt8]

    public init(indentation: String = "  ") {
        self.indentation = Array(indentation.utf8)
        capacity = 1 << 16
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    /// What has been written.
    public var data: Data { Data(bytes: base, count: count) }

    private mutating func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        var newCapacity = capacity * 2
        while newCapacity < count + extra { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    @inline(__always)
    mutating func append(byte: UInt8) {
        if count == capacity { reserve(1) }
        base[count] = byte
        count += 1
    }

    /// Appends bytes; short runs (names, indentation, most values) byte by byte, which beats a call to memcpy.
    @inline(__always)
    mutating func append(_ source: UnsafeBufferPointer<UInt8>) {
        if count + source.count > capacity { reserve(source.count) }
        guard let address = source.baseAddress else { return }
        if source.count <= 16 {
            for offset in 0..<source.count { base[count + offset] = address[offset] }
        } else {
            (base + count).update(from: address, count: source.count)
        }
        count += source.count
    }

    public mutating func append(_ text: String) {
        // Native strings lend their bytes (small ones from the stack) without the copy `withUTF8` may make.
        if text.utf8.withContiguousStorageIfAvailable({ append($0) }) == nil {
            var text = text
            text.withUTF8 { append($0) }
        }
    }

    mutating func append(_ literal: StaticString) {
        append(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
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
        append(byte: UInt8(ascii: "<"))
        appendName(name)
        for declaration in declarations { self.declaration(declaration) }
    }

    /// ` name="value"` inside a start tag, the value escaped.
    public mutating func attribute(_ name: XMLName, _ value: String) {
        append(byte: 0x20)
        appendName(name)
        quotedValue(value)
    }

    /// ` name="value"` for an attribute without prefix.
    public mutating func attribute(_ localName: String, _ value: String) {
        append(byte: 0x20)
        append(localName)
        quotedValue(value)
    }

    /// `="value"`, escaped for an attribute.
    private mutating func quotedValue(_ value: String) {
        append("=\"")
        appendEscaped(value, attribute: true)
        append(byte: UInt8(ascii: "\""))
    }

    public mutating func closeStartTag(empty: Bool) {
        if empty { append("/>") } else { append(byte: UInt8(ascii: ">")) }
    }

    public mutating func endTag(_ name: XMLName) {
        append("</")
        appendName(name)
        append(byte: UInt8(ascii: ">"))
    }

    public mutating func text(_ text: String) { appendEscaped(text, attribute: false) }

    public mutating func indent(_ depth: Int) {
        append(byte: 0x0A)
        indentation.withUnsafeBufferPointer { unit in
            for _ in 0..<depth { append(unit) }
        }
    }

    public mutating func write(_ element: XMLElement, depth: Int) {
        openStartTag(element.name, declarations: element.namespaceDeclarations, attributes: element.attributes)
        writeContent(of: element, depth: depth) { child, depth, output in output.write(child, depth: depth) }
    }

    /// ` xmlns:p="uri"` (or ` xmlns="uri"`) inside a start tag.
    public mutating func declaration(_ declaration: XMLNamespaceDeclaration) {
        if let prefix = declaration.prefix {
            append(" xmlns:")
            append(prefix)
        } else {
            append(" xmlns")
        }
        quotedValue(declaration.uri)
    }

    /// Closes an element's start tag, writes its children and its end tag; child elements go to `writeElement`
    /// (so that a caller can write them its own way). Without text, white space between children is layout
    /// only: it is written anew, indented. With text, content is written exactly as it is.
    public mutating func writeContent(
        of element: XMLElement, depth: Int, writeElement: (XMLElement, Int, inout XMLOutput) -> Void
    ) {
        let wroteContent = element.children.withUnsafeBufferPointer { children in
            var hasText = false, hasMarkup = false
            for child in children {
                switch child {
                case .text(let text): if !text.isXMLWhitespace { hasText = true }
                case .cdata: hasText = true
                default: hasMarkup = true
                }
            }
            guard hasText ? !children.isEmpty : hasMarkup else {
                append("/>")
                return false
            }
            append(byte: UInt8(ascii: ">"))
            for child in children {
                if !hasText {
                    if case .text = child { continue }
                    indent(depth + 1)
                }
                if case .element(let element) = child {
                    writeElement(element, depth + 1, &self)
                } else {
                    write(child, depth: depth + 1)
                }
            }
            if !hasText { indent(depth) }
            return true
        }
        guard wroteContent else { return }
        append("</")
        appendName(element.name)
        append(byte: UInt8(ascii: ">"))
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
            append(byte: UInt8(ascii: ":"))
        }
        append(name.localName)
    }

    /// Copies runs of plain bytes in one go and escapes only the few bytes that need it; a table says which
    /// (bit 1: in text, bit 2: in attribute values), so that the scan costs a lookup per byte.
    mutating func appendEscaped(_ text: String, attribute: Bool) {
        if text.utf8.withContiguousStorageIfAvailable({ appendEscaped($0, attribute: attribute) }) == nil {
            var text = text
            text.withUTF8 { appendEscaped($0, attribute: attribute) }
        }
    }

    private mutating func appendEscaped(_ source: UnsafeBufferPointer<UInt8>, attribute: Bool) {
        guard let address = source.baseAddress else { return }
        let mask: UInt8 = attribute ? 2 : 1
        let table = Self.escapes
        var runStart = 0, index = 0
        while index < source.count {
            let byte = address[index]
            if table[Int(byte)] & mask == 0 {
                index += 1
                continue
            }
            append(UnsafeBufferPointer(start: address + runStart, count: index - runStart))
            switch byte {
            case UInt8(ascii: "&"): append("&amp;" as StaticString)
            case UInt8(ascii: "<"): append("&lt;" as StaticString)
            case UInt8(ascii: ">"): append("&gt;" as StaticString)
            case UInt8(ascii: "\""): append("&quot;" as StaticString)
            case 0x0A: append("&#10;" as StaticString)
            case 0x09: append("&#9;" as StaticString)
            default: append("&#13;" as StaticString)
            }
            index += 1
            runStart = index
        }
        append(UnsafeBufferPointer(start: address + runStart, count: source.count - runStart))
    }

    /// Which bytes are escaped where: `&`, `<` and carriage return everywhere; `>` in text; `"`, line feed and
    /// tab in attribute values (where a reader would otherwise normalise them to spaces).
    nonisolated(unsafe) private static let escapes: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        table.initialize(repeating: 0, count: 256)
        for byte in [UInt8(ascii: "&"), UInt8(ascii: "<"), 0x0D] { table[Int(byte)] = 3 }
        table[Int(UInt8(ascii: ">"))] = 1
        for byte in [UInt8(ascii: "\""), 0x0A, 0x09] { table[Int(byte)] = 2 }
        return UnsafePointer(table)
    }()
}
