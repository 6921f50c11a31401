import AmtswegCore
import AmtswegStore
import Foundation
import Hummingbird

/// The roadmap in the API: the whole plan with values, scores and schedule; goals with their measurements;
/// initiatives to list, read and create; measurement points to record.
extension APIController {
    func addRoadmapRoutes(to routes: RouteTable) {
        let roadmap = Paths.api + "/roadmap"
        routes.get(roadmap, .read) { request, context in try await plan(context) }
        routes.get(roadmap + "/goals", .read) { request, context in try await goals(context) }
        routes.get(roadmap + "/schedule", .read) { request, context in try await schedule(context) }
        routes.get(roadmap + "/initiatives", .read) { request, context in
            let (_, plan) = try await RoadmapPages(pages: pages).plan(context)
            return try Self.paginate(plan.roadmap.initiatives, request)
        }
        routes.post(roadmap + "/initiatives", .planRoadmap) { request, context in
            try await createInitiative(request, context)
        }
        routes.get(roadmap + "/initiatives/:id", .read) { request, context in
            let (_, plan) = try await RoadmapPages(pages: pages).plan(context)
            let id = try context.parameters.require("id")
            guard let initiative = plan.roadmap.initiative(ID(id)) else {
                throw HTTPError(.notFound, message: "Eine Maßnahme „\(id)“ gibt es nicht.")
            }
            return JSONBody(initiative)
        }
        routes.add(.put, roadmap + "/initiatives/:id", .planRoadmap, scope: nil) { request, context in
            try await replaceInitiative(request, context)
        }
        routes.add(.delete, roadmap + "/initiatives/:id", .planRoadmap, scope: nil) { request, context in
            try await deleteInitiative(request, context)
        }
        routes.post(roadmap + "/measurements", .planRoadmap) { request, context in
            try await recordMeasurement(request, context)
        }
    }

    /// The roadmap with what Amtsweg computes from it.
    struct PlanDocument: Encodable, Sendable {
        var today: Day
        var roadmap: Roadmap
        var currentValues: [String: Double]
        var scores: [PriorityScore]
        var schedule: ScheduleDocument?
        var scheduleError: String?
    }

    struct ScheduleDocument: Encodable, Sendable {
        struct Placement: Encodable, Sendable {
            var initiative: ID<Initiative>
            var start: Quarter
            var end: Quarter
            var fixed: Bool
        }
        struct Load: Encodable, Sendable {
            var unit: ID<OrgUnit>
            var quarter: Quarter
            var personDays: Double
        }
        var start: Quarter
        var placements: [Placement]
        var load: [Load]
        var conflicts: [String]

        init(_ schedule: RoadmapScheduler.Schedule, plan: RoadmapPlan, map: TenantMap) {
            start = Quarter(plan.today)
            placements = schedule.order.compactMap { id in
                schedule.placements[id].map { .init(initiative: id, start: $0.start, end: $0.end, fixed: $0.isFixed) }
            }
            load = schedule.load.sorted { $0.key < $1.key }.flatMap { unit, quarters in
                quarters.sorted { $0.key < $1.key }.map { Load(unit: unit, quarter: $0.key, personDays: $0.value) }
            }
            conflicts = schedule.conflicts.map { RoadmapExport.describe($0, plan: plan, map: map) }
        }
    }

    struct GoalDocument: Encodable, Sendable {
        var goal: Goal
        var current: Double?
        var onTrack: Bool
        var measurements: [IndicatorMeasurement]

        init(_ goal: Goal, plan: RoadmapPlan) {
            self.goal = goal
            current = plan.currentValues[goal.indicator.key]
            onTrack = plan.isOnTrack(goal)
            measurements = plan.measurements.filter { $0.indicatorKey == goal.indicator.key }
        }
    }

    func plan(_ context: AppRequestContext) async throws -> JSONBody<PlanDocument> {
        let (snapshot, plan) = try await RoadmapPages(pages: pages).plan(context)
        return JSONBody(
            PlanDocument(
                today: plan.today, roadmap: plan.roadmap, currentValues: plan.currentValues, scores: plan.scores,
                schedule: plan.schedule.map { ScheduleDocument($0, plan: plan, map: snapshot.map) },
                scheduleError: plan.scheduleError))
    }

    func goals(_ context: AppRequestContext) async throws -> JSONBody<[GoalDocument]> {
        let (_, plan) = try await RoadmapPages(pages: pages).plan(context)
        return JSONBody(plan.roadmap.goals.map { GoalDocument($0, plan: plan) })
    }

    func schedule(_ context: AppRequestContext) async throws -> JSONBody<ScheduleDocument> {
        let (snapshot, plan) = try await RoadmapPages(pages: pages).plan(context)
        guard let schedule = plan.schedule else {
            throw HTTPError(.unprocessableContent, message: plan.scheduleError ?? "Kein Zeitplan.")
        }
        return JSONBody(ScheduleDocument(schedule, plan: plan, map: snapshot.map))
    }

