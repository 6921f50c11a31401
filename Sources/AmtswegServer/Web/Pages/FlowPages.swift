import AmtswegCore
import Hummingbird

/// Information flows: the list with filters, and the form to add, change or remove one.
struct FlowPages: Sendable {
    let pages: Pages

    func addRoutes(to routes: RouteTable) {
        routes.get(Paths.flows, .read) { request, context in try await list(request, context) }
        routes.get(Paths.newFlow, .editMap) { request, context in try await edit(request, context, form: nil) }
        routes.post(Paths.flows, .editMap) { request, context in try await save(request, context, id: nil) }
        routes.get(Paths.flowPattern, .editMap, scope: .flow(parameter: "id")) { request, context in
            try await edit(request, context, form: nil)
        }
        routes.post(Paths.flowPattern, .editMap, scope: .flow(parameter: "id")) { request, context in
            try await save(request, context, id: try context.parameters.require("id"))
        }
        routes.post(Paths.flowDeletePattern, .editMap, scope: .flow(parameter: "id")) { request, context in
            try await delete(request, context)
        }
        routes.get(Paths.flowCommentsPattern, .read) { request, context in try await show(request, context) }
    }

    struct FlowView: Sendable {
        var flow: FlowLine
        var note: String?
        var proposeHref: String?
        var comments: CommentSectionView
    }

    /// One flow for everyone: what it carries between whom, the staff's comments on it, and the way to propose
    /// an improvement; its form is linked for those who may change it.
    func show(_ request: Request, _ context: AppRequestContext) async throws -> HTMLResponse {
        let snapshot = try await pages.snapshot(context)
        let id = try context.parameters.require("id")
        guard let flow = snapshot.map.flows.first(where: { $0.id.rawValue == id }) else {
            throw HTTPError(.notFound, message: "Einen Informationsfluss „\(id)“ gibt es nicht.")
        }
        let map = snapshot.map
        let tenant = map.tenant.id
        let mayComment = context.access?.may(.comment, forUnits: [], in: map) == true
        let line = FlowLine(flow, index: MapIndex(map), access: context.access)
        let view = FlowView(
            flow: line, note: flow.note, proposeHref: mayComment ? Paths.newProposal(about: .flow(flow.id)) : nil,
            comments: CommentSectionView(
                .flow(flow.id), comments: snapshot.visible(try await pages.workspace.comments(of: tenant)),
                mayComment: mayComment, map: map,
                people: try await CommentPages.people(of: tenant, in: pages.workspace), csrf: context.csrfToken))
        return try pages.page(
            "map/flow", title: "Informationsfluss von \(line.from) an \(line.to)", section: .map, content: view,
            context: context, snapshot: snapshot)
    }

    struct ListView: Sendable {
        var rows: [FlowLine]
        var total: String
        var shown: String
        var units: [SelectOption]
        var channels: [SelectOption]
        var isFiltered: Bool
    }

