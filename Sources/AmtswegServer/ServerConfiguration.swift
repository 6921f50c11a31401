public import Foundation
public import Logging
public import ProcessMining

/// How `amtsweg serve` runs: where it listens, which store it opens, and the limits it enforces.
public struct ServerConfiguration: Sendable {
    public var hostname: String
    public var port: Int
    /// The embedded SQLite file.
    public var databasePath: String
    /// Writes the Musterstadt demo into the store when the store holds no tenant yet.
    public var loadDemo: Bool
    /// The largest upload (BPMN file or event log) accepted; larger ones get 413 with a message.
    public var maxUploadBytes: Int
    /// The largest form body (not a file) accepted.
    public var maxFormBytes: Int
    /// The folder that holds `templates/` and `static/`; the target's bundled resources by default.
    public var resources: URL
    /// Pseudonymises the resources of uploaded event logs (the installation's key).
    public var pseudonymizer: ResourcePseudonymizer
    /// How much the server logs; tests lower it to warnings.
    public var logLevel: Logger.Level

    public init(
        hostname: String = "127.0.0.1", port: Int = 8080, databasePath: String, loadDemo: Bool = false,
        maxUploadBytes: Int = 100 << 20, maxFormBytes: Int = 1 << 20, resources: URL = ServerConfiguration.bundled,
        pseudonymizer: ResourcePseudonymizer, logLevel: Logger.Level = .info
    ) {
        self.hostname = hostname
        self.port = port
        self.databasePath = databasePath
        self.loadDemo = loadDemo
        self.maxUploadBytes = maxUploadBytes
        self.maxFormBytes = maxFormBytes
        self.resources = resources
        self.pseudonymizer = pseudonymizer
        self.logLevel = logLevel
    }

    /// The templates, styles and scripts that ship with the target.
    /// A logger with the configured level.
    public func logger(_ label: String) -> Logger {
        var logger = Logger(label: label)
        logger.logLevel = logLevel
        return logger
    }

    public static var bundled: URL {
        // Foundation on Linux reports a bundle folder that holds a `Resources` folder as its resource URL
        // already; on macOS the copied folder sits inside the resource URL. Take whichever has the templates.
        let candidates = [Bundle.module.resourceURL, Bundle.module.resourceURL?.appendingPathComponent("Resources")]
        return candidates.compactMap { $0 }.first {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent("templates").path)
        } ?? Bundle.module.bundleURL
    }
}
