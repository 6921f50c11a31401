/// The fixed paths of ``Paths`` as stored properties, for the templates: Mustache reads only stored properties,
/// and a template that wrote `/map/flows` by hand would drift from the route the day it moves. Every page sees
/// them as `{{paths.…}}`; links with an identifier in them come precomputed in the page's view model.
struct PathLinks: Sendable {
    var start = Paths.start
    var search = Paths.search
    var login = Paths.login
    var logout = Paths.logout
    var account = Paths.account
    var accountPassword = Paths.accountPassword
    var accountTokens = Paths.accountTokens
    var accountTenant = Paths.accountTenant
    var adminAccounts = Paths.adminAccounts
    var audit = Paths.audit
    var privacy = Paths.privacy
    var map = Paths.map
    var services = Paths.services
    var flows = Paths.flows
    var newFlow = Paths.newFlow
    var ist = Paths.ist
    var istFindings = Paths.istFindings
    var processes = Paths.processes
    var processUpload = Paths.processUpload
    var catalogue = Paths.catalogue
    var figureSettings = Paths.figureSettings
    var monitor = Paths.monitor
    var eventLogs = Paths.eventLogs
    var eventLogPrivacy = Paths.eventLogPrivacy
    var optimize = Paths.optimize
    var roadmap = Paths.roadmap
    var roadmapMeasurements = Paths.roadmapMeasurements
    var roadmapCSV = Paths.roadmapCSV
    var roadmapICS = Paths.roadmapICS
    var roadmapPrint = Paths.roadmapPrint
    var roadmapSettings = Paths.roadmapSettings
    var roadmapVision = Paths.roadmapVision
    var roadmapWeights = Paths.roadmapWeights
    var roadmapCapacities = Paths.roadmapCapacities
    var roadmapFields = Paths.roadmapFields
    var roadmapGoals = Paths.roadmapGoals
    var initiatives = Paths.initiatives
    var proposals = Paths.proposals
    var forMe = Paths.forMe
    var newInitiative = Paths.newInitiative
    var openAPI = Paths.openAPI
    var stylesheet = Paths.stylesheet
    var script = Paths.script
}