    func list(_ request: Request, _ context: AppRequestContext) async throws -> HTMLResponse {
        let snapshot = try await pages.snapshot(context)
        let query = request.uri.queryParameters
        return try await pages.cachedPage(
            request, "map/flows", title: "Informationsflüsse", section: .map, context: context, snapshot: snapshot,
            notice: query["saved"] != nil ? "Gespeichert." : nil
        ) { _ in
            let map = snapshot.map
            let index = MapIndex(map)
            let unit = query["unit"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
            let channel = query["channel"].map(String.init).flatMap(Channel.init(rawValue:))
            let unitOfPosition = Dictionary(map.positions.map { ($0.id, $0.unitID) }, uniquingKeysWith: { a, _ in a })
            func belongs(_ endpoint: FlowEndpoint) -> Bool {
                switch endpoint {
                case .unit(let id): id.rawValue == unit
                case .position(let id): unitOfPosition[id]?.rawValue == unit
                case .external: false
                }
            }
            let flows = map.flows.filter { flow in
                (unit == nil || belongs(flow.from) || belongs(flow.to)) && (channel == nil || flow.channel == channel)
            }
            let view = ListView(
                rows: flows.map { FlowLine($0, index: index, access: context.access) },
                total: Display.integer(map.flows.count),
                shown: Display.integer(flows.count),
                units: map.units.sorted { $0.name < $1.name }.map {
                    .init(value: $0.id.rawValue, label: $0.name, isSelected: $0.id.rawValue == unit)
                },
                channels: Channel.allCases.map {
                    .init(value: $0.rawValue, label: $0.label, isSelected: $0 == channel)
                },
                isFiltered: unit != nil || channel != nil)
            return view
        }
    }

    func edit(
        _ request: Request, _ context: AppRequestContext, form: FlowForm?, status: HTTPResponse.Status = .ok
    ) async throws -> HTMLResponse {
        let snapshot = try await pages.snapshot(context)
        var form = form ?? FlowForm()
        if form.errors.isEmpty, let id = context.parameters.get("id") {
            guard let flow = snapshot.map.flows.first(where: { $0.id.rawValue == id }) else {
                throw HTTPError(.notFound, message: "Einen Informationsfluss „\(id)“ gibt es nicht.")
            }
            form = FlowForm(flow)
        }
        form.prepare(map: snapshot.map, csrf: context.csrfToken)
        if form.version.isEmpty { form.version = snapshot.mapVersion.map(String.init) ?? "" }
        return try pages.page(
            "map/flow-form", title: form.isNew ? "Informationsfluss anlegen" : "Informationsfluss ändern",
            section: .map, content: form, context: context, snapshot: snapshot, status: status)
    }

    func save(_ request: Request, _ context: AppRequestContext, id: String?) async throws -> Response {
        let input = try await FormInput.read(request, context: context, limit: pages.configuration.maxFormBytes)
        let snapshot = try await pages.snapshot(context)
        var map = snapshot.map
        if let id, !map.flows.contains(where: { $0.id.rawValue == id }) {
            throw HTTPError(.notFound, message: "Einen Informationsfluss „\(id)“ gibt es nicht.")
        }
        var form = FlowForm(input, id: id)
        guard let flow = form.validate(in: map) else {
            return try await edit(request, context, form: form, status: .unprocessableContent)
                .response(from: request, context: context)
        }
        let isNew = !map.flows.contains { $0.id == flow.id }
        if let index = map.flows.firstIndex(where: { $0.id == flow.id }) {
            map.flows[index] = flow
        } else {
            map.flows.append(flow)
        }
        // Saved on the version the form was made from: a change someone made meanwhile is not overwritten.
        try await pages.workspace.saveMap(
            map, change: .flow(flow, action: isNew ? "createFlow" : "updateFlow", in: map), by: context.author,
            basedOn: Int(input[FlowField.version]) ?? snapshot.mapVersion)
        return SeeOther(location: Paths.flows + "?saved=1#flow-" + Paths.escape(flow.id.rawValue))
            .response(from: request, context: context)
    }

    func delete(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let input = try await FormInput.read(request, context: context, limit: pages.configuration.maxFormBytes)
        let id = try context.parameters.require("id")
        let snapshot = try await pages.snapshot(context)
        var map = snapshot.map
        guard map.flows.contains(where: { $0.id.rawValue == id }) else {
            throw HTTPError(.notFound, message: "Einen Informationsfluss „\(id)“ gibt es nicht.")
        }
        let removed = map.flows.first { $0.id.rawValue == id }!
        map.flows.removeAll { $0.id.rawValue == id }
        try await pages.workspace.saveMap(
            map, change: .flow(removed, action: "deleteFlow", in: snapshot.map), by: context.author,
            basedOn: Int(input[FlowField.version]) ?? snapshot.mapVersion)
        return SeeOther(location: Paths.flows + "?saved=1").response(from: request, context: context)
    }
}

/// The flow form with what was entered and what is wrong with it.
struct FlowForm: Sendable {
    var id = ""
    var isNew = true
    var from = ""
    var to = ""
    var object = ""
    var channel = ""
    var medium = ""
    var frequency = ""
    var note = ""
    /// The organisation's version the form was made from, sent back with it.
    var version = ""
    var errors: [String] = []
    var fromError: String?
    var toError: String?
    var channelError: String?
    var mediumError: String?
    var frequencyError: String?
    var endpoints: [SelectOption] = []
    var toEndpoints: [SelectOption] = []
    var objects: [SelectOption] = []
    var channels: [SelectOption] = []
    var media: [SelectOption] = []
    var csrf = ""
    var action = Paths.flows
    var deleteAction: String?
    /// Stored, not computed: Mustache sees only stored properties.
    var hasErrors = false

    init() {}

