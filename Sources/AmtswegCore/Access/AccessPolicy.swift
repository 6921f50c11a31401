/// Which roles hold which permission: the expected outcome of every route for every role.
///
/// The route table names a permission per route; this table turns it into allow or deny. The generated
/// permission tests read their expectation from here, not from a copy in the test.
public enum AccessPolicy {
    public static let table: [Permission: Set<AccessRole>] = [
        .anyone: Set(AccessRole.allCases),
        .signedIn: Set(AccessRole.allCases),
        .read: Set(AccessRole.allCases),
        .readDrafts: [.administration, .processManagement, .contributor],
        .editMap: [.administration, .processManagement, .contributor],
        .editProcess: [.administration, .processManagement, .contributor],
        .manageProcesses: [.administration, .processManagement],
        .planRoadmap: [.administration, .processManagement],
        .review: [.administration, .processManagement],
        .reportProgress: [.administration, .processManagement, .contributor],
        .comment: [.administration, .processManagement, .contributor],
        .readAudit: [.administration, .staffCouncil],
        .decidePrivacy: [.staffCouncil],
        .administer: [.administration],
    ]

    /// Permissions that Mitwirkende hold only for objects of their own unit (and the units below it).
    public static let unitScoped: Set<Permission> = [.editMap, .editProcess, .reportProgress]

    /// Whether `role` needs the object's unit to be its own for `permission`.
    public static func isLimitedToOwnUnit(_ role: AccessRole, for permission: Permission) -> Bool {
        role == .contributor && unitScoped.contains(permission)
    }
}
