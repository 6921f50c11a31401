import AmtswegCore
import AmtswegStore
import Foundation
import Hummingbird

/// One initiative: its page (how its priority is made up, where the schedule put it, its links and progress
/// notes), the form to create it — also straight from a problem spot, an Ist/Soll pair or a workshop finding —
/// and the forms to change it and to report progress.
struct InitiativePages: Sendable {
    let pages: Pages
    var roadmapPages: RoadmapPages { RoadmapPages(pages: pages) }

    func addRoutes(to routes: RouteTable) {
        routes.get(Paths.newInitiative, .planRoadmap) { request, context in try await new(request, context) }
        routes.post(Paths.initiatives, .planRoadmap) { request, context in try await save(request, context, id: nil) }
        routes.get(Paths.initiativePattern, .read) { request, context in try await show(request, context, form: nil) }
        routes.post(Paths.initiativePattern, .planRoadmap) { request, context in
            try await save(request, context, id: try context.parameters.require("id"))
        }
        routes.post(Paths.initiativeNotesPattern, .reportProgress, scope: .initiative(parameter: "id")) {
            request, context in try await addNote(request, context)
        }
    }

    // MARK: - New

    func new(_ request: Request, _ context: AppRequestContext) async throws -> HTMLResponse {
        let (snapshot, plan) = try await roadmapPages.plan(context)
        let query = request.uri.queryParameters
        var form = InitiativeForm()
        if let key = query["spot"].map(String.init) {
            guard let spot = plan.spots.first(where: { $0.key == key }) else {
                throw HTTPError(.notFound, message: "Diese Schwachstelle gibt es nicht mehr.")
            }
            let main = spot.links.first
            form.title = "\(spot.title) beheben: \(main?.name ?? "")"
            form.description = spot.detail
            form.spotKeys = [key]
            form.processIDs = [main?.processID ?? (main?.kind == .process ? main?.id : nil)].compactMap { $0 }
            form.owner = form.processIDs.first.flatMap { snapshot.record($0)?.ownerUnitID?.rawValue } ?? ""
            form.origin = "Aus der Schwachstelle „\(spot.title)“: \(spot.detail)"
        } else if let ist = query["ist"].map(String.init), let soll = query["soll"].map(String.init) {
            guard let istRecord = snapshot.record(ist), let sollRecord = snapshot.record(soll) else {
                throw HTTPError(.notFound, message: "Diese Prozesse gibt es nicht.")
            }
            form.title = "\(sollRecord.name) umsetzen"
            form.ist = ist
            form.soll = soll
            form.serviceIDs = [istRecord.serviceID?.rawValue].compactMap { $0 }
            form.owner = istRecord.ownerUnitID?.rawValue ?? ""
            form.origin =
                "Aus dem Vergleich „\(istRecord.name)“ → „\(sollRecord.name)“; die Einsparung wird daraus berechnet."
        } else if let id = query["finding"].map(String.init) {
            guard let finding = snapshot.map.findings.first(where: { $0.id.rawValue == id }) else {
                throw HTTPError(.notFound, message: "Einen Workshop-Befund „\(id)“ gibt es nicht.")
            }
            form.title = String(finding.text.prefix(120))
            form.finding = id
            form.owner = finding.unitID?.rawValue ?? ""
            form.origin = "Aus dem Workshop-Befund vom \(GermanFormat.date(finding.recordedOn)): \(finding.text)"
        }
        form.prepare(roadmap: plan.roadmap, map: snapshot.map, csrf: context.csrfToken)
        return try pages.page(
            "roadmap/initiative-form", title: "Maßnahme anlegen", section: .roadmap, content: form, context: context,
            snapshot: snapshot)
    }

    // MARK: - Save

