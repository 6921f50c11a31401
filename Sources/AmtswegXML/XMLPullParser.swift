public import Foundation

/// A pull parser for XML 1.0 with namespaces, written for hostile input.
///
/// It never loads anything from outside the document: a document type declaration that declares entities
/// is refused (no XXE, no entity expansion bombs), external identifiers are never fetched, and only the five
/// predefined entities and character references are resolved. Size, depth, attribute count and name length
/// are bounded by ``XMLLimits``. Every error names file, line and column.
///
/// Hand-written rather than Foundation's `XMLParser` because that one is libxml2 underneath on Linux, gives
/// no control over entity handling across platforms, and is slow for event logs with millions of events.
public struct XMLPullParser {
    let file: String
    let limits: XMLLimits
    /// The document as validated UTF-8, read through `input` (`count` bytes, then a zero byte).
    let buffer: XMLBuffer
    let input: UnsafePointer<UInt8>
    let count: Int
    let classes = XMLByteClass.table
    var position = 0
    var line = 1
    var lineStart = 0
    var columnCache: (lineStart: Int, position: Int, column: Int) = (0, 0, 1)

    /// Namespace bindings in scope, innermost last, as (prefix number, URI): a flat list searched from the end,
    /// since a document binds a handful of prefixes. Each open element records how many it added.
    var bindings: [(prefix: Int, uri: String)] = []
    /// A small number for each prefix met ("" for the default namespace), and per prefix a count of the changes
    /// of its binding: a name resolved under an older count is resolved again. Counting per prefix keeps the
    /// names of other prefixes resolved where vendors declare their namespace on every extension element.
    var prefixIDs: [String: Int] = [:]
    var prefixGenerations: [Int] = []
    /// Every distinct name as written, once: a repeated tag or attribute name costs no allocation.
    var names = ByteInterner(capacity: 256)
    /// What is known about each interned name, by its index in `names`.
    var nameFacts: [NameFacts] = []
    /// The name last met in each of 64 slots (see ``nameIndex()``), -1 where none.
    var recentNames = [Int32](repeating: -1, count: 64)
    /// Open elements: resolved name, interned raw name (to match end tags without comparing strings), and the
    /// number of namespace bindings the element declared.
    var openElements: [OpenElement] = []
    /// The current tag's attributes as written, before namespaces are resolved (reused from tag to tag).
    var rawAttributes: [RawAttribute] = []
    var pendingEnd: XMLName?
    /// The start tag last read: its resolved name, position, and how many of its attributes declare namespaces.
    var tagName = XMLName(localName: "")
    var tagLine = 0
    var tagColumn = 0
    var tagDeclarations = 0
    var seenRoot = false
    var finished = false

    struct OpenElement {
        var name: XMLName
        var raw: Int
        var bindings: Int
    }

    struct RawAttribute {
        var name: Int
        var value: String
    }

    /// Prepares to parse `data`; transcodes and validates the encoding first.
    public init(data: Data, file: String, limits: XMLLimits = .default) throws(XMLError) {
        guard data.count <= limits.maxBytes else {
            throw XMLError(
                .limitExceeded, file: file, line: 0, column: 0,
                message: "Die Datei ist mit \(data.count) Bytes größer als erlaubt (\(limits.maxBytes) Bytes).")
        }
        self.file = file
        self.limits = limits
        buffer = XMLBuffer(try XMLInput.utf8Bytes(data, file: file))
        input = UnsafePointer(buffer.base)
        count = buffer.count
        bindings = [(prefixID("xml"), "http://www.w3.org/XML/1998/namespace")]
    }

    /// The next event, or `nil` at the end of a complete document.
    public mutating func next() throws(XMLError) -> XMLEvent? {
        switch try nextToken() {
        case nil: nil
        case .startElement: .startElement(startElement())
        case .endElement(let name): .endElement(name)
        case .text(let text): .text(text)
        case .cdata(let text): .cdata(text)
        case .comment(let text): .comment(text)
        case .processingInstruction(let target, let data): .processingInstruction(target: target, data: data)
        }
    }