    init(_ flow: InformationFlow) {
        id = flow.id.rawValue
        isNew = false
        from = flow.from.description
        to = flow.to.description
        object = flow.objectID?.rawValue ?? ""
        channel = flow.channel.rawValue
        medium = flow.medium.rawValue
        frequency = String(flow.frequencyPerYear)
        note = flow.note ?? ""
    }

    init(_ input: FormInput, id: String?) {
        self.id = id ?? ""
        isNew = id == nil
        from = input[FlowField.from]
        to = input[FlowField.to]
        object = input[FlowField.object]
        channel = input[FlowField.channel]
        medium = input[FlowField.medium]
        frequency = input[FlowField.frequency]
        note = input[FlowField.note]
        version = input[FlowField.version]
    }

    /// Fills the choices of the selects from the map, keeping what was chosen.
    mutating func prepare(map: TenantMap, csrf: String) {
        self.csrf = csrf
        let index = MapIndex(map)
        let all: [FlowEndpoint] =
            map.units.map { .unit($0.id) } + map.positions.map { .position($0.id) }
            + map.externalParties.map { .external($0.id) }
        let labelled = all.map { ($0.description, index.name(of: $0), $0) }.sorted { $0.1 < $1.1 }
        endpoints = labelled.map { .init(value: $0.0, label: Self.kindLabel($0.2) + $0.1, isSelected: $0.0 == from) }
        toEndpoints = labelled.map { .init(value: $0.0, label: Self.kindLabel($0.2) + $0.1, isSelected: $0.0 == to) }
        objects = map.informationObjects.sorted { $0.name < $1.name }.map {
            .init(value: $0.id.rawValue, label: $0.name, isSelected: $0.id.rawValue == object)
        }
        channels = Channel.allCases.map {
            .init(value: $0.rawValue, label: $0.label, isSelected: $0.rawValue == channel)
        }
        media = Medium.allCases.map { .init(value: $0.rawValue, label: $0.label, isSelected: $0.rawValue == medium) }
        action = isNew ? Paths.flows : Paths.flow(id)
        deleteAction = isNew ? nil : Paths.flowDelete(id)
    }

    static func kindLabel(_ endpoint: FlowEndpoint) -> String {
        switch endpoint {
        case .unit: "Einheit: "
        case .position: "Stelle: "
        case .external: "Extern: "
        }
    }

    /// The flow, or nil with every message filled in.
    mutating func validate(in map: TenantMap) -> InformationFlow? {
        let source = FlowEndpoint(reference: from), target = FlowEndpoint(reference: to)
        func known(_ endpoint: FlowEndpoint?) -> Bool {
            switch endpoint {
            case .unit(let id): map.units.contains { $0.id == id }
            case .position(let id): map.positions.contains { $0.id == id }
            case .external(let id): map.externalParties.contains { $0.id == id }
            case nil: false
            }
        }
        if !known(source) { fromError = "Bitte wählen, von wem die Information kommt." }
        if !known(target) { toError = "Bitte wählen, wer die Information bekommt." }
        if fromError == nil, toError == nil, from == to { toError = "Absender und Empfänger müssen verschieden sein." }
        let channelValue = Channel(rawValue: channel), mediumValue = Medium(rawValue: medium)
        if channelValue == nil { channelError = "Bitte einen Kanal wählen." }
        if mediumValue == nil { mediumError = "Bitte ein Medium wählen." }
        let count = Int(frequency.replacingOccurrences(of: ".", with: ""))
        if count == nil || count! < 0 || count! > 10_000_000 {
            frequencyError = "Bitte die Anzahl im Jahr als ganze Zahl angeben, z. B. 250."
        }
        errors = [fromError, toError, channelError, mediumError, frequencyError].compactMap { $0 }
        hasErrors = !errors.isEmpty
        guard errors.isEmpty, let source, let target, let channelValue, let mediumValue, let count else { return nil }
        var flowID = id
        if flowID.isEmpty {
            let taken = Set(map.flows.map(\.id.rawValue))
            var number = map.flows.count + 1
            while taken.contains("fluss-\(number)") { number += 1 }
            flowID = "fluss-\(number)"
        }
        return InformationFlow(
            id: ID(flowID), from: source, to: target,
            objectID: map.informationObjects.first { $0.id.rawValue == object }?.id, channel: channelValue,
            medium: mediumValue, frequencyPerYear: count, note: note.isEmpty ? nil : note)
    }
}

/// The fields of the form, as its template names them.
enum FlowField: String, FormField {
    case from, to, object, channel, medium, frequency, note, version
}
