import Foundation
import Mustache

/// The English words of the templates, keyed by their German original.
///
/// Templates wrap their text in `{{#t}}…{{/t}}`; German pages keep it as written, English pages look it up
/// here (`Resources/translations/en.json`), German where an entry is missing. Mustache renders the result as
/// a template, so a text may carry variables: `{{#t}}{{count}} Fälle{{/t}}` → `{{count}} cases`. Texts
/// computed in Swift (figures' sentences, the domain's labels) stay German for now.
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

    /// The lambda templates call as `t`.
    func lambda(for language: Language) -> MustacheLambda {
        switch language {
        case .german: MustacheLambda { text in text }
        case .english:
            MustacheLambda { [english] text in english[text] ?? text }
        }
    }
}