    /// The next token, or `nil` at the end of a complete document. Like ``next()``, but a start tag is read
    /// from the parser (``tagName``, ``attributeCount``, ``plainAttribute(at:)`` …) rather than handed out as a
    /// value: a reader that builds its own model then makes no event, attribute array or name it does not keep.
    public mutating func nextToken() throws(XMLError) -> XMLToken? {
        if let name = pendingEnd {
            pendingEnd = nil
            return try closeElement(name)
        }
        while !finished {
            if let token = openElements.isEmpty ? try prologOrEpilog() : try content() { return token }
        }
        return nil
    }

    // MARK: - The start tag last read

    /// The resolved name of the start tag last read.
    public var currentName: XMLName { tagName }
    /// Where the start tag last read begins.
    public var currentLine: Int { tagLine }
    public var currentColumn: Int { tagColumn }
    /// The number of attributes of the start tag, namespace declarations included.
    public var attributeCount: Int { rawAttributes.count }

    /// Attribute `index` of the start tag, `nil` for a namespace declaration.
    public mutating func attribute(at index: Int) -> XMLAttribute? {
        let raw = rawAttributes[index]
        if tagDeclarations > 0 && nameFacts[raw.name].declaredPrefix != nil { return nil }
        return XMLAttribute(name: resolvedName(raw.name, isAttribute: true), value: raw.value)
    }

    /// Attribute `index` as (local name, value) when it has no prefix (and so no namespace), else `nil`.
    public func plainAttribute(at index: Int) -> (name: String, value: String)? {
        // Fields are read in place: a copy of the name's facts would copy its cached names too.
        let name = rawAttributes[index].name
        guard nameFacts[name].isPlain else { return nil }
        return (nameFacts[name].localName, rawAttributes[index].value)
    }

    /// The namespace declarations of the start tag, in document order.
    public var namespaceDeclarations: [XMLNamespaceDeclaration] {
        guard tagDeclarations > 0 else { return [] }
        return rawAttributes.compactMap { attribute in
            nameFacts[attribute.name].declaredPrefix.map {
                XMLNamespaceDeclaration(prefix: $0.isEmpty ? nil : $0, uri: attribute.value)
            }
        }
    }

    /// The attributes of the start tag other than namespace declarations.
    public mutating func attributes() -> [XMLAttribute] {
        var attributes: [XMLAttribute] = []
        attributes.reserveCapacity(rawAttributes.count - tagDeclarations)
        for index in rawAttributes.indices {
            if let attribute = attribute(at: index) { attributes.append(attribute) }
        }
        return attributes
    }

    /// The start tag last read as a value.
    public mutating func startElement() -> XMLStartElement {
        XMLStartElement(
            name: tagName, attributes: attributes(), namespaceDeclarations: namespaceDeclarations, line: tagLine,
            column: tagColumn)
    }

    // MARK: - Outside the root element

    /// Skips white space; returns comments, PIs and the root's start. Text outside the root is an error.
    private mutating func prologOrEpilog() throws(XMLError) -> XMLToken? {
        skipWhitespace()
        guard position < count else {
            if !seenRoot { throw error(.malformed, "Das Dokument enthält kein Wurzelelement.") }
            finished = true
            return nil
        }
        guard input[position] == UInt8(ascii: "<") else {
            throw error(.malformed, seenRoot ? "Text nach dem Ende des Wurzelelements." : "Text vor dem Wurzelelement.")
        }
        if starts(with: "<?") { return try processingInstruction() }
        if starts(with: "<!--") { return try comment() }
        if starts(with: "<!DOCTYPE") {
            if seenRoot { throw error(.malformed, "DOCTYPE nach dem Wurzelelement.") }
            try skipDoctype()
            return nil
        }
        if seenRoot { throw error(.malformed, "Ein zweites Wurzelelement ist nicht erlaubt.") }
        seenRoot = true
        return try startTag()
    }

    // MARK: - Inside the root element

