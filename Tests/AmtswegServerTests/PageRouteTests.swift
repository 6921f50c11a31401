import RegexBuilder
@testable import AmtswegServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Every page answers with HTML in German, the content it is for, and the security headers.
@Suite struct PageRouteTests {
    /// Path and a text the page must show.
    static let pages: [(String, String)] = [
        ("/", "Stadt Musterstadt auf einen Blick"),
        ("/map", "Organisationseinheiten"),
        ("/map/units/32", "Ordnungsamt"),
        ("/map/services", "LeiKa"),
        ("/map/flows", "Informationsflüsse"),
        ("/map/ist", "Interaktionsmatrix"),
        ("/processes", "BPMN-Datei hochladen"),
        ("/processes/catalogue", "Fachverfahren"),
        ("/processes/baugenehmigung-ist", "Schrittliste"),
        ("/processes/baugenehmigung-ist/steps", "Schritte bearbeiten"),
        ("/processes/baugenehmigung-ist/steps/Vollstaendigkeit", "Bearbeitungszeit"),
        ("/monitor", "Kennzahlen je Prozess"),
        ("/optimize", "Schwachstellen"),
        ("/optimize?severity=high&rule=pingPong", "Ping-Pong-Übergabe"),
        ("/optimize/compare/baugenehmigung-ist/baugenehmigung-soll", "Ist und Soll im Vergleich"),
        ("/roadmap", "Fahrplan"),
        ("/search?q=Bau", "Baugenehmigung"),
        ("/search", "Suchbegriff"),
    ]

    @Test(arguments: pages)
    func pageRenders(path: String, expected: String) async throws {
        try await TestServer().run { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .ok, "\(path): \(response.status)")
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let html = response.text
                #expect(html.contains(expected), "\(path) does not show '\(expected)'")
                #expect(html.contains("<html lang=\"de\">"))
                #expect(html.contains("<main id=\"main\""))
                let policy = try #require(response.headers[.contentSecurityPolicy])
                #expect(!policy.contains("unsafe-inline") && policy.contains("script-src 'self'"))
                // No template fragment left unrendered, no inline style or script.
                #expect(!html.contains("{{") && !html.contains(" style=\"") && !html.contains("<script>"))
            }
        }
    }

    @Test func englishIsSelectableAndRemembered() async throws {
        try await TestServer().run { client in
            let cookie = try await client.execute(uri: "/?lang=en", method: .get) { response in
                #expect(response.text.contains("<html lang=\"en\">"))
                #expect(response.text.contains("Skip to content"))
                return try #require(response.headers[values: .setCookie].first { $0.hasPrefix("amtsweg_lang=en") })
            }
            try await client.execute(
                uri: "/map", method: .get, headers: [.cookie: String(cookie.prefix { $0 != ";" })]
            ) { response in
                #expect(response.text.contains("<html lang=\"en\">"))
            }
        }
    }

    @Test func staticFilesAreServed() async throws {
        try await TestServer().run { client in
            try await client.execute(uri: "/static/amtsweg.css", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/css") == true)
            }
            try await client.execute(uri: "/static/amtsweg.js", method: .get) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/static/../Package.swift", method: .get) { response in
                #expect(response.status == .notFound || response.status == .badRequest)
                #expect(!response.text.contains("PackageDescription"))
            }
        }
    }

    @Test func diagramsAreSVG() async throws {
        try await TestServer().run { client in
            try await client.execute(uri: "/processes/baugenehmigung-ist/diagram.svg", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "image/svg+xml")
                #expect(response.text.hasPrefix("<svg") && response.text.contains("Vollständigkeit"))
                // Presentation attributes only: the drawing shows as drawn under a CSP without inline styles.
                #expect(!response.text.contains("<style") && !response.text.contains(" style=\""))
            }
            try await client.execute(uri: "/processes/baugenehmigung-ist/bpmn", method: .get) { response in
                #expect(response.headers[.contentType] == "application/xml")
                #expect(response.headers[.contentDisposition]?.contains("baugenehmigung-ist.bpmn") == true)
                #expect(response.text.contains("bpmn:definitions") || response.text.contains("<definitions"))
            }
        }
    }

    @Test func headRequestsAnswerLikeGet() async throws {
        try await TestServer().run { client in
            try await client.execute(uri: "/processes", method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            }
        }
    }

    static let unknown = [
        "/nicht-da", "/map/units/nicht-da", "/processes/nicht-da", "/processes/nicht-da/diagram.svg",
        "/processes/baugenehmigung-ist/steps/nicht-da", "/monitor/logs/nicht-da",
        "/optimize/compare/nicht-da/baugenehmigung-soll",
    ]

    @Test(arguments: unknown)
    func unknownIDsGetAGermanNotFoundPage(path: String) async throws {
        try await TestServer().run { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .notFound, "\(path)")
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.text.contains("Seite nicht gefunden"))
            }
        }
    }

    @Test func escapesWhatUsersTypeIn() async throws {
        try await TestServer().run { client in
            try await client.execute(uri: "/search?q=%3Cscript%3Ealert(1)%3C/script%3E", method: .get) { response in
                #expect(!response.text.contains("<script>alert(1)"))
                #expect(response.text.contains("&lt;script&gt;alert(1)"))
            }
        }
    }
}

