public import AmtswegCore

extension Musterstadt {
    /// An account of the demo, one per role, so that a newcomer can see the application as each role sees it.
    public struct DemoAccount: Sendable {
        public var name: String
        public var displayName: String
        public var role: AccessRole
        public var unitID: ID<OrgUnit>?
    }

    /// The demo accounts' password, shown on the sign-in page when the server runs with `--demo`: they exist to
    /// be tried, not to protect anything.
    public static let demoPassword = "musterstadt-demo-2026"

    /// One account per role; the Mitwirkende works in Straßenverkehr und Sondernutzung, whose parking permit
    /// was returned to its authors with a note (``reviewHistory()``).
    public static let demoAccounts: [DemoAccount] = [
        DemoAccount(name: "verwaltung", displayName: "Eva Roth (Administration)", role: .administration),
        DemoAccount(name: "prozess", displayName: "Miriam Aydın (Prozessmanagement)", role: .processManagement),
        DemoAccount(name: "verkehr", displayName: "Kai Yilmaz (Straßenverkehr)", role: .contributor, unitID: "32.2"),
        DemoAccount(name: "lesend", displayName: "Paul Berger (Lesende)", role: .reader),
        DemoAccount(name: "personalrat", displayName: "Ute Lorenz (Personalrat)", role: .staffCouncil),
    ]
}