    private mutating func content() throws(XMLError) -> XMLToken? {
        guard position < count else {
            throw error(
                .malformed,
                "Die Datei endet, bevor <\(openElements.last!.name.qualified)> geschlossen ist (abgeschnitten?)."
            )
        }
        if input[position] != UInt8(ascii: "<") { return .text(try characterData()) }
        // Dispatch on the byte after '<' (the zero byte after the end if there is none): most markup is a tag.
        switch input[position + 1] {
        case UInt8(ascii: "/"): return try endTag()
        case UInt8(ascii: "?"): return try processingInstruction()
        case UInt8(ascii: "!"):
            if starts(with: "<!--") { return try comment() }
            if starts(with: "<![CDATA[") { return try cdata() }
            throw error(.malformed, "Unerwartete Deklaration im Inhalt.")
        default: return try startTag()
        }
    }

    private mutating func startTag() throws(XMLError) -> XMLToken {
        let tagLine = line, tagColumn = trackedColumn()
        advance(1)  // <
        let rawName = try nameIndex()
        // Attributes are collected in a buffer the parser keeps, so a tag costs no extra allocation.
        rawAttributes.removeAll(keepingCapacity: true)
        var declares = false
        while true {
            let hadSpace = skipWhitespace()
            guard position < count else {
                throw error(.malformed, "Die Datei endet mitten im Tag <\(names.strings[rawName])>.")
            }
            let byte = input[position]
            if byte == UInt8(ascii: ">") || (byte == UInt8(ascii: "/") && input[position + 1] == UInt8(ascii: ">")) {
                break
            }
            guard hadSpace else { throw error(.malformed, "Zwischen Attributen fehlt ein Leerzeichen.") }
            let attributeLine = line, attributeStart = position
            let attributeName = try nameIndex()
            skipWhitespace()
            guard input[position] == UInt8(ascii: "="), position < count else {
                throw error(.malformed, "Nach dem Attribut '\(names.strings[attributeName])' fehlt '='.")
            }
            advance(1)
            skipWhitespace()
            let value = try attributeValue()
            if rawAttributes.contains(where: { $0.name == attributeName }) {
                throw error(
                    .malformed, "Das Attribut '\(names.strings[attributeName])' kommt doppelt vor.",
                    line: attributeLine, column: column(at: attributeStart))
            }
            rawAttributes.append(RawAttribute(name: attributeName, value: value))
            if nameFacts[attributeName].declaredPrefix != nil { declares = true }
            if rawAttributes.count > limits.maxAttributes {
                throw error(
                    .limitExceeded, "Mehr als \(limits.maxAttributes) Attribute an <\(names.strings[rawName])>.")
            }
        }
        let selfClosing = input[position] == UInt8(ascii: "/")
        advance(selfClosing ? 2 : 1)

        var declared = 0
        if declares {
            for attribute in rawAttributes {
                guard let prefix = nameFacts[attribute.name].declaredPrefix else { continue }
                let id = prefixID(prefix)
                // A prefix declared twice on one tag is a duplicate attribute, refused above.
                bindings.append((id, attribute.value))
                prefixGenerations[id] += 1
                declared += 1
            }
        }
        let elementName = resolvedName(rawName, isAttribute: false)
        openElements.append(OpenElement(name: elementName, raw: rawName, bindings: declared))
        if openElements.count > limits.maxDepth {
            throw error(
                .limitExceeded, "Die Elemente sind tiefer als \(limits.maxDepth) Ebenen verschachtelt.",
                line: tagLine, column: tagColumn)
        }
        if selfClosing { pendingEnd = elementName }
        self.tagName = elementName
        self.tagLine = tagLine
        self.tagColumn = tagColumn
        tagDeclarations = declared
        return .startElement
    }

