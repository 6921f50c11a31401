import Foundation
import Hummingbird
import Mustache

/// Renders a page's view model with its Mustache template inside the common layout.
///
/// Templates see only view-model structs with every display string precomputed, never domain types.
/// `{{value}}` is HTML-escaped by Mustache; the only raw output (`{{{…}}}`) is SVG that Amtsweg drew itself.
struct PageRenderer: Sendable {
    let library: MustacheLibrary
    let translations: Translations

    /// `resources` holds `templates/` and `translations/`.
    init(resources: URL) async throws {
        library = try await MustacheLibrary(directory: resources.appendingPathComponent("templates").path)
        translations = try Translations(folder: resources.appendingPathComponent("translations"))
    }

    /// The rendered page; throws when the template is missing, so a typo is an error and not an empty page.
    func page<Content: Sendable>(
        _ template: String, title: String, section: Section, content: Content, context: AppRequestContext,
        tenantName: String, status: HTTPResponse.Status = .ok, notice: String? = nil, searchQuery: String = "",
        basis: String = ""
    ) throws -> HTMLResponse {
        let language = context.language
        var layout = PageLayout(
            title: translations.text(title, in: language), lang: language.rawValue, csrfToken: context.csrfToken,
            tenantName: tenantName,
            navigation: Section.navigation.map { item in
                .init(
                    label: item.label(language), href: item.href, isCurrent: item == section,
                    hint: item.hint(language))
            },
            searchQuery: searchQuery, notice: notice,
            otherLanguage: language == .german ? "en" : "de",
            otherLanguageLabel: language == .german ? "English" : "Deutsch",
            text: LayoutText(language), person: context.access.map { PersonBar($0, language: language) },
            may: Abilities(context.access), signInHref: context.access == nil ? Paths.login : nil)
        layout.basis = basis
        let view = PageView(
            layout: layout, content: content, paths: PathLinks(), t: translations.lambda(for: language))
        let html = try render(template, view)
        return HTMLResponse(language == .english ? translations.translatingTextNodes(html) : html, status: status)
    }

    func render(_ template: String, _ object: Any) throws -> String {
        guard let html = library.render(TemplateValue.box(object) ?? [String: Any](), withTemplate: template) else {
            throw HTTPError(.internalServerError, message: "Die Vorlage '\(template)' fehlt.")
        }
        return html
    }
}

/// What a page template renders: the frame, the page's own view, the application's fixed paths, and `t`, which translates the templates'
/// own words (see ``Translations``). Made and rendered within one call, so it need not be `Sendable`.
struct PageView<Content: Sendable> {
    var layout: PageLayout
    var content: Content
    var paths: PathLinks
    var t: MustacheLambda
}
