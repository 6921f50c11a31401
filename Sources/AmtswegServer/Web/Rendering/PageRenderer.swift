import AmtswegCore
import Foundation
import Hummingbird
import Mustache

/// Renders a page's view model with its Mustache template inside the common layout.
///
/// Templates see only view-model structs with every display string precomputed, never domain types.
/// `{{value}}` is HTML-escaped by Mustache; the only raw output (`{{{…}}}`) is SVG that Amtsweg drew itself and
/// pieces rendered from these templates (``RenderedHTML``).
struct PageRenderer: Sendable {
    let library: MustacheLibrary
    let translations: Translations
    /// Comment threads as rendered, by thread and language (``thread(_:answerAction:names:language:csrf:)``).
    let threads = FragmentCache<ThreadKey>(capacity: 20_000)

    /// Everything a rendered thread shows: its comments, where its forms post, the names of whom it mentions.
    struct ThreadKey: Hashable, Sendable {
        var comments: [Comment]
        var answerAction: String?
        var mentioned: [String]
        var language: Language
    }

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

    /// One comment thread (`comments/thread`, ``CommentThreadView``) as a page shows it, rendered once per thread as
    /// shown and language — the comments decide, not their place in the page. Rendered with the kept pages'
    /// form-token placeholder, which is replaced when `csrf` is another token.
    func thread(
        _ thread: CommentThread, answerAction: String?, names: [Mention: String], language: Language, csrf: String
    ) throws -> RenderedHTML {
        let comments = thread.comments
        let key = ThreadKey(
            comments: comments, answerAction: answerAction,
            mentioned: comments.flatMap { $0.mentions.map { names[$0] ?? $0.description } }, language: language)
        let html = try threads.fragment(key) {
            let view = CommentThreadView(thread, answerAction: answerAction, names: names)
            var fields = TemplateValue.box(view) as? [String: Any] ?? [:]
            fields["csrf"] = Pages.tokenPlaceholder
            return try piece("comments/thread", fields: fields, language: language)
        }
        return RenderedHTML(
            html: csrf == Pages.tokenPlaceholder
                ? html : html.replacingOccurrences(of: Pages.tokenPlaceholder, with: csrf))
    }

    /// A piece of a page (a template without the layout) in `language`: the template's words through `t`, and for
    /// English the text nodes as ``page(_:title:section:content:context:tenantName:status:notice:searchQuery:basis:)``
    /// translates them. `fields` are the template's values, boxed or not.
    func piece(_ template: String, fields: Any, language: Language) throws -> String {
        var boxed = TemplateValue.box(fields) as? [String: Any] ?? [:]
        boxed["t"] = translations.lambda(for: language)
        let html = try render(template, boxed)
        return language == .english ? translations.translatingTextNodes(html) : html
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
