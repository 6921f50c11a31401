import AmtswegCore
import Foundation

/// Every URL of the application, for the routes (patterns with `:parameter`) and the links (functions that
/// fill them in, escaped). Pages, the API and the route table take their paths from here, so a route and the
/// links to it cannot drift apart.
enum Paths {
    // MARK: - Patterns

    static let start = "/"
    static let login = "/login"
    /// For load balancers and monitoring: the process is alive; the store is reachable and current.
    static let health = "/health"
    static let ready = "/ready"
    /// For the operator's monitoring: Prometheus metrics, with the metrics token.
    static let metrics = "/metrics"
    /// What the data centre's machines ask, often by IP address: answered without a host check, a person or
    /// the store's synchronisation.
    static let operations: Set<String> = [health, ready, metrics]
    static let logout = "/logout"
    static let account = "/account"
    static let forMe = "/me"
    static let accountPassword = "/account/password"
    static let accountTokens = "/account/tokens"
    static let accountTokenRevoke = "/account/tokens/:token/revoke"
    static let accountTenant = "/account/tenant"
    static let adminAccounts = "/admin/accounts"
    static let adminAccount = "/admin/accounts/:account"
    static let adminAccountReset = "/admin/accounts/:account/reset"
    static let adminAccountDisable = "/admin/accounts/:account/disable"
    static let adminAccountEnable = "/admin/accounts/:account/enable"
    static let adminAccountTokens = "/admin/accounts/:account/tokens"
    static let audit = "/audit"
    static let auditCSV = "/audit.csv"
    static let privacy = "/privacy"

    static let map = "/map"
    static let unitPattern = "/map/units/:id"
    static let services = "/map/services"
    static let ist = "/map/ist"
    static let istFindings = "/map/ist/findings"
    static let flows = "/map/flows"
    static let newFlow = "/map/flows/new"
    static let flowPattern = "/map/flows/:id"
    static let flowDeletePattern = "/map/flows/:id/delete"
    /// A flow with its comments and the way to propose an improvement (the flow's page for everyone).
    static let flowCommentsPattern = "/map/flows/:id/comments"
    /// The organisation's versions and their review.
    static let mapVersions = "/map/versions"
    static let mapCompare = "/map/versions/compare"
    static let mapSubmit = "/map/versions/submit"
    static let mapReview = "/map/versions/review"
    static let mapRestorePattern = "/map/versions/:number/restore"
    static let workshops = "/map/workshops"
    static let newWorkshop = "/map/workshops/new"
    static let workshopPattern = "/map/workshops/:id"
    static let workshopClosePattern = "/map/workshops/:id/close"
    static let workshopComparePattern = "/map/workshops/:id/compare"
    /// One question of the guided form a unit answers for itself.
    static let workshopQuestionPattern = "/map/workshops/:id/units/:unit/questions/:question"
    static let workshopDecidePattern = "/map/workshops/:id/answers/:answer/decide"
    static let workshopContradictionsPattern = "/map/workshops/:id/contradictions"