    private mutating func endTag() throws(XMLError) -> XMLToken {
        let tagLine = line, tagStart = position
        advance(2)  // </
        // The end tag should name the innermost open element: its bytes are compared, not hashed.
        let nameStart = position
        while classes[Int(input[position])] & XMLByteClass.nameChar != 0 { position += 1 }
        let written = UnsafeBufferPointer(start: input + nameStart, count: position - nameStart)
        if let open = openElements.last, names.holds(open.raw, written) {
            skipWhitespace()
            if input[position] == UInt8(ascii: ">"), position < count {
                advance(1)
                return try closeElement(open.name)
            }
        }
        // Not the expected name, or not closed: read it again as any name for a precise message.
        position = nameStart
        let rawName = try nameIndex()
        skipWhitespace()
        guard position < count, input[position] == UInt8(ascii: ">") else {
            throw error(.malformed, "Das End-Tag </\(names.strings[rawName])> ist nicht abgeschlossen.")
        }
        let expected = openElements.last.map { "</\($0.name.qualified)>" } ?? "kein End-Tag"
        throw error(
            .malformed, "End-Tag </\(names.strings[rawName])> passt nicht, erwartet \(expected).", line: tagLine,
            column: column(at: tagStart))
    }

    private mutating func closeElement(_ name: XMLName) throws(XMLError) -> XMLToken {
        let declared = openElements.removeLast().bindings
        for _ in 0..<declared { prefixGenerations[bindings.removeLast().prefix] += 1 }
        return .endElement(name)
    }

    /// Resolves a raw `prefix:local` against the bindings in scope, once per name while the scope stays the same.
    /// Unprefixed attributes have no namespace. A prefix nobody declared stays as written without a namespace,
    /// so that nothing is lost.
    private mutating func resolvedName(_ index: Int, isAttribute: Bool) -> XMLName {
        let generation = prefixGenerations[nameFacts[index].prefixID]
        if nameFacts[index].generation == generation {
            if isAttribute {
                if let cached = nameFacts[index].asAttribute { return cached }
            } else if let cached = nameFacts[index].asElement {
                return cached
            }
        } else {
            nameFacts[index].generation = generation
            nameFacts[index].asElement = nil
            nameFacts[index].asAttribute = nil
        }
        let prefix = nameFacts[index].prefix
        // Unprefixed attributes have no namespace; unprefixed elements take the default one.
        let namespace = prefix == nil && isAttribute ? nil : lookup(nameFacts[index].prefixID)
        let name = XMLName(prefix: prefix, localName: nameFacts[index].localName, namespace: namespace)
        if isAttribute { nameFacts[index].asAttribute = name } else { nameFacts[index].asElement = name }
        return name
    }

    /// The number of a prefix, given on first sight.
    mutating func prefixID(_ prefix: String) -> Int {
        if let id = prefixIDs[prefix] { return id }
        prefixIDs[prefix] = prefixGenerations.count
        prefixGenerations.append(0)
        return prefixGenerations.count - 1
    }

    /// The URI bound to a prefix number; `nil` when unbound or bound to "" (undeclaring the default namespace).
    private func lookup(_ prefix: Int) -> String? {
        for binding in bindings.reversed() where binding.prefix == prefix {
            return binding.uri.isEmpty ? nil : binding.uri
        }
        return nil
    }
}

/// What the parser knows about one name as written.
struct NameFacts {
    var prefix: String?
    var localName: String
    /// For `xmlns` and `xmlns:p`: the prefix it declares ("" for the default namespace).
    var declaredPrefix: String?
    /// Neither prefixed nor a namespace declaration: as an attribute, a plain one without namespace.
    var isPlain: Bool { prefix == nil && declaredPrefix == nil }
    /// The parser's number for the prefix ("" when there is none).
    var prefixID = 0
    /// The name resolved as an element's and as an attribute's, valid while `generation` is the count of
    /// changes of the prefix's binding.
    var asElement: XMLName?
    var asAttribute: XMLName?
    var generation = -1

    init(_ raw: String) {
        if let colon = raw.utf8.firstIndex(of: UInt8(ascii: ":")) {
            prefix = String(Substring(raw.utf8[..<colon]))
            localName = String(Substring(raw.utf8[raw.utf8.index(after: colon)...]))
        } else {
            prefix = nil
            localName = raw
        }
        if raw == "xmlns" {
            declaredPrefix = ""
        } else if prefix == "xmlns" {
            declaredPrefix = localName
        }
    }
}
