import Foundation

/// Named places inside write transactions, just before they commit, where a fault-injection test stops the
/// process: with `AMTSWEG_FAILPOINT=NAME` in its environment, the process reaching that place says so on standard
/// error and waits there, with everything written and nothing committed, until the test kills it (`kill -9`).
/// The crash tests (`Tests/Crash`) prove that nothing of such a transaction remains after a restart.
///
/// Inert without the variable: one comparison of a string read once at start.
enum Failpoint {
    static let armed = ProcessInfo.processInfo.environment["AMTSWEG_FAILPOINT"]

    /// A whole tenant is written (`amtsweg import`, the tenant JSON).
    static let saveTenant = "saveTenant.beforeCommit"
    /// An uploaded event log is written.
    static let saveEventLog = "saveEventLog.beforeCommit"

    static func reach(_ name: String) async {
        guard armed == name else { return }
        FileHandle.standardError.write(Data("failpoint \(name) reached\n".utf8))
        while true { try? await Task.sleep(for: .seconds(3600)) }
    }
}
