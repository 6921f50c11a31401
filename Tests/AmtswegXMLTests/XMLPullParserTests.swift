import AmtswegXML
import Foundation
import Testing

@Suite struct XMLPullParserTests {
    static func document(_ text: String, limits: XMLLimits = .default) throws -> XMLDocument {
        try XMLDocument(data: Data(text.utf8), file: "test.xml", limits: limits)
    }

    static func error(_ text: String, limits: XMLLimits = .default) -> XMLError? {
        error(Data(text.utf8), limits: limits)
    }

    static func error(_ data: Data, limits: XMLLimits = .default) -> XMLError? {
        do {
            _ = try XMLDocument(data: data, file: "test.xml", limits: limits)
            return nil
        } catch {
            return error
        }
    }

    @Test func readsElementsAttributesAndText() throws {
        let document = try Self.document(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- vorher -->
            <a x="1" y='zwei &amp; drei'>Text &lt;b&gt; &#228;&#x00FC;<b/><![CDATA[<roh> & ]]><?pi daten?></a>
            """)
        #expect(document.prolog == [.comment(" vorher ")])
        let root = document.root
        #expect(root.name.localName == "a")
        #expect(root.attribute("x") == "1")
        #expect(root.attribute("y") == "zwei & drei")
        #expect(root.text == "Text <b> äü<roh> & ")
        #expect(root.elements.map(\.name.localName) == ["b"])
        #expect(root.children.last == .processingInstruction(target: "pi", data: "daten"))
        #expect(root.line == 3 && root.column == 1)
    }

    @Test func resolvesNamespacesWhateverThePrefix() throws {
        let ns = "http://www.omg.org/spec/BPMN/20100524/MODEL"
        for text in [
            "<bpmn:definitions xmlns:bpmn=\"\(ns)\"><bpmn:process id=\"p\"/></bpmn:definitions>",
            "<semantic:definitions xmlns:semantic=\"\(ns)\"><semantic:process id=\"p\"/></semantic:definitions>",
            "<definitions xmlns=\"\(ns)\"><process id=\"p\"/></definitions>",
        ] {
            let root = try Self.document(text).root
            #expect(root.name.matches("definitions", in: ns))
            #expect(root.elements.first?.name.matches("process", in: ns) == true)
            #expect(root.elements.first?.attribute("id") == "p")
        }
    }

    @Test func keepsUndeclaredPrefixesAsWritten() throws {
        let root = try Self.document("<a><vendor:x vendor:y=\"1\"/></a>").root
        let child = try #require(root.elements.first)
        #expect(child.name.prefix == "vendor" && child.name.namespace == nil)
        #expect(child.attributes.first?.name.qualified == "vendor:y")
    }

    @Test func normalisesLineEndsAndAttributeWhitespace() throws {
        let root = try Self.document("<a v=\"x\ty\r\nz\">eins\r\nzwei\rdrei</a>").root
        #expect(root.attribute("v") == "x y z")
        #expect(root.text == "eins\nzwei\ndrei")
    }

    @Test func readsLatin1Declared() throws {
        var bytes = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<a n=\"".utf8)
        bytes += [0x42, 0xFC, 0x72, 0x67, 0x65, 0x72]  // "Bürger" in Latin-1
        bytes += Array("\"/>".utf8)
        let root = try XMLDocument(data: Data(bytes), file: "latin1.xml").root
        #expect(root.attribute("n") == "Bürger")
    }

    @Test func readsUTF16WithByteOrderMark() throws {
        var data = Data([0xFF, 0xFE])
        data.append("<a n=\"Straße\"/>".data(using: .utf16LittleEndian)!)
        #expect(try XMLDocument(data: data, file: "utf16.xml").root.attribute("n") == "Straße")
    }

    // MARK: - Bad and hostile input

    @Test func refusesExternalEntities() {
        let xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE foo [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
            <foo>&xxe;</foo>
            """
        let error = Self.error(xxe)
        #expect(error?.kind == .forbiddenDeclaration)
        #expect(error?.line == 2)
    }

    @Test func refusesEntityBombs() {
        var lol = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
        for level in 1...9 {
            lol +=
                " <!ENTITY lol\(level) \""
                + String(repeating: "&lol\(level - 1 == 0 ? "" : String(level - 1));", count: 10) + "\">\n"
        }
        lol += "]>\n<lolz>&lol9;</lolz>"
        #expect(Self.error(lol)?.kind == .forbiddenDeclaration)
    }

    @Test func neverFetchesAnExternalDTDAndRefusesItsEntities() {
        let text = "<!DOCTYPE a SYSTEM \"http://127.0.0.1:9/boese.dtd\"><a>&boese;</a>"
        let error = Self.error(text)
        #expect(error?.kind == .forbiddenDeclaration)
        #expect(error?.message.contains("&boese;") == true)
    }

    @Test func namesLineAndColumnOfLatin1BytesInUTF8() {
        var bytes = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a>\n  <b name=\"Gr".utf8)
        bytes += [0xFC, 0x6E]  // "ün" in Latin-1
        bytes += Array("\"/>\n</a>".utf8)
        let error = Self.error(Data(bytes))
        #expect(error?.kind == .encoding)
        #expect(error?.line == 3)
        #expect(error?.column == 14)
    }