    func createInitiative(_ request: Request, _ context: AppRequestContext) async throws
        -> EditedResponse<JSONBody<Initiative>>
    {
        let initiative = try await request.decode(as: Initiative.self, context: context)
        guard initiative.id.isWellFormed else {
            throw HTTPError(.unprocessableContent, message: "Die Kennung „\(initiative.id)“ ist nicht verwendbar.")
        }
        let (snapshot, plan) = try await RoadmapPages(pages: pages).plan(context)
        var roadmap = plan.roadmap
        guard roadmap.initiative(initiative.id) == nil else {
            throw HTTPError(.conflict, message: "Eine Maßnahme „\(initiative.id)“ gibt es schon.")
        }
        roadmap.initiatives.append(initiative)
        try await pages.workspace.saveRoadmap(
            roadmap, of: snapshot.map.tenant.id,
            change: MapChange(
                action: "createInitiative", object: "initiative:\(initiative.id)",
                summary: "Maßnahme angelegt: \(initiative.title)"),
            by: context.author)
        return EditedResponse(
            status: .created,
            headers: [.location: Paths.api + "/roadmap/initiatives/" + Paths.escape(initiative.id.rawValue)],
            response: JSONBody(initiative))
    }

    /// Replaces an initiative; the id is the path's (one in the body must be the same).
    func replaceInitiative(_ request: Request, _ context: AppRequestContext) async throws -> JSONBody<Initiative> {
        let id = ID<Initiative>(try context.parameters.require("id"))
        let (snapshot, plan) = try await RoadmapPages(pages: pages).plan(context)
        var roadmap = plan.roadmap
        guard let index = roadmap.initiatives.firstIndex(where: { $0.id == id }) else {
            throw HTTPError(.notFound, message: "Eine Maßnahme „\(id)“ gibt es nicht.")
        }
        let initiative = try await request.decode(as: Initiative.self, context: context)
        guard initiative.id == id else {
            throw HTTPError(
                .unprocessableContent,
                message: "Die Kennung im Inhalt („\(initiative.id)“) ist nicht die der Adresse („\(id)“).")
        }
        roadmap.initiatives[index] = initiative
        try await pages.workspace.saveRoadmap(
            roadmap, of: snapshot.map.tenant.id,
            change: MapChange(
                action: "updateInitiative", object: "initiative:\(id)",
                summary: "Maßnahme geändert: \(initiative.title)"),
            by: context.author)
        return JSONBody(initiative)
    }

    /// What a deletion changed: the initiatives that depended on the deleted one lose that dependency.
    struct DeletionDocument: Encodable, Sendable {
        var deleted: ID<Initiative>
        var unlinked: [ID<Initiative>]
    }

    func deleteInitiative(_ request: Request, _ context: AppRequestContext) async throws -> JSONBody<DeletionDocument> {
        let id = ID<Initiative>(try context.parameters.require("id"))
        let (snapshot, plan) = try await RoadmapPages(pages: pages).plan(context)
        guard let removed = plan.roadmap.initiative(id) else {
            throw HTTPError(.notFound, message: "Eine Maßnahme „\(id)“ gibt es nicht.")
        }
        let (changed, unlinked) = plan.roadmap.removingInitiative(id)
        try await pages.workspace.saveRoadmap(
            changed, of: snapshot.map.tenant.id,
            change: MapChange(
                action: "deleteInitiative", object: "initiative:\(id)", summary: "Maßnahme gelöscht: \(removed.title)"),
            by: context.author)
        return JSONBody(DeletionDocument(deleted: id, unlinked: unlinked))
    }

    struct MeasurementDocument: Encodable, Sendable {
        var recorded: Bool
        var day: Day
        var values: [IndicatorMeasurement]
        var missing: [String]
    }

    func recordMeasurement(_ request: Request, _ context: AppRequestContext) async throws
        -> EditedResponse<JSONBody<MeasurementDocument>>
    {
        let tenant = try await pages.snapshot(context).map.tenant.id
        let values = request.uri.queryParameters.getAll("force")
        guard values.allSatisfy({ $0 == "true" || $0 == "false" }), Set(values).count <= 1 else {
            throw HTTPError(.badRequest, message: "force muss true oder false sein.")
        }
        let force = values.first == "true"
        let outcome = try await RoadmapMeasurement.run(
            workspace: pages.workspace, tenant: tenant, day: Day(pages.configuration.now()), force: force,
            by: context.author)
        return EditedResponse(
            status: outcome.recorded ? .created : .ok,
            response: JSONBody(
                MeasurementDocument(
                    recorded: outcome.recorded, day: outcome.day, values: outcome.values, missing: outcome.missing)))
    }
}
