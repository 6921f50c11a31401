import AmtswegXML
import Foundation
import Mustache

/// The English words of the templates, keyed by their German original.
///
/// Templates wrap their text in `{{#t}}…{{/t}}`; German pages keep it as written, English pages look it up
/// here (`Resources/translations/en.json`), German where an entry is missing. Mustache renders the result as
/// a template, so a text may carry variables: `{{#t}}{{count}} Fälle{{/t}}` → `{{count}} cases`. Texts computed
/// in Swift go through ``text(_:in:)`` where they are built; labels that reach a page as they are (a table's
/// row label, a fact's name, a page title, a domain value's label) are translated once more as the page is
/// finished (``translatingTextNodes(_:)``), so no catalogued German word is left on an English page.
///
/// Sentences built in Swift with figures or names in them ("Bei 1.570 Fällen im Jahr …") are catalogued with
/// numbered places: `"Bei {1} Fällen im Jahr …": "With {1} cases a year …"`. The finishing pass replaces a text
/// node that is such a sentence with its English, the places filled with what stood there.
struct Translations: Sendable {
    let english: [String: String]
    let sentences: [Sentence]

    /// A catalogued sentence with places.
    struct Sentence: Sendable {
        var german: String
        var englishTemplate: String
        /// The German text before the first place and after the last: a cheap first test.
        var prefix: String
        var suffix: String
        var pattern: NSRegularExpression
        /// The places that hold a figure (`{1#}`).
        var figures: Set<Int>

