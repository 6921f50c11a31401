import AmtswegCore
import AmtswegDemo
import AmtswegStore
import AmtswegSupport
import Foundation
public import Hummingbird
import Logging
import ProcessBPMN

/// The one composition root: opens the store, loads the demo when asked, builds the router with every page
/// and API route, and returns the application. `amtsweg serve` runs it; the router tests call it too.
public func buildApplication(_ configuration: ServerConfiguration) async throws -> some ApplicationProtocol {
    let logger = configuration.logger("amtsweg")
    let workspace = try await openWorkspace(configuration)
    let server = try await buildServer(configuration, workspace: workspace)
    return Application(
        router: server.router,
        server: .amtsweg(replay: server.replay),
        configuration: .init(
            address: .hostname(configuration.hostname, port: configuration.port), serverName: "Amtsweg"),
        logger: logger)
}

/// Opens (and migrates) the store and writes the demo municipality into it when asked and the store is empty.
public func openWorkspace(_ configuration: ServerConfiguration) async throws -> Workspace {
    let logger = configuration.logger("amtsweg")
    let repository = try await SQLMapRepository(
        engine: configuration.database.engine(connections: configuration.databaseConnections, server: true))
    if configuration.loadDemo, try await repository.tenants().isEmpty {
        try await DemoLoader.write(into: repository, passwordCost: configuration.passwordCost)
        logger.info("Demo-Kommune Musterstadt geladen.")
    }
    let workspace = Workspace(repository: repository, keepsDerivedValues: configuration.keepsDerivedViews)
    if configuration.localMode { try await workspace.ensureLocalAdministrator() }
    return workspace
}

/// The routes of the web application and the API over a workspace, and the route table that declares each
/// route's permission (the tests are generated from it).
public func buildRouter(_ configuration: ServerConfiguration, workspace: Workspace) async throws
    -> (router: Router<AppRequestContext>, routes: RouteTable)
{
    // Without the connection handler that removes the replay mark and replays: nothing is marked for replay.
    var configuration = configuration
    configuration.replayAnswers = false
    let server = try await buildServer(configuration, workspace: workspace)
    return (server.router, server.routes)
}

/// The router, its route table, and where answers are kept to be replayed before the router when the store has
/// no other writer (``ReplayedAnswers``).
func buildServer(_ configuration: ServerConfiguration, workspace: Workspace) async throws
    -> (router: Router<AppRequestContext>, routes: RouteTable, replay: ReplayedAnswers?)
{
    let renderer = try await PageRenderer(resources: configuration.resources)
    let logs = EventLogLibrary(
        repository: workspace.repository, pseudonymizer: configuration.pseudonymizer,
        maxDecompressedBytes: configuration.maxDecompressedBytes,
        jobs: AnalysisJobs(limit: configuration.analysisJobLimit, hold: configuration.holdAnalysisJob))
    let pages = Pages(renderer: renderer, workspace: workspace, logs: logs, configuration: configuration)
    let router = Router(context: AppRequestContext.self, options: .autoGenerateHeadEndpoints)
    let metrics = ServerMetrics()
    let replay =
        configuration.replaysAnswers
        ? ReplayedAnswers(
            workspace: workspace, metrics: metrics, logger: configuration.logger("amtsweg"), now: configuration.now)
        : nil
    // Order matters: errors become pages outside the file middleware, which serves a file only where the
    // routes answer "not found"; metrics and the log see every answer, those pages included.
    router.add(middleware: RequestMetricsMiddleware(metrics: metrics))
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ErrorMiddleware(renderer: renderer))
    // PostgreSQL can have other writers (several app instances); an SQLite file is written by this server alone.
    if case .postgres = configuration.database { router.add(middleware: StoreSyncMiddleware(workspace: workspace)) }
    // Reads wait their turn after that look, so those that arrive together still share one.
    router.add(middleware: AdmissionMiddleware(turns: Turns(configuration.maxActiveReads)))
    let routes = RouteTable(router: router, workspace: workspace, timeLimit: configuration.requestTimeLimit)
    router.add(middleware: MethodNotAllowedMiddleware(routes: routes.list))
    router.add(middleware: AccessMiddleware(workspace: workspace, configuration: configuration, replay: replay))
    router.add(
        middleware: FileMiddleware(
            configuration.resources.appendingPathComponent("static").path, urlBasePath: Paths.staticFiles,
            cacheControl: .init([(MediaType(type: .any), [.maxAge(3600)])]), searchForIndexHtml: false,
            logger: configuration.logger("files")))
    router.add(middleware: SessionMiddleware())
    HealthRoutes(pages: pages).addRoutes(to: routes)
    MetricsRoute(pages: pages, metrics: metrics).addRoutes(to: routes)
    StartPage(pages: pages).addRoutes(to: routes)
    MapPages(pages: pages).addRoutes(to: routes)
    IstAnalysisPage(pages: pages).addRoutes(to: routes)
    FlowPages(pages: pages).addRoutes(to: routes)
    ProcessPages(pages: pages).addRoutes(to: routes)
    ProcessVersionPages(pages: pages).addRoutes(to: routes)
    ProposalPages(pages: pages).addRoutes(to: routes)
    WorkshopPages(pages: pages).addRoutes(to: routes)
    MapVersionPages(pages: pages).addRoutes(to: routes)
    ForMePage(pages: pages).addRoutes(to: routes)
    CommentPages(pages: pages).addRoutes(to: routes)
    StepEditorPages(pages: pages).addRoutes(to: routes)
    CataloguePage(pages: pages).addRoutes(to: routes)
    MonitorPages(pages: pages).addRoutes(to: routes)
    EventLogPages(pages: pages).addRoutes(to: routes)
    StepMappingPage(pages: pages).addRoutes(to: routes)
    OptimizePages(pages: pages).addRoutes(to: routes)
    RoadmapPages(pages: pages).addRoutes(to: routes)
    HandbookPage(pages: pages).addRoutes(to: routes)
    RoadmapSettingsPages(pages: pages).addRoutes(to: routes)
    InitiativePages(pages: pages).addRoutes(to: routes)
    OZGPages(pages: pages).addRoutes(to: routes)
    FIMPages(pages: pages).addRoutes(to: routes)
    SearchPage(pages: pages).addRoutes(to: routes)
    AccountPages(pages: pages).addRoutes(to: routes)
    AdminPages(pages: pages).addRoutes(to: routes)
    AuditPage(pages: pages).addRoutes(to: routes)
    PrivacyPage(pages: pages).addRoutes(to: routes)
    FigureSettingsPage(pages: pages).addRoutes(to: routes)
    APIController(pages: pages).addRoutes(to: routes)
    return (router, routes, replay)
}