/// Templates take every link from `Paths` (as `{{paths.…}}` or a precomputed href), so a moved route cannot leave
/// a dead link behind in a template.
@Suite struct TemplateLinkTests {
    @Test func templatesWriteNoPathByHand() async throws {
        let folder = try await TestServer().configuration.resources.appendingPathComponent("templates")
        let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter {
            $0.hasSuffix(".mustache")
        }
        #expect(files.count > 20, "the templates were found")
        var literal: [String] = []
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for attribute in ["href=\"/", "action=\"/", "src=\"/"] where text.contains(attribute) {
                literal.append("\(file): \(attribute)")
            }
        }
        #expect(literal.isEmpty, "\(literal)")
    }
}

/// English is more than the frame: the templates' words are translated, and none is forgotten.
@Suite struct TranslationTests {
    @Test func everyTemplateTextHasAnEnglishEntry() async throws {
        let server = try await TestServer()
        let resources = server.configuration.resources
        let english = try JSONDecoder().decode(
            [String: String].self,
            from: Data(contentsOf: resources.appendingPathComponent("translations/en.json")))
        let folder = resources.appendingPathComponent("templates")
        let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path)
        var missing: [String] = []
        for file in files where file.hasSuffix(".mustache") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            var rest = text[...]
            while let open = rest.range(of: "{{#t}}"),
                let close = rest.range(of: "{{/t}}", range: open.upperBound..<rest.endIndex)
            {
                let key = String(rest[open.upperBound..<close.lowerBound])
                if english[key] == nil { missing.append("\(file): \(key)") }
                rest = rest[close.upperBound...]
            }
        }
        #expect(missing.isEmpty, "\(missing)")
    }

    /// Sentences built in Swift: figures in English notation, fillings translated, lists item by item.
    @Test func sentencesWithFiguresAndListsBecomeEnglish() async throws {
        let server = try await TestServer()
        let translations = try Translations(
            folder: server.configuration.resources.appendingPathComponent("translations"))
        #expect(
            translations.englishText(
                "Bei 1.570 Fällen im Jahr spart der Soll-Prozess 1.151 Arbeitsstunden, das sind 0,72 Vollzeitstellen "
                    + "oder 74.837 € Personalkosten im Jahr.")
                == "With 1,570 cases a year the target process saves 1,151 working hours, that is 0.72 full-time "
                + "posts or 74,837 € in staff costs a year.")
        #expect(
            translations.englishText("Bauamt: 30,0 Personentage; Organisation und IT: 2.020,5 Personentage")
                == "Bauamt: 30.0 person-days; Organisation und IT: 2,020.5 person-days")
        #expect(
            translations.englishText("Bürgerbüro · Fachverfahren · Bearbeitung 15 min · Meldeverfahren")
                == "Bürgerbüro · Specialist software · Handling 15 min · Meldeverfahren")
        #expect(
            translations.englishText("3. Wo gibt es interne Schnittstellen und zwischen wem?")
                == "3. Where are internal interfaces, and between whom?")
        // Figures alone in English notation; dates are not figures.
        #expect(translations.englishText("1.570") == "1,570")
        #expect(translations.englishText("−0,5 %") == "−0.5 %")
        #expect(translations.englishText("12.03.2026") == nil)
        #expect(translations.englishText("2,1 Arbeitstage") == "2.1 working days")
        #expect(translations.englishText("Liegezeit 8,0 h") == "Waiting time 8.0 h")
        #expect(translations.englishText("2 von 5") == "2 of 5")
        #expect(
            translations.englishText("Medienbruch: „A“ (Papier) → „B“ (Fachverfahren), 0,75 × je Fall")
                == "Media break: “A” (Paper) → “B” (Specialist software), 0.75 × per case")
        #expect(translations.englishText("Zustellung von Bescheiden") == nil, "a figure place takes figures only")
        #expect(
            translations.englishText("„Bautechnische Prüfung“: 10,00 Arbeitstage Liegezeit (Schwellenwert 5,00)")
                == "“Bautechnische Prüfung”: 10.00 working days waiting (threshold 5.00)")
        #expect(translations.englishText("Teil 3 von 4, Zeile 2, Spalte 1") == "Part 3 of 4, row 2, column 1")
        // Names alone (tenant data) are not translated.
        #expect(translations.englishText("Bürgerbüro · Meldeverfahren") == nil)
    }

    /// Every page reachable by links from the start page, in English: no text of the page (between two tags,
    /// white space aside) is a German text of the catalogue whose English differs. The catalogue is read, not
    /// a list written here; tenant data (names of units, processes) is not in it and stays as entered.
    @Test func aCrawlInEnglishFindsNoCataloguedGerman() async throws {
        let server = try await TestServer()
        let english = try JSONDecoder().decode(
            [String: String].self,
            from: Data(contentsOf: server.configuration.resources.appendingPathComponent("translations/en.json")))
        let german = Set(english.filter { $0.key != $0.value && !$0.key.contains("{1") }.keys)
        // Sentences with places ("Bei {1#} Fällen im Jahr …"): no text node may be one of them in German.
        // Those whose words are the same in both languages ("{1} – Amtsweg") are there for their places only.
        let sentences = try english.filter { $0.key.contains("{1") && $0.key.replacing("#", with: "") != $0.value }
            .keys.map { key in
                // A place marked `#` holds a figure only, as in the translation itself.
                let pieces = key.split(separator: /\{[1-9]#?\}/, omittingEmptySubsequences: false)
                    .map { NSRegularExpression.escapedPattern(for: String($0)) }
                let places = key.matches(of: /\{[1-9](#?)\}/).map { $0.output.1.isEmpty ? ".+?" : "[-−+0-9.,  %€]+?" }
                let pattern = zip(pieces, places + [""]).map { $0 + $1 }.joined()
                return (
                    key, try NSRegularExpression(pattern: "^" + pattern + "$", options: [.dotMatchesLineSeparators])
                )
            }
        #expect(sentences.count > 10, "the catalogue has sentences with places")
        try await server.run { client in
            var queue = ["/"], seen: Set<String> = [], found: [String: String] = [:]
            while let path = queue.first, seen.count < 500 {
                queue.removeFirst()
                guard seen.insert(path).inserted else { continue }
                let (status, contentType, html) = try await client.execute(
                    uri: path, method: .get, headers: [.cookie: "amtsweg_lang=en"]
                ) { ($0.status, $0.headers[.contentType] ?? "", $0.text) }
                guard status == .ok, contentType.hasPrefix("text/html") else { continue }
                for match in html.matches(of: /href="(\/[^"#]*)"/) {
                    let link = String(match.1).replacingOccurrences(of: "&amp;", with: "&")
                    let skipped =
                        ["/static", "/api", "/logout", "/login"].contains { link.hasPrefix($0) }
                        || [".svg", ".csv", ".ics", "/bpmn", ".json", ".xes"].contains { link.hasSuffix($0) }
                        || link.contains("lang=")
                    if !skipped && !seen.contains(link) { queue.append(link) }
                }
                var text = html[...]
                for block in ["script", "style", "textarea"] {
                    text = Substring(
                        text.replacing(
                            Regex {
                                "<\(block)"; ZeroOrMore(.any, .reluctant); "</\(block)>"
                            }.dotMatchesNewlines(), with: ""))
                }
                // Text between tags, and what tags say to people: tooltips, screen-reader labels, hints.
                let nodes = text.split(separator: "<").compactMap {
                    $0.split(separator: ">", maxSplits: 1).dropFirst().first.map(String.init)
                }
                let spoken = text.matches(of: /\s(?:title|aria-label|alt|placeholder)="([^"]+)"/).map {
                    String($0.output.1).replacingOccurrences(of: "&quot;", with: "\"")
                        .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
                }
                for node in nodes + spoken {
                    let trimmed = node.trimmingCharacters(in: .whitespacesAndNewlines)
                    if german.contains(trimmed) { found[trimmed] = path }
                    let range = NSRange(trimmed.startIndex..., in: trimmed)
                    for (key, pattern) in sentences where pattern.firstMatch(in: trimmed, range: range) != nil {
                        found[trimmed] = path + " (" + key + ")"
                    }
                }
            }
            #expect(seen.count > 150, "the crawl reached the pages (\(seen.count))")
            #expect(found.isEmpty, "German on English pages: \(found.sorted { $0.key < $1.key })")
        }
    }

    @Test func pagesSpeakEnglishWhenChosen() async throws {
        try await TestServer().run { client in
            try await client.execute(uri: "/processes/baugenehmigung-ist?lang=en", method: .get) { response in
                let html = response.text
                #expect(html.contains("Step list") && html.contains("Key figures") && html.contains("Download BPMN"))
                #expect(!html.contains(">Schrittliste<"), "headings are translated")
                // What a screen reader reads for the diagram, with the process's name as it is.
                #expect(
                    html.contains(#"alt="BPMN diagram “Baugenehmigung (Ist)” with "#), "the diagram's text alternative")
            }
            try await client.execute(uri: "/map/ist?lang=en", method: .get) { response in
                #expect(response.text.contains(#"aria-label="Interaction network: "#))
                #expect(response.text.contains(#" cases a year">"#) && !response.text.contains("Vorgänge im Jahr"))
            }
            try await client.execute(uri: "/processes/baugenehmigung-ist", method: .get) { response in
                #expect(response.text.contains("Schrittliste"), "German stays the default")
            }
            try await client.execute(uri: "/?lang=en", method: .get) { response in
                #expect(response.text.contains("at a glance") && response.text.contains("What do we change first?"))
            }
            try await client.execute(uri: "/?lang=de", method: .get) { response in
                #expect(response.text.contains("auf einen Blick") && response.text.contains("Was ändern wir zuerst?"))
            }
        }
    }
}
