import Foundation
import ProcessMining

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
            return ResourcePseudonymizer(key: try create(file))
        } catch {
            throw CLIError(
                "\(file.path): Der Schlüssel für Pseudonyme lässt sich nicht anlegen (\(error.localizedDescription)).")
        }
    }

    /// Makes the key file, or reads the one another process made meanwhile: two servers started together on one
    /// home both found none, and the second failed. The key is written whole, readable only by its owner from the
    /// start, into a file of its own, which then gets the key's name by a hard link — which fails when the name
    /// exists — so no one ever reads a key half written or under another's permissions.
    private static func create(_ file: URL) throws -> Data {
        let key = ResourcePseudonymizer.makeKey()
        let partial = file.path + ".\(getpid()).\(UUID().uuidString)"
        let descriptor = open(partial, O_CREAT | O_EXCL | O_WRONLY, 0o600)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { unlink(partial) }
        let written = key.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor)
        close(descriptor)
        guard written == key.count, synced == 0 else { throw POSIXError(.EIO) }
        if link(partial, file.path) == 0 { return key }
        guard errno == EEXIST else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        let existing = try Data(contentsOf: file)
        guard existing.count == 32 else { throw POSIXError(.EINVAL) }
        return existing
    }
}