    @Test(arguments: [
        ("<a><b></a>", 1, "</a>"),
        ("<a>\n<b>\n", 3, "abgeschnitten"),
        ("<a x=\"1", 1, "nie geschlossen"),
        ("<a x=\"1\" x=\"2\"/>", 1, "doppelt"),
        ("<a><!-- offen", 1, "Kommentar"),
        ("<a>&bogus</a>", 1, "';'"),
        ("<a>&#0;</a>", 1, "Zeichenreferenz"),
        ("", 1, "kein Wurzelelement"),
        ("<a/><b/>", 1, "zweites Wurzelelement"),
        ("Text<a/>", 1, "vor dem Wurzelelement"),
        ("<a x=\"<\"/>", 1, "'<'"),
        ("<a x=\"1\"y=\"2\"/>", 1, "Leerzeichen"),
    ])
    func malformedInputIsAClearError(_ text: String, _ line: Int, _ words: String) throws {
        let error = try #require(Self.error(text))
        #expect(error.kind == .malformed || error.kind == .forbiddenDeclaration)
        #expect(error.line == line)
        #expect(error.message.contains(words), "\(error.message)")
        #expect(error.description.hasPrefix("test.xml:"))
    }

    @Test func deepNestingHitsTheLimit() {
        let depth = 100_000
        let text = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        #expect(Self.error(text)?.kind == .limitExceeded)
    }

    @Test func oversizedInputIsRefusedBeforeParsing() {
        let limits = XMLLimits(maxBytes: 1_000)
        #expect(Self.error(String(repeating: " ", count: 2_000) + "<a/>", limits: limits)?.kind == .limitExceeded)
    }

    @Test func oversizedFileIsRefusedBeforeReading() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gross-\(UUID().uuidString).xml")
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 2 << 30)  // 2 GB, sparse: nothing is written or read
        try handle.close()
        defer { try? FileManager.default.removeItem(at: url) }
        #expect {
            _ = try XMLDocument(contentsOf: url)
        } throws: { error in
            (error as? XMLError)?.kind == .limitExceeded
        }
    }

    @Test(arguments: [
        "<a><!--" + String(repeating: "x", count: 5_000) + "--></a>",
        "<a>" + String(repeating: "x", count: 5_000) + "</a>",
        "<a>" + String(repeating: "x&amp;", count: 2_500) + "</a>",
        "<a><![CDATA[" + String(repeating: "x", count: 5_000) + "]]></a>",
    ])
    func longTextAndCommentsHitTheLimit(text: String) {
        let limits = XMLLimits(maxTextLength: 4_000)
        #expect(Self.error(text, limits: limits)?.kind == .limitExceeded)
        #expect(Self.error(text, limits: XMLLimits(maxTextLength: 6_000)) == nil, "within the limit it reads")
    }

    @Test func tooManyAttributesHitTheLimit() {
        let attributes = (0..<300).map { "a\($0)=\"\($0)\"" }.joined(separator: " ")
        #expect(Self.error("<a \(attributes)/>")?.kind == .limitExceeded)
    }
}

@Suite struct XMLWriterTests {
    @Test func writesWhatItReadsAndReadsWhatItWrites() throws {
        let text = """
            <r:root xmlns:r="urn:r" xmlns="urn:d" a="1 &amp; 2" b="&quot;x&quot;">
              <child>Text &lt; mit &amp; Zeichen</child>
              <!-- Kommentar -->
              <empty/>
              <mixed>vor <b>fett</b> nach</mixed>
              <![CDATA[a]]>b]]>
            </r:root>
            """
        let first = try XMLDocument(data: Data(text.utf8), file: "a.xml")
        let written = XMLWriter().write(first)
        let second = try XMLDocument(data: written, file: "b.xml")
        #expect(XMLWriter().write(second) == written)
        #expect(second.root.attribute("a") == "1 & 2")
        #expect(second.root.namespaceDeclarations.count == 2)
        let mixed = try #require(second.root.elements.first { $0.name.localName == "mixed" })
        #expect(mixed.text == "vor  nach")
        #expect(String(decoding: written, as: UTF8.self).contains("\n  <child>Text &lt; mit &amp; Zeichen</child>\n"))
    }

    @Test func escapesAttributeWhitespaceSoItSurvives() throws {
        let element = XMLElement(
            name: XMLName(localName: "a"), attributes: [XMLAttribute(name: XMLName(localName: "v"), value: "x\ny\tz")])
        let written = XMLWriter().write(XMLDocument(root: element))
        #expect(try XMLDocument(data: written, file: "w.xml").root.attribute("v") == "x\ny\tz")
    }
}
