import AmtswegCore
import AmtswegStore
import Foundation
import Hummingbird

/// Planning the roadmap through the API: the Zielbild, goals and fields of action (create, read, replace,
/// delete), the priority weights and the capacities — the same changes the planning page makes, with the same
/// checks (the store refuses a roadmap with problems and names each) and the same audit entries.
extension APIController {
    func addRoadmapPlanningRoutes(to routes: RouteTable) {
        let roadmap = Paths.api + "/roadmap"
        routes.get(roadmap + "/vision", .read) { _, context in
            guard let vision = try await RoadmapPages(pages: pages).plan(context).1.roadmap.vision else {
                throw HTTPError(.notFound, message: "Es gibt noch kein Zielbild.")
            }
            return JSONBody(vision)
        }
        routes.add(.put, roadmap + "/vision", .planRoadmap, scope: nil) { request, context in
            let vision = try await request.decode(as: Vision.self, context: context)
            // The vision alone is written: a concurrent change of goals or initiatives stays as it is.
            let tenant = try await pages.snapshot(context).map.tenant.id
            try await pages.workspace.saveVision(
                vision, of: tenant,
                change: MapChange(action: "saveVision", object: "roadmap", summary: "Zielbild geändert"),
                by: context.author)
            return JSONBody(vision)
        }
        routes.add(.put, roadmap + "/weights", .planRoadmap, scope: nil) { request, context in
            let weights = try await request.decode(as: PriorityWeights.self, context: context)
            try await editRoadmap(
                context, MapChange(action: "saveWeights", object: "roadmap", summary: "Gewichte geändert")
            ) { $0.weights = weights }
            return JSONBody(weights)
        }
        routes.add(.put, roadmap + "/capacities", .planRoadmap, scope: nil) { request, context in
            let capacities = try await request.decode(as: [UnitCapacity].self, context: context)
            try await editRoadmap(
                context, MapChange(action: "saveCapacities", object: "roadmap", summary: "Kapazitäten geändert")
            ) { $0.capacities = capacities }
            return JSONBody(capacities)
        }

        routes.get(roadmap + "/goals/:id", .read) { _, context in
            let (_, plan) = try await RoadmapPages(pages: pages).plan(context)
            let id = ID<Goal>(try context.parameters.require("id"))
            guard let goal = plan.roadmap.goal(id) else { throw Self.goals.notFound(id.rawValue) }
            return JSONBody(GoalDocument(goal, plan: plan))
        }
        addCollectionRoutes(Self.goals, to: routes)

        routes.get(roadmap + "/fields", .read) { request, context in
            try Self.paginate(try await RoadmapPages(pages: pages).plan(context).1.roadmap.fields, request)
        }
        routes.get(roadmap + "/fields/:id", .read) { _, context in
            let id = ID<FieldOfAction>(try context.parameters.require("id"))
            guard let field = try await RoadmapPages(pages: pages).plan(context).1.roadmap.field(id) else {
                throw Self.fields.notFound(id.rawValue)
            }
            return JSONBody(field)
        }
        addCollectionRoutes(Self.fields, to: routes)
    }

    /// Loads the roadmap, applies `edit` and saves it; the store checks the result and refuses it whole.
    @discardableResult
    func editRoadmap<Result>(
        _ context: AppRequestContext, _ change: MapChange, _ edit: (inout Roadmap) throws -> Result
    ) async throws -> Result {
        let snapshot = try await pages.snapshot(context)
        let tenant = snapshot.map.tenant.id
        var roadmap = try await pages.workspace.roadmap(of: tenant)
        let result = try edit(&roadmap)
        try await pages.workspace.saveRoadmap(roadmap, of: tenant, change: change, by: context.author)
        return result
    }

    // MARK: - Goals and fields of action

    /// A list of the roadmap whose items have ids: what the create, replace and delete routes need to know.
    struct RoadmapCollection<Item: Codable & Sendable>: Sendable {
        /// Below `/api/v1/roadmap`.
        var path: String
        var items: any WritableKeyPath<Roadmap, [Item]> & Sendable
        var id: @Sendable (Item) -> String
        /// "goal" or "field": the audit object's prefix and the actions' suffix.
        var kind: String
        /// "Ziel", "Handlungsfeld" (both neuter, so "ein" fits both).
        var noun: String
        /// Removes the item and everything's link to it; returns the titles of what lost a link.
        var remove: @Sendable (Roadmap, String) -> (Roadmap, [String])

