public import AmtswegCore
public import Foundation
import Mustache

/// The roadmap's exports for the command line; the pages serve the same texts.
public enum RoadmapExport {
    /// The initiatives as CSV (semicolons, UTF-8).
    public static func csv(_ plan: RoadmapPlan, map: TenantMap) -> String { RoadmapCSV.text(plan, map: map) }

    /// The milestones as iCalendar.
    public static func calendar(_ plan: RoadmapPlan, tenant: ID<Tenant>, now: Date) -> String {
        RoadmapCalendar.text(plan, tenant: tenant, now: now)
    }

    /// A conflict of the schedule in words, naming initiatives and units.
    public static func describe(_ conflict: ScheduleConflict, plan: RoadmapPlan, map: TenantMap) -> String {
        let units = Dictionary(map.units.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        return RoadmapView.describe(conflict, roadmap: plan.roadmap, units: units)
    }

    /// The print document as one HTML file; `stylesheet` is where it finds Amtsweg's CSS (a URL path when served,
    /// a file URL when the command line hands it to the browser for a PDF).
    public static func printHTML(
        _ plan: RoadmapPlan, map: TenantMap, stylesheet: String, resources: URL, language: Language = .german
    ) async throws -> String {
        try await Renderer(resources: resources).printHTML(plan, map: map, stylesheet: stylesheet, language: language)
    }

    /// The templates loaded once, as the server loads them at start, for rendering many documents.
    public struct Renderer: Sendable {
        let pages: PageRenderer

        public init(resources: URL) async throws { pages = try await PageRenderer(resources: resources) }

        init(pages: PageRenderer) { self.pages = pages }

        public func printHTML(
            _ plan: RoadmapPlan, map: TenantMap, stylesheet: String, language: Language = .german
        ) throws -> String {
            let html = try pages.render(
                "roadmap/print",
                RoadmapPrintView(
                    plan: plan, map: map, stylesheet: stylesheet, language: language,
                    t: pages.translations.lambda(for: language)))
            return language == .english ? pages.translations.translatingTextNodes(html) : html
        }
    }
}

/// The print document: the roadmap view with the title block a printed roadmap needs, in the reader's language
/// (the template's words through `t`, like every page). Made and rendered within one call.
struct RoadmapPrintView {
    var roadmap: RoadmapView
    var tenant: String
    var stylesheet: String
    var date: String
    var lang: String
    var t: MustacheLambda

    init(plan: RoadmapPlan, map: TenantMap, stylesheet: String, language: Language, t: MustacheLambda) {
        roadmap = RoadmapView(plan: plan, map: map, csrf: "")
        tenant = map.tenant.name
        self.stylesheet = stylesheet
        date = GermanFormat.date(plan.today)
        lang = language.rawValue
        self.t = t
    }
}
