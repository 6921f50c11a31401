import AmtswegCore
import Hummingbird

/// The Map phase: the organisation tree with positions and tasks, one unit, the services.
struct MapPages: Sendable {
    let pages: Pages

    func addRoutes(to routes: RouteTable) {
        routes.get(Paths.map, .read) { request, context in try await organisation(request, context) }
        routes.get(Paths.unitPattern, .read) { request, context in try await unit(request, context) }
        routes.get(Paths.services, .read) { request, context in try await services(request, context) }
    }

    // MARK: - Organisation

    struct UnitNode: Sendable {
        struct Item: Sendable {
            var id: String
            var text: String
        }
        var id: String
        var name: String
        var kind: String
        var href: String
        var positions: [Item]
        var tasks: [Item]
        var children: [UnitNode]
        var hasDetails: Bool
    }

    struct OrganisationView: Sendable {
        var roots: [UnitNode]
        var isEmpty: Bool
        var unitCount: String
        var positionCount: String
        var fte: String
    }

    func organisation(_ request: Request, _ context: AppRequestContext) async throws -> HTMLResponse {
        let snapshot = try await pages.snapshot(context)
        // Made from the map alone: kept through comments, votes and roadmap changes.
        return try await pages.cachedPage(
            request, "map/organisation", title: "Organisation", section: .map, context: context, snapshot: snapshot,
            areas: []
        ) { _ in
            let map = snapshot.map
            let positionsByUnit = Dictionary(grouping: map.positions, by: \.unitID)
            let dutiesByUnit = Dictionary(grouping: map.duties, by: \.unitID)
            let known = Set(map.units.map(\.id))
            let childrenOf = Dictionary(grouping: map.units.filter { $0.parentID.map(known.contains) ?? false }) {
                $0.parentID!
            }
            func node(_ unit: OrgUnit, depth: Int) -> UnitNode {
                let positions = (positionsByUnit[unit.id] ?? []).sorted { $0.id < $1.id }.map {
                    UnitNode.Item(
                        id: $0.id.rawValue,
                        text:
                            "\($0.title) (\(Display.decimal($0.fte, digits: 1)) VZÄ\($0.payGrade.map { ", " + $0 } ?? ""))"
                    )
                }
                let tasks = (dutiesByUnit[unit.id] ?? []).sorted { $0.id < $1.id }.map {
                    UnitNode.Item(id: $0.id.rawValue, text: $0.name)
                }
                // The depth bound keeps a (refused on import, but possible) cycle from recursing forever.
                let children =
                    depth > 20
                    ? [] : (childrenOf[unit.id] ?? []).sorted { $0.id < $1.id }.map { node($0, depth: depth + 1) }
                return UnitNode(
                    id: unit.id.rawValue, name: unit.name, kind: unit.kind.label, href: Paths.unit(unit.id),
                    positions: positions, tasks: tasks, children: children,
                    hasDetails: !positions.isEmpty || !tasks.isEmpty)
            }
            let roots = map.units.filter { $0.parentID.map { !known.contains($0) } ?? true }.sorted { $0.id < $1.id }
            let view = OrganisationView(
                roots: roots.map { node($0, depth: 0) }, isEmpty: map.units.isEmpty,
                unitCount: Display.integer(map.units.count), positionCount: Display.integer(map.positions.count),
                fte: Display.decimal(map.positions.reduce(0) { $0 + $1.fte }))
            return view
        }
    }

    // MARK: - Unit

    struct UnitView: Sendable {
        struct Line: Sendable {
            var text: String
            var href: String?
        }
        var name: String
        var kind: String
        var officeNumber: String?
        var parent: Line?
        var children: [Line]
        var positions: [Line]
        var tasks: [Line]
        var services: [Line]
        var processes: [Line]
        var incoming: [FlowLine]
        var outgoing: [FlowLine]
        var entryPoints: [Line]
        var comments: CommentSectionView?
    }