    func save(_ request: Request, _ context: AppRequestContext, id: String?) async throws -> Response {
        let input = try await FormInput.read(request, context: context, limit: pages.configuration.maxFormBytes)
        let (snapshot, plan) = try await roadmapPages.plan(context)
        var roadmap = plan.roadmap
        let existing = id.map { roadmap.initiative(ID($0)) } ?? nil
        if let id, existing == nil { throw HTTPError(.notFound, message: "Eine Maßnahme „\(id)“ gibt es nicht.") }
        var form = InitiativeForm(input, existing: existing)
        let newID =
            existing?.id ?? ID(RoadmapSettingsPages.nextID("M", roadmap.initiatives.map(\.id.rawValue), digits: 2))
        guard
            let initiative = form.validate(
                id: newID, in: roadmap, map: snapshot.map, processIDs: Set(snapshot.records.map(\.id)))
        else {
            form.prepare(roadmap: roadmap, map: snapshot.map, csrf: context.csrfToken)
            if let existing {
                return try await show(request, context, form: form, initiative: existing, status: .unprocessableContent)
                    .response(from: request, context: context)
            }
            return try pages.page(
                "roadmap/initiative-form", title: "Maßnahme anlegen", section: .roadmap, content: form,
                context: context, snapshot: snapshot, status: .unprocessableContent
            ).response(from: request, context: context)
        }
        if let index = roadmap.initiatives.firstIndex(where: { $0.id == newID }) {
            roadmap.initiatives[index] = initiative
        } else {
            roadmap.initiatives.append(initiative)
        }
        try await pages.workspace.saveRoadmap(
            roadmap, of: snapshot.map.tenant.id,
            change: MapChange(
                action: existing == nil ? "createInitiative" : "updateInitiative", object: "initiative:\(newID)",
                summary: "Maßnahme \(existing == nil ? "angelegt" : "geändert"): \(initiative.title)"),
            by: context.author)
        return SeeOther(location: Paths.initiative(newID) + "?saved=1").response(from: request, context: context)
    }

    func addNote(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let input = try await FormInput.read(request, context: context, limit: pages.configuration.maxFormBytes)
        let id = ID<Initiative>(try context.parameters.require("id"))
        let (snapshot, plan) = try await roadmapPages.plan(context)
        var roadmap = plan.roadmap
        guard let index = roadmap.initiatives.firstIndex(where: { $0.id == id }) else {
            throw HTTPError(.notFound, message: "Eine Maßnahme „\(id)“ gibt es nicht.")
        }
        let text = input[InitiativeField.note]
        guard !text.isEmpty, text.count <= 4_000 else {
            throw HTTPError(
                .unprocessableContent, message: "Bitte einen Vermerk von höchstens 4.000 Zeichen schreiben.")
        }
        roadmap.initiatives[index].notes.append(
            .init(day: roadmapPages.today, author: context.author.displayName, text: text))
        try await pages.workspace.saveRoadmap(
            roadmap, of: snapshot.map.tenant.id,
            change: MapChange(
                action: "addProgressNote", object: "initiative:\(id)",
                summary: "Fortschritt vermerkt: \(roadmap.initiatives[index].title)"),
            by: context.author)
        return SeeOther(location: Paths.initiative(id) + "?saved=1#notes").response(from: request, context: context)
    }

    // MARK: - Show

    func show(
        _ request: Request, _ context: AppRequestContext, form: InitiativeForm?, initiative given: Initiative? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> HTMLResponse {
        let (snapshot, plan) = try await roadmapPages.plan(context)
        let id = ID<Initiative>(try context.parameters.require("id"))
        guard let initiative = given ?? plan.roadmap.initiative(id) else {
            throw HTTPError(.notFound, message: "Eine Maßnahme „\(id)“ gibt es nicht.")
        }
        let access = context.access
        let mayPlan = access?.may(.planRoadmap, forUnits: [], in: snapshot.map) == true
        let mayReport =
            access?.may(.reportProgress, forUnits: [initiative.ownerUnitID].compactMap { $0 }, in: snapshot.map) == true
        var editForm = form ?? InitiativeForm(initiative)
        if form == nil { editForm.prepare(roadmap: plan.roadmap, map: snapshot.map, csrf: context.csrfToken) }
        var view = InitiativeView(
            initiative: initiative, plan: plan, snapshot: snapshot, form: mayPlan ? editForm : nil,
            mayReport: mayReport, csrf: context.csrfToken)
        view.sourceProposal = try await pages.workspace.proposals(of: snapshot.map.tenant.id)
            .first { $0.initiativeID == initiative.id }
            .map { .init(label: $0.title, href: Paths.proposal($0.id)) }
        view.comments = CommentSectionView(
            .initiative(initiative.id),
            comments: snapshot.visible(try await pages.workspace.comments(of: snapshot.map.tenant.id)),
            mayComment: access?.may(.comment, forUnits: [], in: snapshot.map) == true, map: snapshot.map,
            people: try await CommentPages.people(of: snapshot.map.tenant.id, in: pages.workspace),
            csrf: context.csrfToken)
        return try pages.page(
            "roadmap/initiative", title: initiative.title, section: .roadmap, content: view, context: context,
            snapshot: snapshot, status: status,
            notice: request.uri.queryParameters["saved"] != nil ? "Gespeichert." : nil)
    }
}
