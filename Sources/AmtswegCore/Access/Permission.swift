/// What a route needs. Every page and API route declares one where it is registered (the route table);
/// ``AccessPolicy`` says which roles hold it. Handlers never check roles themselves.
public enum Permission: String, Sendable, CaseIterable, Codable {
    /// Anyone, also without an account: the login page, the API description.
    case anyone
    /// Any signed-in member of the tenant: the own account page, logging out, changing the own password.
    case signedIn = "signed-in"
    /// Reading the tenant's map, processes, figures, analyses and event logs.
    case read
    /// Seeing the working state of processes — drafts and versions under review — and their version history.
    /// Without it, a person sees the released version of each process and nothing of those never released.
    case readDrafts = "read-drafts"
    /// Changing the map: units' tasks, information flows, workshop answers. Mitwirkende only for their unit.
    case editMap = "edit-map"
    /// Changing a process's steps. Mitwirkende only for processes their unit owns.
    case editProcess = "edit-process"
    /// Importing processes and uploading event logs, running analyses on them; setting the assumptions of the
    /// figures (working day, annual hours, hourly cost, problem thresholds).
    case manageProcesses = "manage-processes"
    /// Planning the roadmap: Zielbild, goals, fields of action, initiatives, weights, capacities, measurements.
    case planRoadmap = "plan-roadmap"
    /// Returning a process under review to its authors, releasing it, archiving it, restoring an old version.
    case review
    /// Writing comments and answers, settling and reopening threads: taking part, not changing the models.
    case comment
    /// Reporting progress on an initiative. Mitwirkende only on initiatives their unit owns.
    case reportProgress = "report-progress"
    /// Reading the audit log and the privacy settings.
    case readAudit = "read-audit"
    /// Switching person-level analyses on or off for the tenant.
    case decidePrivacy = "decide-privacy"
    /// Accounts, roles and access tokens of the tenant.
    case administer
}