    static let processes = "/processes"
    static let processUpload = "/processes/upload"
    static let catalogue = "/processes/catalogue"
    static let figureSettings = "/processes/settings"
    /// The FIM library: reference processes imported from XProzess, and the upload.
    static let fim = "/processes/fim"
    static let fimMasterPattern = "/processes/fim/:id"
    static let fimDerivePattern = "/processes/fim/:id/derive"
    /// A local process beside the reference process it was derived from.
    static let processLineagePattern = "/processes/:id/lineage"
    static let processLineageFollowPattern = "/processes/:id/lineage/follow"
    /// A process as an XProzess 2 message.
    static let processXProzessPattern = "/processes/:id/xprozess"
    static let processPattern = "/processes/:id"
    static let processCommentsPattern = "/processes/:id/comments"
    static let comments = "/comments"
    static let commentResolvePattern = "/comments/:id/resolve"
    static let commentReopenPattern = "/comments/:id/reopen"
    static let processDiagramPattern = "/processes/:id/diagram.svg"
    static let processVersionsPattern = "/processes/:id/versions"
    static let processComparePattern = "/processes/:id/versions/compare"
    static let processRestorePattern = "/processes/:id/versions/:number/restore"
    static let processSubmitPattern = "/processes/:id/submit"
    static let processReviewPattern = "/processes/:id/review"
    static let processBPMNPattern = "/processes/:id/bpmn"
    static let stepsPattern = "/processes/:id/steps"
    static let stepPattern = "/processes/:id/steps/:step"
    static let stepMovePattern = "/processes/:id/steps/:step/move"
    static let stepDeletePattern = "/processes/:id/steps/:step/delete"
    static let stepInsertPattern = "/processes/:id/steps/:step/insert"
    static let stepChoicePattern = "/processes/:id/steps/:step/choice"

    static let monitor = "/monitor"
    static let eventLogs = "/monitor/logs"
    static let eventLogPrivacy = "/monitor/logs/privacy"
    static let eventLogPattern = "/monitor/logs/:id"
    static let eventLogDFGPattern = "/monitor/logs/:id/dfg.svg"
    static let eventLogModelPattern = "/monitor/logs/:id/model.svg"
    static let eventLogConformancePattern = "/monitor/logs/:id/conformance.svg"
    /// Which step of the log's process each of its activities stands for.
    static let eventLogStepsPattern = "/monitor/logs/:id/steps"
    /// How far a background analysis has come, as JSON for the page's script.
    static let jobPattern = "/monitor/jobs/:job"

    static let optimize = "/optimize"
    static let proposals = "/optimize/proposals"
    static let newProposalPath = "/optimize/proposals/new"
    static let proposalPattern = "/optimize/proposals/:id"
    static let proposalVotePattern = "/optimize/proposals/:id/vote"
    static let proposalWithdrawPattern = "/optimize/proposals/:id/withdraw"
    static let proposalDecidePattern = "/optimize/proposals/:id/decide"
    static let comparePattern = "/optimize/compare/:ist/:soll"
    /// One problem spot, by its key, with its comments and the way to propose an improvement.
    static let problemSpotPattern = "/optimize/spots/:key"
    /// The process handbook to print: the whole tenant's, a unit's or one process's (see ``handbook(unit:)``).
    static let handbook = "/processes/handbook"
    static let roadmap = "/roadmap"
    static let roadmapMeasurements = "/roadmap/measurements"
    static let roadmapCSV = "/roadmap/initiatives.csv"
    static let roadmapICS = "/roadmap/milestones.ics"
    static let roadmapPrint = "/roadmap/print"
    static let roadmapSettings = "/roadmap/settings"
    static let roadmapVision = "/roadmap/vision"
    static let roadmapWeights = "/roadmap/weights"
    static let roadmapCapacities = "/roadmap/capacities"
    static let roadmapFields = "/roadmap/fields"
    static let roadmapFieldPattern = "/roadmap/fields/:id"
    static let roadmapFieldDeletePattern = "/roadmap/fields/:id/delete"
    static let roadmapGoals = "/roadmap/goals"
    static let roadmapGoalPattern = "/roadmap/goals/:id"
    static let roadmapGoalDeletePattern = "/roadmap/goals/:id/delete"
    static let initiatives = "/roadmap/initiatives"
    static let newInitiative = "/roadmap/initiatives/new"
    static let initiativePattern = "/roadmap/initiatives/:id"
    static let initiativeNotesPattern = "/roadmap/initiatives/:id/notes"
    /// The OZG dashboard: the services by Themenfeld and Lage, their maturity, the OZG-Leistungen online.
    static let ozg = "/roadmap/ozg"
    static let ozgServicePattern = "/roadmap/ozg/services/:id"
    static let search = "/search"