        init?(german: String, english: String) {
            let pieces = german.split(separator: /\{[1-9]#?\}/, omittingEmptySubsequences: false).map(String.init)
            guard pieces.count > 1 else { return nil }
            let places = german.matches(of: /\{([1-9])(#?)\}/).map { (String($0.output.1), !$0.output.2.isEmpty) }
            var regex = "^" + NSRegularExpression.escapedPattern(for: pieces[0])
            for ((place, isFigure), piece) in zip(places, pieces.dropFirst()) {
                // `{1#}` holds a figure only ("1.570", "86 %", "−0,5"), so a short sentence cannot swallow text.
                regex +=
                    "(?<p\(place)>" + (isFigure ? "[-−+0-9.,  %€]+?" : ".+?") + ")"
                    + NSRegularExpression.escapedPattern(for: piece)
            }
            guard let compiled = try? NSRegularExpression(pattern: regex + "$", options: [.dotMatchesLineSeparators])
            else { return nil }
            self.german = german
            figures = Set(places.filter(\.1).compactMap { Int($0.0) })
            englishTemplate = english
            prefix = pieces[0]
            suffix = pieces[pieces.count - 1]
            pattern = compiled
        }

        /// A figure in English notation: German groups thousands with "." and separates decimals with ",",
        /// English the other way round ("1.570,5" → "1,570.5"). Anything else ("12.03.2026") stays as it is.
        static func englishFigure(_ german: String) -> String {
            guard german.wholeMatch(of: Self.germanNumber) != nil else { return german }
            return String(german.map { $0 == "." ? "," : $0 == "," ? "." : $0 })
        }

        /// A number as ``Display`` writes it: thousands grouped by "." in threes, decimals after ",", perhaps a
        /// sign and a percent or euro sign.
        nonisolated(unsafe) static let germanNumber = /[-−+]?[0-9]{1,3}(?:\.[0-9]{3})*(?:,[0-9]+)?(?: ?%| ?€)?/

        /// The English of `text` if it is this sentence, else `nil`; what fills a place is translated too where it
        /// is catalogued (a rule's name, a medium, another sentence: a filling is shorter than the text, so this ends).
        func english(of text: String, translating: (String) -> String?) -> String? {
            guard text.hasPrefix(prefix), text.hasSuffix(suffix), text.count > prefix.count + suffix.count,
                let match = pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
            else { return nil }
            var result = englishTemplate
            for place in 1...9 {
                let range = match.range(withName: "p\(place)")
                guard range.location != NSNotFound, let filled = Range(range, in: text) else { continue }
                let filling = String(text[filled])
                let english = figures.contains(place) ? Self.englishFigure(filling) : translating(filling) ?? filling
                result = result.replacingOccurrences(of: "{\(place)}", with: english)
            }
            return result
        }
    }

    init(folder: URL) throws {
        let data = try Data(contentsOf: folder.appendingPathComponent("en.json"))
        let catalogue = try JSONDecoder().decode([String: String].self, from: data)
        english = catalogue
        sentences = catalogue.compactMap { Sentence(german: $0.key, english: $0.value) }
            .sorted { $0.german.count > $1.german.count }  // the most specific first
    }

    /// The English of a whole text: its catalogue entry, a catalogued sentence with places it is, or — for a
    /// list joined with "; " or " · " (effort per unit, a step's facts) — the list of its items' English.
    func englishText(_ german: String) -> String? {
        if let entry = english[german] { return entry }
        // A figure alone (a table's cell) in English notation.
        if let first = german.unicodeScalars.first, first.properties.numericType != nil || first == "-" || first == "−",
            german.wholeMatch(of: Sentence.germanNumber) != nil
        {
            return Sentence.englishFigure(german)
        }
        for sentence in sentences {
            if let found = sentence.english(of: german, translating: englishText) { return found }
        }
        for separator in ["; ", " · "] where german.contains(separator) {
            let items = german.components(separatedBy: separator)
            let english = items.map { englishText($0) }
            if english.contains(where: { $0 != nil }) {
                return zip(items, english).map { $1 ?? $0 }.joined(separator: separator)
            }
        }
        return nil
    }

    /// A text of a view model in the visitor's language (German where the catalogue has no entry).
    func text(_ german: String, in language: Language) -> String {
        language == .english ? english[german] ?? german : german
    }

    /// The English page with every text between two tags that is, apart from surrounding white space, a German
    /// text of the catalogue replaced by its English. Scripts, styles and text areas are left alone; markup is
    /// untouched.
    func translatingTextNodes(_ html: String) -> String {
        var output = ""
        output.reserveCapacity(html.utf8.count + html.utf8.count / 16)
        var rest = Substring(html)
        var raw = false  // inside <script> or <style>, or a text area (what someone typed stays as typed)
        while let open = rest.firstIndex(of: "<") {
            let text = rest[..<open]
            if !raw, let translated = englishText(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                let leading = text.prefix { $0.isWhitespace }, trailing = text.reversed().prefix { $0.isWhitespace }
                output += leading + translated + String(trailing.reversed())
            } else {
                output += text
            }
            guard let close = rest[open...].firstIndex(of: ">") else {
                rest = rest[open...]
                break
            }
            let tag = rest[open...close]
            output += raw ? String(tag) : translatingAttributes(tag)
            if tag.hasPrefix("<script") || tag.hasPrefix("<style") || tag.hasPrefix("<textarea") { raw = true }
            if tag.hasPrefix("</script") || tag.hasPrefix("</style") || tag.hasPrefix("</textarea") { raw = false }
            rest = rest[rest.index(after: close)...]
        }
        output += rest
        return output
    }

    /// What a tag says to people rather than to the browser — a tooltip (`title`), what a screen reader reads
    /// (`aria-label`, `alt`), a field's hint (`placeholder`) — in English where the catalogue knows it; the
    /// rest of the tag as it is.
    func translatingAttributes(_ tag: Substring) -> String {
        guard tag.contains("=\"") else { return String(tag) }
        var output = ""
        var rest = tag
        while let match = rest.firstMatch(of: Self.spokenAttribute) {
            output += rest[..<match.output.2.startIndex]
            let value = match.output.2
            if let english = englishText(Self.unescaped(value)) {
                output += XMLText.escaped(english)
            } else {
                output += value
            }
            rest = rest[value.endIndex...]
        }
        return output + rest
    }

    nonisolated(unsafe) private static let spokenAttribute = /\s(title|aria-label|alt|placeholder)="([^"]+)"/

    /// An attribute's value as written by Mustache or ``XMLText`` back to its text.
    static func unescaped(_ value: Substring) -> String {
        guard value.contains("&") else { return String(value) }
        return value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&#x27;", with: "'").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The lambda templates call as `t`.
    func lambda(for language: Language) -> MustacheLambda {
        switch language {
        case .german: MustacheLambda { text in text }
        case .english:
            MustacheLambda { [english] text in english[text] ?? text }
        }
    }
}