        func notFound(_ id: String) -> HTTPError { HTTPError(.notFound, message: "Ein \(noun) „\(id)“ gibt es nicht.") }
    }

    static let goals = RoadmapCollection<Goal>(
        path: "/goals", items: \.goals, id: \.id.rawValue, kind: "goal", noun: "Ziel",
        remove: { roadmap, id in
            let (changed, unlinked) = roadmap.removingGoal(ID(id))
            return (changed, unlinked)
        })

    static let fields = RoadmapCollection<FieldOfAction>(
        path: "/fields", items: \.fields, id: \.id.rawValue, kind: "field", noun: "Handlungsfeld",
        remove: { roadmap, id in
            let (changed, unlinked) = roadmap.removingField(ID(id))
            return (changed, unlinked)
        })

    /// What a deletion changed: what lost its link to the deleted goal or field (titles).
    struct RemovalDocument: Encodable, Sendable {
        var deleted: String
        var unlinked: [String]
    }

    func addCollectionRoutes<Item: Codable & Sendable>(_ collection: RoadmapCollection<Item>, to routes: RouteTable) {
        let path = Paths.api + "/roadmap" + collection.path
        let action = collection.kind.prefix(1).uppercased() + collection.kind.dropFirst()
        routes.post(path, .planRoadmap) { request, context in
            let item = try await request.decode(as: Item.self, context: context)
            let id = collection.id(item)
            guard ID<Item>(id).isWellFormed else {
                throw HTTPError(.unprocessableContent, message: "Die Kennung „\(id)“ ist nicht verwendbar.")
            }
            try await editRoadmap(
                context,
                MapChange(
                    action: "create\(action)", object: "\(collection.kind):\(id)",
                    summary: "\(collection.noun) angelegt: \(id)")
            ) { roadmap in
                guard !roadmap[keyPath: collection.items].contains(where: { collection.id($0) == id }) else {
                    throw HTTPError(.conflict, message: "Ein \(collection.noun) „\(id)“ gibt es schon.")
                }
                roadmap[keyPath: collection.items].append(item)
            }
            return EditedResponse(
                status: .created, headers: [.location: path + "/" + Paths.escape(id)], response: JSONBody(item))
        }
        routes.add(.put, path + "/:id", .planRoadmap, scope: nil) { request, context in
            let id = try context.parameters.require("id")
            // An unknown id is named before the body is read, as for initiatives.
            let known = try await RoadmapPages(pages: pages).plan(context).1.roadmap[keyPath: collection.items]
            guard known.contains(where: { collection.id($0) == id }) else { throw collection.notFound(id) }
            let item = try await request.decode(as: Item.self, context: context)
            guard collection.id(item) == id else {
                throw HTTPError(
                    .unprocessableContent,
                    message: "Die Kennung im Inhalt („\(collection.id(item))“) ist nicht die der Adresse („\(id)“).")
            }
            try await editRoadmap(
                context,
                MapChange(
                    action: "update\(action)", object: "\(collection.kind):\(id)",
                    summary: "\(collection.noun) geändert: \(id)")
            ) { roadmap in
                guard let index = roadmap[keyPath: collection.items].firstIndex(where: { collection.id($0) == id })
                else { throw collection.notFound(id) }
                roadmap[keyPath: collection.items][index] = item
            }
            return JSONBody(item)
        }
        routes.add(.delete, path + "/:id", .planRoadmap, scope: nil) { _, context in
            let id = try context.parameters.require("id")
            let unlinked = try await editRoadmap(
                context,
                MapChange(
                    action: "delete\(action)", object: "\(collection.kind):\(id)",
                    summary: "\(collection.noun) gelöscht: \(id)")
            ) { roadmap in
                guard roadmap[keyPath: collection.items].contains(where: { collection.id($0) == id }) else {
                    throw collection.notFound(id)
                }
                let (changed, unlinked) = collection.remove(roadmap, id)
                roadmap = changed
                return unlinked
            }
            return JSONBody(RemovalDocument(deleted: id, unlinked: unlinked))
        }
    }
}