    static let staticFiles = "/static"
    static let stylesheet = staticFiles + "/amtsweg.css"
    static let script = staticFiles + "/amtsweg.js"

    static let api = "/api/v1"
    static let openAPI = "/api/openapi.json"

    // MARK: - Links

    static func login(next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), next != login else { return login }
        return login + "?next=" + escape(next)
    }

    static func unit(_ id: ID<OrgUnit>) -> String { unit(id.rawValue) }
    static func unit(_ id: String) -> String { "/map/units/" + escape(id) }
    static func process(_ id: String) -> String { "/processes/" + escape(id) }
    static func processDiagram(_ id: String) -> String { process(id) + "/diagram.svg" }
    static func processBPMN(_ id: String) -> String { process(id) + "/bpmn" }
    static func processComments(_ id: String) -> String { process(id) + "/comments" }
    static func proposal(_ id: ID<Proposal>) -> String { proposals + "/" + escape(id.rawValue) }
    static func newProposal(about subject: CommentSubject) -> String {
        newProposalPath + "?subject=" + escape(subject.description)
    }
    static func processVersions(_ id: String) -> String { process(id) + "/versions" }
    static func processCompare(_ id: String, from: Int, to: Int) -> String {
        processVersions(id) + "/compare?from=\(from)&to=\(to)"
    }
    static func processRestore(_ id: String, _ number: Int) -> String { processVersions(id) + "/\(number)/restore" }
    static func processSubmit(_ id: String) -> String { process(id) + "/submit" }
    static func processReview(_ id: String) -> String { process(id) + "/review" }
    static func commentResolve(_ id: ID<Comment>) -> String { "/comments/" + escape(id.rawValue) + "/resolve" }
    static func commentReopen(_ id: ID<Comment>) -> String { "/comments/" + escape(id.rawValue) + "/reopen" }
    /// Where a comment is found however old it is: a process's and its steps' on the process's discussion page
    /// (its page shows the latest threads only, ``ProcessCommentsView``), the others as ``comment(_:)``.
    static func discussedComment(_ comment: Comment) -> String? {
        guard let process = comment.subject.processID else { return Self.comment(comment) }
        return processComments(process.rawValue) + "#comment-" + escape((comment.replyTo ?? comment.id).rawValue)
    }
    /// Where a comment is shown: on the page of what it is about, at the thread. A process's page shows a thread
    /// just written in or settled.
    static func comment(_ comment: Comment) -> String? {
        let anchor = "#comment-" + escape((comment.replyTo ?? comment.id).rawValue)
        switch comment.subject {
        case .process(let id), .step(let id, _): return process(id.rawValue) + anchor
        case .unit(let id): return unit(id) + anchor
        case .initiative(let id): return initiative(id) + anchor
        case .flow(let id): return flowComments(id.rawValue) + anchor
        case .problemSpot(let key): return problemSpot(key) + anchor
        }
    }
    static func steps(_ processID: String) -> String { process(processID) + "/steps" }
    static func step(_ processID: String, _ stepID: String) -> String { steps(processID) + "/" + escape(stepID) }
    static func compare(_ ist: String, _ soll: String) -> String {
        "/optimize/compare/" + escape(ist) + "/" + escape(soll)
    }
    static func eventLog(_ id: String) -> String { eventLogs + "/" + escape(id) }
    static func eventLogSteps(_ id: String) -> String { eventLog(id) + "/steps" }
    static func flow(_ id: String) -> String { flows + "/" + escape(id) }
    static func flowDelete(_ id: String) -> String { flow(id) + "/delete" }
    static func flowComments(_ id: String) -> String { flow(id) + "/comments" }
    static func problemSpot(_ key: String) -> String { "/optimize/spots/" + escape(key) }
    /// The flow's line in the list of flows.
    static func flowInList(_ id: String) -> String { flows + "#flow-" + escape(id) }
    static func mapCompare(from: Int, to: Int) -> String { mapCompare + "?from=\(from)&to=\(to)" }
    static func mapRestore(_ number: Int) -> String { mapVersions + "/\(number)/restore" }
    static func workshop(_ id: ID<WorkshopRound>) -> String { workshops + "/" + escape(id.rawValue) }
    static func workshopQuestion(_ id: ID<WorkshopRound>, unit: ID<OrgUnit>, _ question: IstQuestion) -> String {
        workshop(id) + "/units/" + escape(unit.rawValue) + "/questions/\(question.rawValue)"
    }
    static func workshopDecide(_ id: ID<WorkshopRound>, answer: ID<WorkshopAnswer>) -> String {
        workshop(id) + "/answers/" + escape(answer.rawValue) + "/decide"
    }
    static func workshopCompare(_ id: ID<WorkshopRound>, with other: ID<WorkshopRound>?) -> String {
        workshop(id) + "/compare" + (other.map { "?with=" + escape($0.rawValue) } ?? "")
    }
    static func apiWorkshop(_ id: ID<WorkshopRound>) -> String { api + "/workshops/" + escape(id.rawValue) }
    static func fimMaster(_ id: String) -> String { fim + "/" + escape(id) }
    static func fimDerive(_ id: String) -> String { fimMaster(id) + "/derive" }
    static func processLineage(_ id: String) -> String { process(id) + "/lineage" }
    static func processLineageFollow(_ id: String) -> String { processLineage(id) + "/follow" }
    static func processXProzess(_ id: String) -> String { process(id) + "/xprozess" }
    static func ozgService(_ id: ID<Service>) -> String { ozg + "/services/" + escape(id.rawValue) }
    static func roadmapField(_ id: ID<FieldOfAction>) -> String { roadmapFields + "/" + escape(id.rawValue) }
    static func roadmapGoal(_ id: ID<Goal>) -> String { roadmapGoals + "/" + escape(id.rawValue) }
    static func initiative(_ id: ID<Initiative>) -> String { initiatives + "/" + escape(id.rawValue) }
    static func initiativeNotes(_ id: ID<Initiative>) -> String { initiative(id) + "/notes" }
    /// The form for a new initiative made from a problem spot, an Ist/Soll pair or a workshop finding.
    static func newInitiative(spot: String) -> String { newInitiative + "?spot=" + escape(spot) }
    static func newInitiative(ist: String, soll: String) -> String {
        newInitiative + "?ist=" + escape(ist) + "&soll=" + escape(soll)
    }
    static func newInitiative(finding: String) -> String { newInitiative + "?finding=" + escape(finding) }

    static func apiProcess(_ id: String) -> String { api + "/processes/" + escape(id) }
    static func apiEventLog(_ id: String) -> String { api + "/event-logs/" + escape(id) }
    static func apiJob(_ id: String) -> String { api + "/jobs/" + escape(id) }
    static func job(_ id: String) -> String { "/monitor/jobs/" + escape(id) }
    static func process(_ id: ID<ProcessModel>) -> String { process(id.rawValue) }
    static func handbook(unit id: ID<OrgUnit>) -> String { handbook + "?unit=" + escape(id.rawValue) }
    static func handbook(process id: String) -> String { handbook + "?process=" + escape(id) }
    static func service(_ id: ID<Service>) -> String { "/map/services#service-" + escape(id.rawValue) }
    static func adminAccount(_ name: String) -> String { adminAccounts + "/" + escape(name) }
    static func accountTokenRevoke(_ id: ID<AccessToken>) -> String {
        accountTokens + "/" + escape(id.rawValue) + "/revoke"
    }

    /// A path segment (or query value) with everything but unreserved characters percent-encoded.
    static func escape(_ segment: String) -> String {
        segment.addingPercentEncoding(withAllowedCharacters: .urlPathSegmentAllowed) ?? segment
    }
}
