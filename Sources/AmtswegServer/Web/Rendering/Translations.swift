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
struct Translations: Sendable {
    let english: [String: String]

    init(folder: URL) throws {
        let data = try Data(contentsOf: folder.appendingPathComponent("en.json"))
        english = try JSONDecoder().decode([String: String].self, from: data)
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
            if !raw, let translated = english[text.trimmingCharacters(in: .whitespacesAndNewlines)] {
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
            output += tag
            if tag.hasPrefix("<script") || tag.hasPrefix("<style") || tag.hasPrefix("<textarea") { raw = true }
            if tag.hasPrefix("</script") || tag.hasPrefix("</style") || tag.hasPrefix("</textarea") { raw = false }
            rest = rest[rest.index(after: close)...]
        }
        output += rest
        return output
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