    func unit(_ request: Request, _ context: AppRequestContext) async throws -> HTMLResponse {
        let snapshot = try await pages.snapshot(context)
        let id = try context.parameters.require("id")
        guard let unit = snapshot.unit(id) else {
            throw HTTPError(.notFound, message: "Eine Organisationseinheit „\(id)“ gibt es nicht.")
        }
        let map = snapshot.map
        let index = MapIndex(map)
        let positions = Set(map.positions.filter { $0.unitID == unit.id }.map(\.id))
        func touches(_ endpoint: FlowEndpoint) -> Bool {
            switch endpoint {
            case .unit(let other): other == unit.id
            case .position(let position): positions.contains(position)
            case .external: false
            }
        }
        let comments = snapshot.visible(try await pages.workspace.comments(of: snapshot.map.tenant.id))
        let people = try await CommentPages.people(of: snapshot.map.tenant.id, in: pages.workspace)
        var view = UnitView(
            name: unit.name, kind: unit.kind.label, officeNumber: unit.officeNumber,
            parent: unit.parentID.flatMap { parent in
                map.units.first { $0.id == parent }.map { .init(text: $0.name, href: Paths.unit($0.id)) }
            },
            children: map.units.filter { $0.parentID == unit.id }.sorted { $0.id < $1.id }.map {
                .init(text: $0.name, href: Paths.unit($0.id))
            },
            positions: map.positions.filter { $0.unitID == unit.id }.map {
                .init(text: "\($0.title) – \(Display.decimal($0.fte, digits: 1)) VZÄ", href: nil)
            },
            tasks: map.duties.filter { $0.unitID == unit.id }.map { .init(text: $0.name, href: nil) },
            services: map.services.filter { $0.unitID == unit.id }.map {
                .init(text: "\($0.name) (LeiKa \($0.leikaKey))", href: Paths.service($0.id))
            },
            processes: snapshot.records.filter { $0.ownerUnitID == unit.id }.map {
                .init(text: "\($0.name) (\($0.state.label))", href: Paths.process($0.id))
            },
            incoming: map.flows.filter { touches($0.to) }.map { FlowLine($0, index: index, access: context.access) },
            outgoing: map.flows.filter { touches($0.from) }.map { FlowLine($0, index: index, access: context.access) },
            entryPoints: map.entryPoints.filter { $0.unitID == unit.id }.map {
                .init(text: "\($0.channel.label): \(Display.integer($0.volumePerYear)) im Jahr", href: nil)
            })
        view.comments = CommentSectionView(
            .unit(unit.id), comments: comments,
            mayComment: context.access?.may(.comment, forUnits: [], in: map) == true, map: map, people: people,
            csrf: context.csrfToken)
        return try pages.page(
            "map/unit", title: unit.name, section: .map, content: view, context: context, snapshot: snapshot)
    }

    // MARK: - Services

    struct ServicesView: Sendable {
        struct Row: Sendable {
            var id: String
            var name: String
            var leika: String
            var unit: String
            var unitHref: String
            var cases: String
            var processes: [UnitView.Line]
        }
        var rows: [Row]
        var isEmpty: Bool
    }

    func services(_ request: Request, _ context: AppRequestContext) async throws -> HTMLResponse {
        let snapshot = try await pages.snapshot(context)
        let index = MapIndex(snapshot.map)
        let rows = snapshot.map.services.sorted { $0.name < $1.name }.map { service in
            ServicesView.Row(
                id: service.id.rawValue, name: service.name, leika: service.leikaKey.description,
                unit: index.unitName(service.unitID), unitHref: Paths.unit(service.unitID),
                cases: service.casesPerYear.map(Display.integer) ?? "–",
                processes: snapshot.records.filter { $0.serviceID == service.id }.map {
                    .init(text: "\($0.name) (\($0.state.label))", href: Paths.process($0.id))
                })
        }
        return try pages.page(
            "map/services", title: "Leistungen", section: .map,
            content: ServicesView(rows: rows, isEmpty: rows.isEmpty), context: context, snapshot: snapshot)
    }
}

/// An information flow as a table row.
struct FlowLine: Sendable {
    var id: String
    var from: String
    var to: String
    var object: String
    var channel: String
    var medium: String
    var frequency: String
    var isExternal: Bool
    /// Whether the person may change the flow (Mitwirkende: only flows of their unit).
    var canEdit: Bool
    var editHref: String
    /// The flow's page: its comments and the way to propose an improvement.
    var commentsHref: String

    init(_ flow: InformationFlow, index: MapIndex, access: Access?) {
        let units = [index.unit(of: flow.from), index.unit(of: flow.to)].compactMap { $0 }
        canEdit = access?.may(.editMap, forUnits: units, in: index.map) == true
        id = flow.id.rawValue
        editHref = Paths.flow(flow.id.rawValue)
        commentsHref = Paths.flowComments(flow.id.rawValue)
        from = index.name(of: flow.from)
        to = index.name(of: flow.to)
        object = index.objectName(flow.objectID) ?? "–"
        channel = flow.channel.label
        medium = flow.medium.label
        frequency = Display.integer(flow.frequencyPerYear)
        isExternal = flow.from.isExternal || flow.to.isExternal
    }
}
