public import AmtswegCore
import Synchronization
public import Hummingbird

/// The one place where routes are registered, each with the permission it needs.
///
/// Page and API controllers add their routes here instead of to the router; the table checks the permission
/// before the handler runs (handlers never look at roles) and remembers every route, so that tests can be
/// generated from it: isolation, permissions per role, cross-site writes, audit entries.
public final class RouteTable {
    /// One registered route.
    public struct Entry: Sendable, Hashable {
        public var method: HTTPRequest.Method
        /// As the router writes it: `/processes/:id/steps/:step`.
        public var path: String
        public var permission: Permission
        /// For permissions Mitwirkende hold only for their own unit: how the route finds the object's unit.
        public var scope: UnitScope?

        public init(method: HTTPRequest.Method, path: String, permission: Permission, scope: UnitScope? = nil) {
            self.method = method
            self.path = path
            self.permission = permission
            self.scope = scope
        }

        public var isAPI: Bool { path.hasPrefix(Paths.api + "/") }
        public var isWrite: Bool { ![.get, .head, .options].contains(method) }
    }

    /// How a route finds the unit of the object it changes.
    public enum UnitScope: Sendable, Hashable {
        /// The owner unit of the process named by a path parameter.
        case process(parameter: String)
        /// The units at either end of the information flow named by a path parameter.
        case flow(parameter: String)
        /// The owner unit of the roadmap initiative named by a path parameter.
        case initiative(parameter: String)
        /// The unit named by a path parameter itself (a unit answering its workshop questions).
        case unit(parameter: String)
    }

    let router: Router<AppRequestContext>
    let workspace: Workspace
    /// How long the handler of a request with a body may take before the client gets 503.
    let timeLimit: TimeLimit
    /// Filled while the router is built, read afterwards (by tests, and by the 405 answer while serving).
    let list = RouteList()
    public var entries: [Entry] { list.entries }

    init(router: Router<AppRequestContext>, workspace: Workspace, timeLimit: Duration) {
        self.router = router
        self.workspace = workspace
        self.timeLimit = TimeLimit(timeLimit)
    }

    func get(
        _ path: String, _ permission: Permission, scope: UnitScope? = nil,
        use handler: @Sendable @escaping (Request, AppRequestContext) async throws -> some ResponseGenerator
    ) {
        add(.get, path, permission, scope: scope, use: handler)
    }

    func post(
        _ path: String, _ permission: Permission, scope: UnitScope? = nil,
        use handler: @Sendable @escaping (Request, AppRequestContext) async throws -> some ResponseGenerator
    ) {
        add(.post, path, permission, scope: scope, use: handler)
    }

    func add(
        _ method: HTTPRequest.Method, _ path: String, _ permission: Permission, scope: UnitScope?,
        use handler: @Sendable @escaping (Request, AppRequestContext) async throws -> some ResponseGenerator
    ) {
        let entry = Entry(
            method: method, path: path.hasPrefix("/") ? path : "/" + path, permission: permission, scope: scope)
        list.append(entry)
        router.on(RouterPath(entry.path), method: method) { [workspace, timeLimit] request, context in
            var decoded = context
            decoded.coreContext.parameters = Self.decoded(context.parameters)
            let context = decoded
            try await Self.authorize(entry, request: request, context: context, workspace: workspace)
            // A page or list is read from what is kept, or computed from the tenant's data; whatever takes long
            // (discovery, alignments) runs as a background job and the page shows its progress. So reads are
            // answered inline: the limit's own task would cost a thread hop on every request of the busiest
            // kind. Requests that bring a body — uploads, imports, forms — get the limit.
            if method == .get { return try await handler(request, context).response(from: request, context: context) }
            return try await timeLimit.run {
                try await handler(request, context).response(from: request, context: context)
            }
        }
    }

    /// The path parameters as the client meant them. Hummingbird hands them over as they stand in the URI,
    /// still percent-encoded, so an id with a space or a letter beyond ASCII ("Straßenverkehr", "a b") would
    /// not be found; decoded here once, before the permission check and every handler see them.
    static func decoded(_ parameters: Parameters) -> Parameters {
        Parameters(
            parameters.map { element in
                (key: element.key, value: element.value.removingPercentEncoding.map { Substring($0) } ?? element.value)
            })
    }

    /// Lets the request through or throws ``AccessDenied``.
    static func authorize(
        _ entry: Entry, request: Request, context: AppRequestContext, workspace: Workspace
    ) async throws {
        if entry.permission == .anyone { return }
        guard let access = context.access else {
            throw entry.isAPI && request.headers[.authorization] != nil ? AccessDenied.invalidToken : .signInRequired
        }
        if entry.isWrite {
            // The API changes data only with a token, so a page another site opens in a signed-in browser
            // cannot use the session; a read-only token changes nothing.
            if entry.isAPI, !access.isToken { throw AccessDenied.tokenRequired }
            if !access.mayWrite { throw AccessDenied.forbidden(entry.permission) }
        }
        guard access.role.grants(entry.permission) else { throw AccessDenied.forbidden(entry.permission) }
        guard AccessPolicy.isLimitedToOwnUnit(access.role, for: entry.permission) else { return }
        guard let scope = entry.scope else { throw AccessDenied.forbidden(entry.permission) }
        let snapshot = try await workspace.snapshot(of: access.tenantID)
        let units: [ID<OrgUnit>]
        switch scope {
        case .process(let parameter):
            units = snapshot.record(context.parameters.get(parameter) ?? "")?.ownerUnitID.map { [$0] } ?? []
        case .flow(let parameter):
            let id = context.parameters.get(parameter) ?? ""
            units = snapshot.map.flows.first { $0.id.rawValue == id }.map { snapshot.map.units(of: $0) } ?? []
        case .initiative(let parameter):
            let id = ID<Initiative>(context.parameters.get(parameter) ?? "")
            units = try await workspace.roadmap(of: access.tenantID).initiative(id)?.ownerUnitID.map { [$0] } ?? []
        case .unit(let parameter):
            units = snapshot.unit(context.parameters.get(parameter) ?? "").map { [$0.id] } ?? []
        }
        guard access.may(entry.permission, forUnits: units, in: snapshot.map) else {
            throw AccessDenied.forbidden(entry.permission)
        }
    }
}

/// The registered routes, safe to read from any request.
final class RouteList: Sendable {
    private let stored = Mutex<[RouteTable.Entry]>([])

    var entries: [RouteTable.Entry] { stored.withLock { $0 } }

    func append(_ entry: RouteTable.Entry) { stored.withLock { $0.append(entry) } }

    /// The methods registered for a concrete path (`/api/v1/flows`), for a 405 answer with `Allow` when another
    /// method was asked for; empty when no route has the path.
    func methods(for path: String) -> [HTTPRequest.Method] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        return entries.filter { entry in
            let pattern = entry.path.split(separator: "/", omittingEmptySubsequences: false)
            return pattern.count == segments.count
                && zip(pattern, segments).allSatisfy { $0.hasPrefix(":") ? !$1.isEmpty : $0 == $1 }
        }.map(\.method)
    }
}
