import AmtswegCore
import AmtswegStore
import Foundation
import Hummingbird

/// The Fahrplan: Zielbild, goals with their trends, fields of action and initiatives, the schedule, priorities
/// and the units' load on one page; the measurement button; the exports.
struct RoadmapPages: Sendable {
    let pages: Pages

    func addRoutes(to routes: RouteTable) {
        routes.get(Paths.roadmap, .read) { request, context in try await overview(request, context) }
        routes.post(Paths.roadmapMeasurements, .planRoadmap) { request, context in try await measure(request, context) }
        routes.get(Paths.roadmapCSV, .read) { request, context in
            let (snapshot, plan) = try await plan(context)
            try await audit(context, "Maßnahmen als CSV exportiert")
            return FileResponse(
                body: RoadmapCSV.text(plan, map: snapshot.map), contentType: "text/csv; charset=utf-8",
                fileName: "fahrplan-massnahmen.csv")
        }
        routes.get(Paths.roadmapICS, .read) { request, context in
            let (snapshot, plan) = try await plan(context)
            try await audit(context, "Meilensteine als Kalender exportiert")
            return FileResponse(
                body: RoadmapCalendar.text(plan, tenant: snapshot.map.tenant.id, now: pages.configuration.now()),
                contentType: "text/calendar; charset=utf-8", fileName: "fahrplan.ics")
        }
        routes.get(Paths.roadmapPrint, .read) { request, context in
            let (snapshot, plan) = try await plan(context)
            let html = try RoadmapExport.Renderer(pages: pages.renderer).printHTML(
                plan, map: snapshot.map, stylesheet: Paths.stylesheet, language: context.language)
            return HTMLResponse(html)
        }
    }

    /// Today, as the municipality counts days.
    var today: Day { Day(pages.configuration.now()) }

    /// The plan of the tenant's roadmap for today, computed once per state of the data.
    func plan(_ context: AppRequestContext) async throws -> (TenantSnapshot, RoadmapPlan) {
        let snapshot = try await pages.snapshot(context)
        let tenant = snapshot.map.tenant.id
        let today = today
        let workspace = pages.workspace
        // Made from the roadmap with its measurements and the OZG catalogue's data: a comment or a vote leaves it,
        // and so does a new wording of the vision, which nothing in the plan depends on — put in as kept now.
        var plan = try await workspace.derived(from: snapshot, "roadmap-plan|\(today)", areas: [.roadmap, .data]) {
            let roadmap = try await workspace.roadmap(of: tenant)
            let measurements = try await workspace.repository.measurements(of: tenant)
            return RoadmapPlan(
                snapshot: snapshot, roadmap: roadmap, measurements: measurements, today: today,
                evaluator: try await workspace.indicatorEvaluator(snapshot))
        }
        plan.roadmap.vision = try await workspace.vision(of: tenant)
        return (snapshot, plan)
    }

    func overview(_ request: Request, _ context: AppRequestContext) async throws -> HTMLResponse {
        let today = today
        let query = request.uri.queryParameters
        let notice: String? =
            switch query["measured"] {
            case "1": "Messpunkt vom \(GermanFormat.date(today)) erfasst."
            case "0": "Für heute gibt es schon einen Messpunkt; er bleibt unverändert."
            default: query["saved"] != nil ? "Gespeichert." : nil
            }
        // Kept per state of the data and day, like the plan it shows.
        if let tenant = context.tenantID,
            let kept = pages.keptPage(request, context, tenant: tenant, notice: notice, variant: "\(today)")
        {
            return kept
        }
        let (snapshot, plan) = try await plan(context)
        // The plan is the frame, the vision its piece: a new wording of the vision renders the vision alone.
        return try await pages.cachedPage(
            request, "roadmap/overview", title: "Fahrplan", section: .roadmap, context: context, snapshot: snapshot,
            notice: notice, variant: "\(today)", areas: [.roadmap, .data], pieceAreas: [.vision]
        ) { csrf, slot in
            var view = RoadmapView(plan: plan, map: snapshot.map, csrf: csrf)
            view.visionSlot = slot(RoadmapVisionView.slot)
            return view
        } pieces: { [renderer = pages.renderer, language = context.language] _, _, _ in
            let vision = RoadmapVisionView(plan.roadmap.vision, map: snapshot.map)
            return [RoadmapVisionView.slot: try renderer.piece("roadmap/vision", fields: vision, language: language)]
        }
    }

    /// Records today's measurement point (again, when the form asks to replace it).
    func measure(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let input = try await FormInput.read(request, context: context, limit: pages.configuration.maxFormBytes)
        let tenant = try await pages.snapshot(context).map.tenant.id
        let outcome = try await RoadmapMeasurement.run(
            workspace: pages.workspace, tenant: tenant, day: today, force: input[MeasurementField.force] == "1",
            by: context.author)
        return SeeOther(location: Paths.roadmap + "?measured=\(outcome.recorded ? 1 : 0)#goals")
            .response(from: request, context: context)
    }
}

extension RoadmapPages {
    /// Exports are in the audit log, like every other export.
    func audit(_ context: AppRequestContext, _ summary: String) async throws {
        guard let tenant = context.tenantID else { return }
        try await pages.workspace.accounts.audit(
            ChangeRecord(
                tenantID: tenant, at: Date(), author: context.author, action: "exportRoadmap", summary: summary,
                object: "roadmap"))
    }
}

enum MeasurementField: String, FormField { case force }
