import Foundation
import ProcessMining

/// The key that pseudonymises resources of logs read on this installation: a random 256-bit key in
/// `$AMTSWEG_HOME/pseudonym.key` (default `~/.amtsweg`), made on first use, readable only by its owner.
/// When tenants keep their logs in the store (a later issue), each tenant gets its own key there.
enum PseudonymKey {
    static func load() throws -> ResourcePseudonymizer {
        let home =
            ProcessInfo.processInfo.environment["AMTSWEG_HOME"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".amtsweg")
        let file = home.appendingPathComponent("pseudonym.key")
        if let key = try? Data(contentsOf: file), key.count == 32 { return ResourcePseudonymizer(key: key) }
        do {
            try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
            let key = ResourcePseudonymizer.makeKey()
            try key.write(to: file, options: .withoutOverwriting)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
            return ResourcePseudonymizer(key: key)
        } catch {
            throw CLIError(
                "\(file.path): Der Schlüssel für Pseudonyme lässt sich nicht anlegen (\(error.localizedDescription)).")
        }
    }
}
